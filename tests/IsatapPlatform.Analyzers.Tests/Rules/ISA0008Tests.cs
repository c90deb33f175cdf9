using IsatapPlatform.Analyzers.Tests.Infrastructure;
using static IsatapPlatform.Analyzers.Tests.Infrastructure.Src;

namespace IsatapPlatform.Analyzers.Tests.Rules;

public class ISA0008Tests
{
    private static Task Run(string body, string members = "") => Verify.Analyzers(Method(body, members), withClient: true);

    [Fact]
    public Task Client_call_with_the_well_known_prefix() => Run("""
        await client.DeriveNat64AddressAsync("64:ff9b::/96", {|ISA0008:"10.1.2.3"|});
        await client.DeriveNat64AddressAsync(ipv4: {|ISA0008:"192.168.1.1"|}, prefix: "64:FF9B:0::/96");
        await client.Nat64.DeriveAsync("64:ff9b::/96", {|ISA0008:"100.64.0.1"|});
        """);

    [Fact]
    public Task Typed_SDK_calls() => Run("""
        Nat64Prefix.WellKnown.Embed(IPv4Address.Parse({|ISA0008:"192.168.1.1"|}));
        Nat64Prefix.Parse("64:ff9b::/96").TryEmbed(IPv4Address.Parse({|ISA0008:"169.254.0.1"|}), out _);
        await client.DeriveNat64AddressAsync(Nat64Prefix.WellKnown, IPv4Address.Parse({|ISA0008:"127.0.0.1"|}));
        """);

    [Fact]
    public Task Request_initializer_and_constants() => Run("""
        const string wkp = "64:ff9b::/96";
        _ = new Nat64DeriveRequest { Prefix = wkp, Ipv4 = {|ISA0008:Intranet|} };
        """, """const string Intranet = "172.16.0.1";""");

    [Fact]
    public Task Written_out_addresses_inside_the_well_known_prefix() => Run("""
        IPv6Address.Parse({|ISA0008:"64:ff9b::10.1.2.3"|});
        IPAddress.Parse({|ISA0008:"64:ff9b::a01:203"|});
        """);

    [Fact]
    public Task Message() => Verify.Analyzers(
        Method("""IPv6Address.Parse({|#0:"64:ff9b::c0a8:101"|});"""),
        withClient: true,
        expected: Verify.Diagnostic(RuleIdentifiers.WellKnownPrefixNonGlobalIPv4).WithLocation(0)
            .WithMessage("The well-known prefix 64:ff9b::/96 must not carry the non-global IPv4 address 192.168.1.1 (RFC 6052 §3.1); use a network-specific prefix"));

    [Fact]
    public Task Global_addresses_discovery_addresses_and_other_prefixes_are_silent() => Run("""
        await client.DeriveNat64AddressAsync("64:ff9b::/96", "8.8.8.8");
        await client.DeriveNat64AddressAsync("64:ff9b::/96", "192.0.0.170");
        await client.DeriveNat64AddressAsync("64:ff9b:1::/48", "10.1.2.3");
        await client.DeriveNat64AddressAsync("2001:db8:122:344::/96", "10.1.2.3");
        Nat64Prefix.LocalUse.Embed(IPv4Address.Parse("10.1.2.3"));
        IPv6Address.Parse("64:ff9b::");
        IPv6Address.Parse("64:ff9b::c000:aa");
        IPv6Address.Parse("64:ff9b::808:808");
        IPv6Address.Parse("64:ff9b:1::a01:203");
        """);

    [Fact]
    public Task The_policy_check_itself_is_not_a_use() => Run("""
        Nat64Policy.Check(Nat64Prefix.WellKnown, IPv4Address.Parse("10.0.0.1"));
        """);

    [Fact]
    public Task Non_constant_is_silent() => Run("""
        string v4 = DateTime.Now.Second > 1 ? "10.0.0.1" : "8.8.8.8";
        await client.DeriveNat64AddressAsync("64:ff9b::/96", v4);
        Nat64Prefix.WellKnown.Embed(IPv4Address.Parse(v4));
        Nat64Prefix.Parse(v4).Embed(IPv4Address.Parse("10.0.0.1"));
        """);
}
