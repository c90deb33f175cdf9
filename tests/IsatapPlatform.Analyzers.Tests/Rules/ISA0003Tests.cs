using IsatapPlatform.Analyzers.Tests.Infrastructure;
using static IsatapPlatform.Analyzers.Tests.Infrastructure.Src;

namespace IsatapPlatform.Analyzers.Tests.Rules;

public class ISA0003Tests
{
    private static Task Run(string body, string members = "") => Verify.Analyzers(Method(body, members), withClient: true);

    [Fact]
    public Task IPv6_prefix_with_host_bits() => Run("""IPv6Prefix.Parse({|ISA0003:"2001:db8::1/32"|});""");

    [Fact]
    public Task IPv4_prefix_with_host_bits() => Run("""IPv4Prefix.Parse({|ISA0003:"10.0.0.1/8"|});""");

    [Fact]
    public Task IPNetwork_clears_them_silently() => Run("""
        IPNetwork.Parse({|ISA0003:"2001:db8::1/32"|});
        IPNetwork.TryParse({|ISA0003:"192.168.1.1/24"|}, out _);
        """);

    [Fact]
    public Task Nat64_prefix_with_host_bits() => Run("""Nat64Prefix.Parse({|ISA0003:"2001:db8::1/96"|});""");

    [Fact]
    public Task Message_names_the_canonical_prefix()
        => Verify.Analyzers(
            Method("""IPv6Prefix.Parse({|#0:"2001:DB8:0:0::1/32"|});"""),
            withClient: true,
            expected: Verify.Diagnostic(RuleIdentifiers.PrefixHostBits).WithLocation(0)
                .WithMessage("'2001:DB8:0:0::1/32' has bits set past /32; the prefix is '2001:db8::/32'"));

    [Fact]
    public Task Const_field_and_named_argument() => Run("""IPv6Prefix.TryParse(s: {|ISA0003:Host|}, result: out _);""", """const string Host = "2001:db8:1::1/48";""");

    [Fact]
    public Task Interpolated_constants() => Run("""
        const string network = "2001:db8:1::1";
        const int length = 48;
        IPv6Prefix.Parse({|ISA0003:$"{network}/{length}"|});
        """);

    [Fact]
    public Task Utf8_literal() => Run("""IPv6Prefix.TryParse({|ISA0003:"2001:db8::1/32"u8|}, PrefixParseMode.Strict, out _, out _);""");

    [Fact]
    public Task Client_prefix_parameters() => Run("""
        await client.ExtractAsync("2001:db8::1", {|ISA0003:"2001:db8:1::1/64"|});
        await client.CreateIsatapAddressAsync({|ISA0003:"2001:db8:1:2::1/64"|}, "10.0.0.1");
        """);

    [Fact]
    public Task Normalize_mode_clears_them_on_purpose() => Run("""
        IPv6Prefix.TryParse("2001:db8::1/32", PrefixParseMode.Normalize, out _, out _);
        IPv4Prefix.TryParse("10.0.0.1/8", PrefixParseMode.Normalize, out _, out _);
        """);

    [Fact]
    public Task Canonical_prefixes_are_silent() => Run("""
        IPv6Prefix.Parse("2001:db8::/32");
        IPv4Prefix.Parse("10.0.0.0/8");
        IPNetwork.Parse("2001:db8::/32");
        IPv6Prefix.Parse("::/0");
        IPv6Prefix.Parse("2001:db8::1/128");
        """);

    [Fact]
    public Task Non_constant_is_silent() => Run("""
        string text = "2001:db8::1/32";
        IPv6Prefix.Parse(text);
        IPNetwork.Parse(text);
        """);
}
