using IsatapPlatform.Analyzers.Tests.Infrastructure;
using static IsatapPlatform.Analyzers.Tests.Infrastructure.Src;

namespace IsatapPlatform.Analyzers.Tests.Rules;

public class ISA0010Tests
{
    private static Task Run(string body, string members = "") => Verify.Analyzers(Method(body, members), withClient: true);

    [Fact]
    public Task Client_Isatap_method() => Run("""
        await client.CreateIsatapAddressAsync({|ISA0010:"2001:db8:1::/48"|}, "10.0.0.1");
        await client.CreateIsatapAddressAsync(ipv4: "10.0.0.1", prefix: {|ISA0010:"2001:db8:1:2::/96"|});
        """);

    [Fact]
    public Task Typed_Isatap_calls() => Run("""
        Isatap.CreateAddress(IPv6Prefix.Parse({|ISA0010:"2001:db8:1::/48"|}), IPv4Address.Parse("10.0.0.1"));
        Isatap.TryCreateAddress({|ISA0010:SixToFour.Prefix|}, IPv4Address.Parse("10.0.0.1"), out _, out _);
        Isatap.CreateAddress({|ISA0010:Nat64Prefix.WellKnown|}, IPv4Address.Parse("10.0.0.1"));
        Isatap.TryCreateSubnet(ipv4Subnet: IPv4Prefix.Parse("192.168.99.0/24"), isatapPrefix: IPv6Prefix.Parse({|ISA0010:"2002:836b:1::/48"|}), subnet: out _, error: out _);
        """);

    [Fact]
    public Task Plan_and_request_types() => Run("""
        _ = new PlanRequest { Deployment = new DeploymentSpec { IsatapPrefix = {|ISA0010:"fd00:1:2::/56"|} } };
        _ = new IsatapAddressRequest({|ISA0010:"2001:db8::/48"|}, "10.0.0.1");
        var spec = new DeploymentSpec();
        _ = new PlanRequest { Deployment = { IsatapPrefix = {|ISA0010:"fd00:1:2::/63"|} } };
        """);

    [Fact]
    public Task Const_and_interpolation() => Run("""
        const string site = "2002:836b:1";
        await client.CreateIsatapAddressAsync({|ISA0010:$"{site}::/48"|}, "10.0.0.1");
        await client.CreateIsatapAddressAsync({|ISA0010:Prefix|}, "10.0.0.1");
        """, """const string Prefix = "2002:836b:1:8000::/49";""");

    [Fact]
    public Task Slash_64_prefixes_are_silent() => Run("""
        await client.CreateIsatapAddressAsync("2002:836b:1:8000::/64", "10.0.0.1");
        Isatap.CreateAddress(Isatap.LinkLocalPrefix, IPv4Address.Parse("10.0.0.1"));
        Isatap.CreateAddress(IPv6Prefix.Parse("fd7f:f787:2112:1::/64"), IPv4Address.Parse("10.0.0.1"));
        _ = new PlanRequest { Deployment = new DeploymentSpec { IsatapPrefix = "fd83:fc34:2112:1::/64" } };
        """);

    [Fact]
    public Task Other_prefix_parameters_are_not_Isatap() => Run("""
        await client.ExtractAsync("2001:db8::1", prefix: "2001:db8::/48");
        """);

    [Fact]
    public Task Non_constant_is_silent() => Run("""
        string prefix = "2001:db8:1::/48";
        await client.CreateIsatapAddressAsync(prefix, "10.0.0.1");
        Isatap.CreateAddress(IPv6Prefix.Parse(prefix), IPv4Address.Parse("10.0.0.1"));
        """);
}
