using IsatapPlatform.Analyzers.Tests.Infrastructure;
using static IsatapPlatform.Analyzers.Tests.Infrastructure.Src;

namespace IsatapPlatform.Analyzers.Tests.Rules;

public class ISA0006Tests
{
    private static Task Run(string body, string members = "") => Verify.Analyzers(Method(body, members), withClient: true);

    [Fact]
    public Task Cidr_text_to_IPAddress_Parse_and_TryParse() => Run("""
        IPAddress.Parse({|ISA0006:"64:ff9b::/96"|});
        IPAddress.TryParse({|ISA0006:"10.0.0.0/8"|}, out _);
        IPAddress.Parse({|ISA0006:"2001:db8::1/64"|});
        IPAddress.Parse({|ISA0006:"010.0.0.0/8"|});
        """);

    [Fact]
    public Task Const_named_argument_interpolation_and_span() => Run("""
        IPAddress.TryParse(address: out _, ipString: {|ISA0006:Wkp|});
        const int length = 96;
        IPAddress.Parse({|ISA0006:$"64:ff9b::/{length}"|});
        IPAddress.Parse({|ISA0006:"10.0.0.0/8"|}.AsSpan());
        """, """const string Wkp = "64:ff9b::/96";""");

    [Fact]
    public Task Message() => Verify.Analyzers(
        Method("""IPAddress.TryParse({|#0:"64:ff9b::/96"|}, out _);"""),
        withClient: true,
        expected: Verify.Diagnostic(RuleIdentifiers.CidrPassedToIPAddressParse).WithLocation(0)
            .WithMessage("'64:ff9b::/96' is a prefix, not an address; parse it as a prefix instead of with IPAddress.TryParse"));

    [Fact]
    public Task Addresses_and_prefix_types_are_silent() => Run("""
        IPAddress.Parse("64:ff9b::");
        IPNetwork.Parse("64:ff9b::/96");
        IPv6Prefix.Parse("64:ff9b::/96");
        """);

    [Fact]
    public Task Non_constant_is_silent() => Run("""
        string text = "64:ff9b::/96";
        IPAddress.Parse(text);
        """);

    [Fact]
    public Task Works_without_the_SDK() => Verify.Analyzers("""
        using System.Net;
        class C { void M() { IPAddress.Parse({|ISA0006:"64:ff9b::/96"|}); } }
        """, withClient: false, withAddressing: false);
}
