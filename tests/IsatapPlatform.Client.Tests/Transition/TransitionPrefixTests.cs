using System.Net;
using IsatapPlatform.Addressing;
using IsatapPlatform.Client.Tests.Support;

namespace IsatapPlatform.Client.Tests.Transition;

/// <summary>CreateIsatapAddressAsync, CreateSixToFourPrefixAsync and DeriveDirectAccessPrefixesAsync: the
/// DirectAccess example of Microsoft's manage-out guide (public IPv4 131.107.0.1).</summary>
public sealed class TransitionPrefixTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    private static readonly IPv4Address Public = IPv4Address.Parse("131.107.0.1");

    [Fact]
    public async Task The_6to4_site_prefix_of_131_107_0_1_is_2002_836b_1_48()
    {
        var prefix = await service.CreateClient().CreateSixToFourPrefixAsync(Public);

        Assert.Equal(IPv6Prefix.Parse("2002:836b:1::/48"), prefix);
        Assert.Equal(48, prefix.Length);
    }

    [Fact]
    public async Task A_private_IPv4_has_no_6to4_prefix()
    {
        var e = await Assert.ThrowsAsync<IsatapPlatformValidationException>(() => service.CreateClient().CreateSixToFourPrefixAsync(IPv4Address.Parse("10.0.0.1")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, e.Status);
        Assert.NotNull(e.Code);
    }

    [Fact]
    public async Task The_DirectAccess_prefixes_of_131_107_0_1()
    {
        var prefixes = await service.CreateClient().DeriveDirectAccessPrefixesAsync(Public);

        Assert.Equal(IPv6Prefix.Parse("2002:836b:1::/48"), prefixes.SixToFour);
        Assert.Equal(IPv6Prefix.Parse("2002:836b:1:8000::/64"), prefixes.Isatap);
        Assert.Equal(IPv6Prefix.Parse("2002:836b:1:8100::/56"), prefixes.IpHttps);
        Assert.Equal(IPv6Prefix.Parse("2001:0:836b:1::/64"), prefixes.Teredo);
        Assert.Equal(new DirectAccessPrefixes(prefixes.SixToFour, prefixes.Isatap, prefixes.IpHttps, prefixes.Teredo), prefixes.ToDirectAccessPrefixes());
    }

    [Fact]
    public async Task The_ISATAP_address_of_192_168_99_10_under_the_DirectAccess_ISATAP_prefix()
    {
        var addresses = await service.CreateClient().CreateIsatapAddressAsync(IPv6Prefix.Parse("2002:836b:1:8000::/64"), IPv4Address.Parse("192.168.99.10"));

        Assert.Equal(IPv6Address.Parse("2002:836b:1:8000:0:5efe:c0a8:630a"), addresses.Address);
        Assert.Equal("2002:836b:1:8000:0:5efe:192.168.99.10", addresses.Mixed);
        Assert.Equal(IPv6Address.Parse("fe80::5efe:c0a8:630a"), addresses.LinkLocal);
        Assert.Equal("fe80::5efe:192.168.99.10", addresses.LinkLocalMixed);
        Assert.False(addresses.Universal);
    }

    [Fact]
    public async Task A_global_IPv4_sets_the_u_bit_of_the_ISATAP_identifier()
    {
        var addresses = await service.CreateClient().CreateIsatapAddressAsync(IPv6Prefix.Parse("2002:836b:1:8000::/64"), Public);

        Assert.True(addresses.Universal);
        Assert.Equal(IPv6Address.Parse("2002:836b:1:8000:200:5efe:836b:1"), addresses.Address);
    }

    [Fact]
    public async Task An_ISATAP_prefix_that_is_not_a_64_is_refused_with_the_field()
    {
        var e = await Assert.ThrowsAsync<IsatapPlatformValidationException>(
            () => service.CreateClient().CreateIsatapAddressAsync(IPv6Prefix.Parse("2002:836b:1::/48"), IPv4Address.Parse("192.168.99.10")));

        Assert.Equal(HttpStatusCode.BadRequest, e.Status);
        Assert.Contains("prefix", e.Errors.Keys);
    }
}
