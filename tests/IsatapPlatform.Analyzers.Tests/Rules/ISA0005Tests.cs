using IsatapPlatform.Analyzers.Tests.Infrastructure;
using static IsatapPlatform.Analyzers.Tests.Infrastructure.Src;

namespace IsatapPlatform.Analyzers.Tests.Rules;

public class ISA0005Tests
{
    private static Task Run(string body, string members = "") => Verify.Analyzers(Method(body, members), withClient: true);

    [Fact]
    public Task IPv6_where_IPv4_is_parsed() => Run("""
        IPv4Address.Parse({|ISA0005:"2001:db8::1"|});
        IPv4Prefix.Parse({|ISA0005:"2001:db8::/32"|});
        """);

    [Fact]
    public Task IPv4_where_IPv6_is_parsed() => Run("""
        IPv6Address.Parse({|ISA0005:"192.0.2.1"|});
        IPv6Prefix.Parse({|ISA0005:"10.0.0.0/8"|});
        Nat64Prefix.Parse({|ISA0005:"10.0.0.0/8"|});
        """);

    [Fact]
    public Task Isatap_6to4_and_NAT64_need_IPv4() => Run("""
        Isatap.CreateAddress(IPv6Prefix.Parse("2001:db8:1:2::/64"), IPv4Address.Parse({|ISA0005:"2001:db8::1"|}));
        SixToFour.CreateSitePrefix(IPv4Address.Parse({|ISA0005:"2002::1"|}));
        Nat64Prefix.WellKnown.Embed(IPv4Address.Parse({|ISA0005:"::1"|}));
        """);

    [Fact]
    public Task Client_parameters() => Run("""
        await client.CreateSixToFourPrefixAsync({|ISA0005:"2001:db8::1"|});
        await client.DeriveDirectAccessPrefixesAsync(publicIpv4: {|ISA0005:"2002:836b:1::/48"|});
        await client.DeriveNat64AddressAsync({|ISA0005:"10.0.0.0/8"|}, "8.8.8.8");
        await client.CreateIsatapAddressAsync("2001:db8:1:2::/64", {|ISA0005:"fe80::1"|});
        """);

    [Fact]
    public Task Request_types() => Run("""
        _ = new DirectAccessPrefixesRequest({|ISA0005:"2001:db8::1"|});
        _ = new PlanRequest { Deployment = new DeploymentSpec { VirtualIpv4 = {|ISA0005:"fd00::1"|} } };
        """);

    [Fact]
    public Task IPAddress_value_given_as_an_IPv4_parameter() => Run("""
        await client.CreateSixToFourPrefixAsync(IPAddress.Parse({|ISA0005:"2001:db8::1"|}));
        await client.CreateSixToFourPrefixAsync(IPAddress.Parse("131.107.0.1"));
        """);

    [Fact]
    public Task Const_interpolation_and_named_arguments() => Run("""
        const string v6 = "2001:db8";
        await client.CreateSixToFourPrefixAsync(ipv4: {|ISA0005:$"{v6}::1"|});
        IPv4Address.Parse(s: {|ISA0005:Gateway|});
        """, """const string Gateway = "fe80::1";""");

    [Fact]
    public Task Matching_families_are_silent() => Run("""
        Isatap.CreateAddress(IPv6Prefix.Parse("2001:db8:1:2::/64"), IPv4Address.Parse("10.0.0.1"));
        await client.CreateSixToFourPrefixAsync("131.107.0.1");
        await client.DeriveNat64AddressAsync("2001:db8:122:344::/96", "192.168.1.1");
        IPAddress.Parse("2001:db8::1");
        IPAddress.Parse("192.0.2.1");
        """);

    [Fact]
    public Task Non_constant_is_silent() => Run("""
        string text = "2001:db8::1";
        IPv4Address.Parse(text);
        await client.CreateSixToFourPrefixAsync(text);
        """);
}
