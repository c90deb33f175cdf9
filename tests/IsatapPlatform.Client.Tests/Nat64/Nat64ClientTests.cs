using System.Net;
using IsatapPlatform.Addressing;
using IsatapPlatform.Client.Tests.Support;
using IsatapPlatform.Contracts.Nat64;

namespace IsatapPlatform.Client.Tests.Nat64;

/// <summary>DeriveNat64Async, ExtractNat64Async and DiscoverNat64PrefixAsync against the service.</summary>
public sealed class Nat64ClientTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    private static readonly Nat64Prefix Corporate = Nat64Prefix.Parse("fd03:b402:e10c:7777::/96");

    [Fact]
    public async Task Derive_embeds_the_IPv4_in_a_96_and_gives_every_form()
    {
        var derivation = await service.CreateClient().DeriveNat64Async(Corporate, IPv4Address.Parse("172.16.1.225"));

        Assert.Equal(Corporate, derivation.Prefix);
        Assert.Equal(IPv4Address.Parse("172.16.1.225"), derivation.Ipv4);
        Assert.Equal(IPv6Address.Parse("fd03:b402:e10c:7777::ac10:1e1"), derivation.Ipv6);
        Assert.Equal("fd03:b402:e10c:7777::ac10:1e1", derivation.Ipv6.ToString());
        Assert.Equal("fd03:b402:e10c:7777::172.16.1.225", derivation.Ipv6Mixed);
        Assert.Equal("1.e.1.0.0.1.c.a.0.0.0.0.0.0.0.0.7.7.7.7.c.0.1.e.2.0.4.b.3.0.d.f.ip6.arpa", derivation.ReverseName);
        Assert.Empty(derivation.Warnings);
    }

    [Fact]
    public async Task Derive_skips_the_u_octet_at_a_64()
    {
        // RFC 6052 §2.2: at /64 the IPv4 starts at bit 72, after the u octet (the RFC's own example).
        var derivation = await service.CreateClient().DeriveNat64Async(Nat64Prefix.Parse("2001:db8:122:344::/64"), IPv4Address.Parse("192.0.2.33"));

        Assert.Equal(IPv6Address.Parse("2001:db8:122:344:c0:2:2100:0"), derivation.Ipv6);
        Assert.Equal(derivation.Ipv6.ToString(), derivation.Ipv6Mixed);
    }

    [Fact]
    public async Task Derive_sends_the_contract_request_with_the_policy()
    {
        var recorder = new RecordingHandler();
        var client = service.CreateClient(new Uri("http://localhost/"), recorder);

        await client.DeriveNat64Async(Corporate, IPv4Address.Parse("172.16.1.225"), DerivePolicy.Permissive);

        var request = Assert.Single(recorder.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/v1/nat64/derive", request.Uri.AbsolutePath);
        Assert.Equal("""{"prefix":"fd03:b402:e10c:7777::/96","ipv4":"172.16.1.225","policy":"permissive","normalize":null}""", request.Body);
        Assert.True(request.RetrySafe);
    }

    [Fact]
    public async Task Derive_under_the_well_known_prefix_with_a_private_IPv4_is_refused_when_strict()
    {
        var client = service.CreateClient();

        var e = await Assert.ThrowsAsync<IsatapPlatformValidationException>(
            () => client.DeriveNat64Async(Nat64Prefix.WellKnown, IPv4Address.Parse("10.1.2.3"), DerivePolicy.Strict));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, e.Status);
        Assert.Equal("nat64.wkp-non-global", e.Code);
        Assert.NotEmpty(Assert.Contains("ipv4", e.Errors));
        Assert.False(string.IsNullOrEmpty(e.TraceId));
        Assert.False(string.IsNullOrEmpty(e.Detail));
        Assert.StartsWith("422 nat64.wkp-non-global", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Derive_under_the_well_known_prefix_with_a_private_IPv4_warns_when_permissive()
    {
        var derivation = await service.CreateClient().DeriveNat64Async(Nat64Prefix.WellKnown, IPv4Address.Parse("10.1.2.3"), DerivePolicy.Permissive);

        Assert.Equal(IPv6Address.Parse("64:ff9b::a01:203"), derivation.Ipv6);
        Assert.Equal("nat64.wkp-non-global", Assert.Single(derivation.Warnings).Code);
    }

    [Fact]
    public async Task Extract_with_the_prefix_recovers_the_IPv4()
    {
        var extraction = await service.CreateClient().ExtractNat64Async(IPv6Address.Parse("fd03:b402:e10c:7777::ac10:1e1"), Corporate);

        Assert.Equal(IPv4Address.Parse("172.16.1.225"), extraction.Ipv4);
        Assert.Equal(Corporate, extraction.Prefix);
        Assert.Empty(extraction.Warnings);
    }

    [Fact]
    public async Task Extract_without_a_prefix_tries_the_well_known_then_the_local_use_prefix()
    {
        var client = service.CreateClient();

        var wellKnown = await client.ExtractNat64Async(IPv6Address.Parse("64:ff9b::808:404"));
        var localUse = await client.ExtractNat64Async(IPv6Address.Parse("64:ff9b:1:c000:2:2100::"));

        Assert.Equal((IPv4Address.Parse("8.8.4.4"), Nat64Prefix.WellKnown), (wellKnown.Ipv4, wellKnown.Prefix));
        Assert.Equal((IPv4Address.Parse("192.0.2.33"), Nat64Prefix.LocalUse), (localUse.Ipv4, localUse.Prefix));
    }

    [Fact]
    public async Task Extract_of_an_address_outside_the_prefix_is_a_validation_error()
    {
        var e = await Assert.ThrowsAsync<IsatapPlatformValidationException>(
            () => service.CreateClient().ExtractNat64Async(IPv6Address.Parse("2001:db8::1"), Corporate));

        Assert.NotNull(e.Code);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, e.Status);
    }

    [Fact]
    public async Task Discover_reads_the_well_known_prefix_from_the_RFC_7050_answer()
    {
        var discovery = await service.CreateClient().DiscoverNat64PrefixAsync([IPv6Address.Parse("64:ff9b::c000:aa")]);

        Assert.Equal(Nat64Prefix.WellKnown, discovery.Prefix);
        Assert.Equal([Nat64Prefix.WellKnown], discovery.Prefixes);
    }

    [Fact]
    public async Task Discover_lists_every_prefix_in_answer_order()
    {
        var discovery = await service.CreateClient().DiscoverNat64PrefixAsync(
            [IPv6Address.Parse("2001:db8:122:344:c0:0:aa00:0"), IPv6Address.Parse("64:ff9b::c000:ab")]);

        Assert.Equal(Nat64Prefix.Parse("2001:db8:122:344::/64"), discovery.Prefix);
        Assert.Equal([Nat64Prefix.Parse("2001:db8:122:344::/64"), Nat64Prefix.WellKnown], discovery.Prefixes);
    }

    [Fact]
    public async Task Discover_without_the_well_known_IPv4_is_a_validation_error()
    {
        var e = await Assert.ThrowsAsync<IsatapPlatformValidationException>(
            () => service.CreateClient().DiscoverNat64PrefixAsync([IPv6Address.Parse("2001:db8::1")]));

        Assert.StartsWith("nat64.", e.Code, StringComparison.Ordinal);
    }
}
