using IsatapPlatform.Analyzers.Tests.Infrastructure;
using static IsatapPlatform.Analyzers.Tests.Infrastructure.Src;

namespace IsatapPlatform.Analyzers.Tests.Rules;

public class ISA0002Tests
{
    private static Task Run(string body, string members = "") => Verify.Analyzers(Method(body, members), withClient: true);

    // Bits 64-71 are the high byte of the fifth group.
    [Fact]
    public Task U_octet_inside_a_96() => Run("""Nat64Prefix.Parse({|ISA0002:"2001:db8:122:344:ff00::/96"|});""");

    [Fact]
    public Task U_octet_inside_a_96_even_when_normalising()
        => Run("""Nat64Prefix.TryParse({|ISA0002:"2001:db8:122:344:100::/96"|}, PrefixParseMode.Normalize, out _, out _);""");

    [Fact]
    public Task U_octet_past_a_64_in_strict_mode() => Run("""Nat64Prefix.Parse({|ISA0002:"2001:db8:122:344:ff00::/64"|});""");

    [Fact]
    public Task Const_field_and_named_argument()
        => Run("Nat64Prefix.TryParse(s: {|ISA0002:Prefix|}, result: out _);", """const string Prefix = "fd00:1:2:3:0100::/96";""");

    [Fact]
    public Task Interpolated_constants() => Run("""
        const string head = "fd00:1:2:3";
        Nat64Prefix.Parse({|ISA0002:$"{head}:ff00::/96"|});
        """);

    [Fact]
    public Task Construction_from_a_parsed_IPv6_prefix() => Run("""Nat64Prefix.Create(IPv6Prefix.Parse({|ISA0002:"2001:db8::ff00:0:0:0/96"|}));""");

    [Fact]
    public Task Client_prefix_parameter() => Run("""await client.DeriveNat64AddressAsync({|ISA0002:"2001:db8:0:0:100::/96"|}, "8.8.8.8");""");

    [Fact]
    public Task Request_initializer() => Run("""_ = new Nat64DeriveRequest { Ipv4 = "8.8.8.8", Prefix = {|ISA0002:"2001:db8:0:0:100::/96"|} };""");

    [Fact]
    public Task Bits_72_to_79_are_not_the_u_octet() => Run("""
        Nat64Prefix.Parse("2001:db8:0:0:ff::/96");
        Nat64Prefix.Parse("2001:db8:122:344::/96");
        """);

    [Fact]
    public Task A_u_octet_past_a_64_is_cleared_when_normalising()
        => Run("""Nat64Prefix.TryParse("2001:db8:122:344:ff00::/64", PrefixParseMode.Normalize, out _, out _);""");

    [Fact]
    public Task A_mode_that_is_not_constant_is_silent_about_bits_past_the_length() => Run("""
        var mode = DateTime.Now.Second > 1 ? PrefixParseMode.Normalize : PrefixParseMode.Strict;
        Nat64Prefix.TryParse("2001:db8:122:344:ff00::/64", mode, out _, out _);
        """);

    [Fact]
    public Task Non_constant_is_silent() => Run("""
        string p = "2001:db8:122:344:ff00::/96";
        Nat64Prefix.Parse(p);
        """);
}
