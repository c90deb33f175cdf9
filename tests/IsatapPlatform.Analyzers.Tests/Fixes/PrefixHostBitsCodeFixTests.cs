using IsatapPlatform.Analyzers.CodeFixes;
using IsatapPlatform.Analyzers.Tests.Infrastructure;
using static IsatapPlatform.Analyzers.Tests.Infrastructure.Src;

namespace IsatapPlatform.Analyzers.Tests.Fixes;

public class PrefixHostBitsCodeFixTests
{
    private static Task Fix(string before, string after, string membersBefore = "", string membersAfter = "")
        => Verify.CodeFix<AddressConstantAnalyzer, PrefixHostBitsCodeFixProvider>(Method(before, membersBefore), Method(after, membersAfter), withClient: true);

    [Fact]
    public Task Literal_becomes_the_canonical_prefix() => Fix(
        """IPv6Prefix.Parse({|ISA0003:"2001:DB8:0::1/32"|});""",
        """IPv6Prefix.Parse("2001:db8::/32");""");

    [Fact]
    public Task IPv4_and_IPNetwork() => Fix(
        """
        IPv4Prefix.Parse({|ISA0003:"192.168.99.7/24"|});
        IPNetwork.Parse({|ISA0003:"2001:db8:1::1/48"|});
        """,
        """
        IPv4Prefix.Parse("192.168.99.0/24");
        IPNetwork.Parse("2001:db8:1::/48");
        """);

    [Fact]
    public Task IPv4_mapped_prefix_keeps_the_dotted_quad() => Fix(
        """IPv6Prefix.Parse({|ISA0003:"::ffff:192.0.2.1/96"|});""",
        """IPv6Prefix.Parse("::ffff:0.0.0.0/96");""");

    [Fact]
    public Task Const_field_is_fixed_at_its_declaration() => Fix(
        """IPv6Prefix.Parse({|ISA0003:Site|});""",
        """IPv6Prefix.Parse(Site);""",
        """const string Site = "2002:836b:1::1/48";""",
        """const string Site = "2002:836b:1::/48";""");

    [Fact]
    public Task Const_local_through_another_const() => Fix(
        """
        const string host = "2001:db8:1:2::5/64";
        const string prefix = host;
        await client.CreateIsatapAddressAsync(ipv4: "10.0.0.1", prefix: {|ISA0003:prefix|});
        """,
        """
        const string host = "2001:db8:1:2::/64";
        const string prefix = host;
        await client.CreateIsatapAddressAsync(ipv4: "10.0.0.1", prefix: prefix);
        """);

    [Fact]
    public Task Interpolated_constants_become_a_literal() => Fix(
        """
        const string network = "2001:db8:1::1";
        IPv6Prefix.Parse({|ISA0003:$"{network}/48"|});
        """,
        """
        const string network = "2001:db8:1::1";
        IPv6Prefix.Parse("2001:db8:1::/48");
        """);

    [Fact]
    public Task Utf8_literal_stays_utf8() => Fix(
        """IPv6Prefix.TryParse({|ISA0003:"2001:db8::1/32"u8|}, PrefixParseMode.Strict, out _, out _);""",
        """IPv6Prefix.TryParse("2001:db8::/32"u8, PrefixParseMode.Strict, out _, out _);""");

    [Fact]
    public Task String_inside_AsSpan() => Fix(
        """IPv6Prefix.Parse({|ISA0003:"2001:db8::1/32"|}.AsSpan());""",
        """IPv6Prefix.Parse("2001:db8::/32".AsSpan());""");

    [Fact]
    public Task Const_in_another_file() => Verify.CodeFix<AddressConstantAnalyzer, PrefixHostBitsCodeFixProvider>(
        [
            ("Use.cs", """
                using IsatapPlatform.Addressing;
                class Use { IPv6Prefix P() => IPv6Prefix.Parse({|ISA0003:Prefixes.Site|}); }
                """),
            ("Prefixes.cs", """
                static class Prefixes { public const string Site = "2001:db8:1::1/48"; }
                """),
        ],
        [
            ("Use.cs", """
                using IsatapPlatform.Addressing;
                class Use { IPv6Prefix P() => IPv6Prefix.Parse(Prefixes.Site); }
                """),
            ("Prefixes.cs", """
                static class Prefixes { public const string Site = "2001:db8:1::/48"; }
                """),
        ]);
}
