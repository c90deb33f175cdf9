using IsatapPlatform.Analyzers.CodeFixes;
using IsatapPlatform.Analyzers.Tests.Infrastructure;

namespace IsatapPlatform.Analyzers.Tests.Fixes;

public class CidrToPrefixCodeFixTests
{
    private static string Code(string body) => $$"""
        using System.Net;

        class C
        {
            void M()
            {
                {{body.Replace("\n", "\n        ")}}
            }
        }
        """;

    private static Task Fix(string before, string after, string key)
        => Verify.CodeFix<AddressConstantAnalyzer, CidrToPrefixCodeFixProvider>(Code(before), Code(after), equivalenceKey: key);

    [Fact]
    public Task Parse_into_var_becomes_IPNetwork() => Fix(
        """var wkp = IPAddress.Parse({|ISA0006:"64:ff9b::/96"|});""",
        """var wkp = IPNetwork.Parse("64:ff9b::/96");""",
        CidrToPrefixCodeFixProvider.UseIPNetworkKey);

    [Fact]
    public Task Explicit_type_changes_with_the_call() => Fix(
        """IPAddress intranet = IPAddress.Parse({|ISA0006:"10.0.0.0/8"|});""",
        """IPNetwork intranet = IPNetwork.Parse("10.0.0.0/8");""",
        CidrToPrefixCodeFixProvider.UseIPNetworkKey);

    [Fact]
    public Task TryParse_out_declaration() => Fix(
        """
        if (IPAddress.TryParse({|ISA0006:"10.0.0.0/8"|}, out IPAddress? a)) System.Console.WriteLine(a);
        IPAddress.TryParse({|ISA0006:"2001:db8::/32"|}, out var b);
        IPAddress.TryParse({|ISA0006:"2001:db8::/48"|}, out _);
        """,
        """
        if (IPNetwork.TryParse("10.0.0.0/8", out IPNetwork a)) System.Console.WriteLine(a);
        IPNetwork.TryParse("2001:db8::/32", out var b);
        IPNetwork.TryParse("2001:db8::/48", out _);
        """,
        CidrToPrefixCodeFixProvider.UseIPNetworkKey);

    [Fact]
    public Task SDK_prefix_type_adds_its_using() => Verify.CodeFix<AddressConstantAnalyzer, CidrToPrefixCodeFixProvider>(
        """
        using System.Net;

        class C
        {
            void M()
            {
                IPAddress wkp = IPAddress.Parse({|ISA0006:"64:ff9b::/96"|});
                var intranet = IPAddress.Parse({|ISA0006:"10.0.0.0/8"|});
            }
        }
        """,
        """
        using System.Net;
        using IsatapPlatform.Addressing;

        class C
        {
            void M()
            {
                IPv6Prefix wkp = IPv6Prefix.Parse("64:ff9b::/96");
                var intranet = IPv4Prefix.Parse("10.0.0.0/8");
            }
        }
        """,
        equivalenceKey: CidrToPrefixCodeFixProvider.UseSdkPrefixKey);

    [Fact]
    public Task Host_bits_then_show_up_as_ISA0003() => Verify.CodeFix<AddressConstantAnalyzer, CidrToPrefixCodeFixProvider>(
        Code("""var network = IPAddress.Parse({|ISA0006:"2001:db8::1/64"|});"""),
        Code("""var network = IPNetwork.Parse({|ISA0003:"2001:db8::1/64"|});"""),
        equivalenceKey: CidrToPrefixCodeFixProvider.UseIPNetworkKey);

    [Fact]
    public Task Not_offered_when_the_result_must_stay_an_IPAddress() => Verify.CodeFix<AddressConstantAnalyzer, CidrToPrefixCodeFixProvider>(
        """
        using System.Net;

        class C
        {
            IPAddress Field = IPAddress.Parse({|ISA0006:"64:ff9b::/96"|});
            void Use(IPAddress a) { }
            void M(IPAddress existing)
            {
                Use(IPAddress.Parse({|ISA0006:"10.0.0.0/8"|}));
                IPAddress.TryParse({|ISA0006:"10.0.0.0/8"|}, out existing);
            }
        }
        """,
        """
        using System.Net;

        class C
        {
            IPAddress Field = IPAddress.Parse({|ISA0006:"64:ff9b::/96"|});
            void Use(IPAddress a) { }
            void M(IPAddress existing)
            {
                Use(IPAddress.Parse({|ISA0006:"10.0.0.0/8"|}));
                IPAddress.TryParse({|ISA0006:"10.0.0.0/8"|}, out existing);
            }
        }
        """);
}
