using IsatapPlatform.Addressing;
using IsatapPlatform.Client.Tests.Support;

namespace IsatapPlatform.Client.Tests.Addresses;

/// <summary>InspectAddressAsync: the service's inspection as typed values.</summary>
public sealed class InspectAddressTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task A_Teredo_address_decodes_server_port_and_client()
    {
        var inspected = await service.CreateClient().InspectAddressAsync(IPv6Address.Parse("2001:0:4136:e378:8000:63bf:3fff:fdd2"));

        Assert.Equal(IPFamily.IPv6, inspected.Family);
        Assert.Equal(IPv6Address.Parse("2001:0:4136:e378:8000:63bf:3fff:fdd2"), inspected.Ipv6);
        Assert.Null(inspected.Ipv4);
        Assert.Equal(AddressKinds.GlobalUnicast | AddressKinds.Teredo, inspected.Kinds);
        Assert.Equal(["global-unicast", "teredo"], inspected.KindNames);
        Assert.Equal(
            [new EmbeddedIPv4(EmbeddedIPv4Role.TeredoServer, IPv4Address.Parse("65.54.227.120")), new EmbeddedIPv4(EmbeddedIPv4Role.TeredoClient, IPv4Address.Parse("192.0.2.45"))],
            inspected.EmbeddedIpv4);
        var teredo = Assert.NotNull(inspected.Teredo);
        Assert.Equal(IPv4Address.Parse("65.54.227.120"), teredo.Server);
        Assert.Equal(IPv4Address.Parse("192.0.2.45"), teredo.Client);
        Assert.Equal(40000, teredo.Port);
        Assert.Equal(0x8000, teredo.Flags);
        Assert.True(teredo.Cone);
        Assert.Null(inspected.Isatap);
        Assert.Null(inspected.SixToFour);
        Assert.Null(inspected.Nat64);
        Assert.Null(inspected.Mixed);
        Assert.Equal("2.d.d.f.f.f.f.3.f.b.3.6.0.0.0.8.8.7.3.e.6.3.1.4.0.0.0.0.1.0.0.2.ip6.arpa", inspected.ReverseName);
    }

    [Fact]
    public async Task An_ISATAP_address_under_a_6to4_prefix_has_both_IPv4s()
    {
        var inspected = await service.CreateClient().InspectAddressAsync(IPv6Address.Parse("2002:836b:1:8000:0:5efe:c0a8:630a"));

        Assert.True(inspected.Is(AddressKinds.SixToFour | AddressKinds.Isatap | AddressKinds.GlobalUnicast));
        Assert.Equal("2002:836b:1:8000:0:5efe:192.168.99.10", inspected.Mixed);
        Assert.Equal(new IsatapInfo(IPv4Address.Parse("192.168.99.10"), Universal: false, Group: false), inspected.Isatap);
        Assert.Equal(new SixToFourInfo(IPv4Address.Parse("131.107.0.1"), WindowsHostForm: false), inspected.SixToFour);
        Assert.Equal(
            [new EmbeddedIPv4(EmbeddedIPv4Role.SixToFour, IPv4Address.Parse("131.107.0.1")), new EmbeddedIPv4(EmbeddedIPv4Role.Isatap, IPv4Address.Parse("192.168.99.10"))],
            inspected.EmbeddedIpv4);
        Assert.Equal("a.0.3.6.8.a.0.c.e.f.e.5.0.0.0.0.0.0.0.8.1.0.0.0.b.6.3.8.2.0.0.2.ip6.arpa", inspected.ReverseName);
    }

    [Fact]
    public async Task A_zoned_link_local_address_keeps_its_zone_through_the_path()
    {
        var recorder = new RecordingHandler();
        var client = service.CreateClient(new Uri("http://localhost/"), recorder);

        var inspected = await client.InspectAddressAsync(IPv6Address.Parse("fe80::5efe:10.0.0.5%12"));

        Assert.Equal("/api/v1/addresses/fe80%3A%3A5efe%3Aa00%3A5%2512", Assert.Single(recorder.Requests).Uri.AbsolutePath);
        Assert.Equal(HttpMethod.Get, recorder.Requests[0].Method);
        Assert.Equal("12", inspected.Ipv6!.Value.Zone);
        Assert.Equal("fe80::5efe:a00:5%12", inspected.ToString());
        Assert.Equal("fe80::5efe:10.0.0.5%12", inspected.Mixed);
        Assert.True(inspected.Is(AddressKinds.LinkLocal | AddressKinds.Isatap));
    }

    [Fact]
    public async Task A_network_specific_NAT64_prefix_goes_in_the_query_and_decodes_the_address()
    {
        var recorder = new RecordingHandler();
        var client = service.CreateClient(new Uri("http://localhost/"), recorder);
        var prefix = Nat64Prefix.Parse("fd03:b402:e10c:7777::/96");

        var inspected = await client.InspectAddressAsync(IPv6Address.Parse("fd03:b402:e10c:7777::ac10:1e1"), prefix);

        Assert.Equal("?nat64Prefix=fd03%3Ab402%3Ae10c%3A7777%3A%3A%2F96", Assert.Single(recorder.Requests).Uri.Query);
        Assert.Equal(new Nat64Info(prefix, IPv4Address.Parse("172.16.1.225")), inspected.Nat64);
        Assert.True(inspected.Is(AddressKinds.Nat64NetworkSpecific));
        Assert.Contains(new EmbeddedIPv4(EmbeddedIPv4Role.Nat64, IPv4Address.Parse("172.16.1.225")), inspected.EmbeddedIpv4);
        Assert.Equal("fd03:b402:e10c:7777::172.16.1.225", inspected.Mixed);
    }

    [Fact]
    public async Task Without_the_prefix_the_same_address_is_only_unique_local()
    {
        var inspected = await service.CreateClient().InspectAddressAsync(IPv6Address.Parse("fd03:b402:e10c:7777::ac10:1e1"));

        Assert.Null(inspected.Nat64);
        Assert.Equal(AddressKinds.UniqueLocal, inspected.Kinds);
    }

    [Fact]
    public async Task An_IPv4_address_is_classified_with_its_in_addr_arpa_name()
    {
        var inspected = await service.CreateClient().InspectAddressAsync(IPv4Address.Parse("172.16.1.225"));

        Assert.Equal(IPFamily.IPv4, inspected.Family);
        Assert.Equal(IPv4Address.Parse("172.16.1.225"), inspected.Ipv4);
        Assert.Null(inspected.Ipv6);
        Assert.Equal(AddressKinds.Private, inspected.Kinds);
        Assert.Empty(inspected.EmbeddedIpv4);
        Assert.Equal("225.1.16.172.in-addr.arpa", inspected.ReverseName);
        Assert.Equal("172.16.1.225", inspected.ToString());
    }
}
