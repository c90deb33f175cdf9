namespace IsatapPlatform.Addressing.Tests.Inspection;

/// <summary>The inspector classifies any address and lists every IPv4 embedded in it, with its role.</summary>
public sealed class AddressInspectorTests
{
    private static readonly Nat64Prefix[] s_directAccessNat64 = [Nat64Prefix.Parse("fd03:b402:e10c:7777::/96")];

    private static AddressInspection Inspect(string text)
    {
        Assert.True(AddressInspector.TryInspect(text, out var inspection, out var failure, s_directAccessNat64), failure.Message);
        return inspection;
    }

    private static List<string> Embedded(AddressInspection inspection)
    {
        var list = new List<string>();
        foreach (var e in inspection.EmbeddedIPv4) list.Add($"{e.Role.GetName()}={e.IPv4}");
        return list;
    }

    [Fact]
    public void A_Teredo_address_yields_server_and_client()
    {
        var inspection = Inspect("2001:0:4136:e378:8000:63bf:3fff:fdd2");

        Assert.Equal(IPFamily.IPv6, inspection.Family);
        Assert.Equal(AddressKinds.Teredo | AddressKinds.GlobalUnicast, inspection.Kinds);
        Assert.Equal(["teredo-server=65.54.227.120", "teredo-client=192.0.2.45"], Embedded(inspection));
        Assert.Equal(40000, inspection.Teredo!.Value.Port);
    }

    [Fact]
    public void An_ISATAP_address_under_a_6to4_prefix_yields_both_IPv4s()
    {
        var inspection = Inspect("2002:836b:1:8000:0:5efe:192.168.99.10");

        Assert.Equal(AddressKinds.SixToFour | AddressKinds.Isatap | AddressKinds.GlobalUnicast, inspection.Kinds);
        Assert.Equal(["6to4=131.107.0.1", "isatap=192.168.99.10"], Embedded(inspection));
    }

    [Fact]
    public void A_link_local_ISATAP_address_with_a_zone_is_inspected()
    {
        var inspection = Inspect("fe80::200:5efe:131.107.0.1%13");

        Assert.True(inspection.Is(AddressKinds.LinkLocal));
        Assert.True(inspection.Is(AddressKinds.Isatap));
        Assert.True(inspection.Isatap!.Value.Universal);
        Assert.Equal("13", inspection.IPv6.Zone);
        Assert.Equal(["isatap=131.107.0.1"], Embedded(inspection));
    }

    [Fact]
    public void The_well_known_NAT64_prefix_is_always_decoded()
    {
        var inspection = Inspect("64:ff9b::c000:221");

        Assert.Equal(AddressKinds.Nat64WellKnown, inspection.Kinds);
        Assert.Equal(["nat64=192.0.2.33"], Embedded(inspection));
        Assert.Equal(Nat64Prefix.WellKnown, inspection.Nat64!.Value.Prefix);
    }

    [Fact]
    public void A_network_specific_NAT64_prefix_is_decoded_only_when_named()
    {
        Assert.True(AddressInspector.TryInspect("fd03:b402:e10c:7777::ac10:1e1", out var unnamed, out _));
        var named = Inspect("fd03:b402:e10c:7777::ac10:1e1");

        Assert.Equal(AddressKinds.UniqueLocal, unnamed.Kinds);
        Assert.Empty(Embedded(unnamed));
        Assert.Equal(AddressKinds.UniqueLocal | AddressKinds.Nat64NetworkSpecific, named.Kinds);
        Assert.Equal(["nat64=172.16.1.225"], Embedded(named));
    }

    [Fact]
    public void The_local_use_prefix_is_recognised_but_not_decoded_per_RFC_8215()
    {
        var inspection = Inspect("64:ff9b:1::a01:203");

        Assert.True(inspection.Is(AddressKinds.Nat64LocalUse));
        Assert.Null(inspection.Nat64);
        Assert.Empty(Embedded(inspection));
    }

    [Theory]
    [InlineData("::", AddressKinds.Unspecified)]
    [InlineData("::1", AddressKinds.Loopback)]
    [InlineData("::192.0.2.1", AddressKinds.IPv4Compatible)]
    [InlineData("::ffff:192.0.2.1", AddressKinds.IPv4Mapped)]
    [InlineData("ff02::1", AddressKinds.Multicast)]
    [InlineData("ff02::5efe:a00:5", AddressKinds.Multicast)]
    [InlineData("fec0::1", AddressKinds.SiteLocal)]
    [InlineData("2001:db8::1", AddressKinds.Documentation)]
    [InlineData("3fff::1", AddressKinds.Documentation)]
    [InlineData("2a00:1450::1", AddressKinds.GlobalUnicast)]
    [InlineData("fd00::1", AddressKinds.UniqueLocal)]
    public void IPv6_kinds(string text, AddressKinds kinds)
        => Assert.Equal(kinds, Inspect(text).Kinds);

    [Fact]
    public void An_IPv4_mapped_address_yields_its_IPv4()
        => Assert.Equal(["ipv4-mapped=192.0.2.1"], Embedded(Inspect("::ffff:192.0.2.1")));

    [Theory]
    [InlineData("0.0.0.0", AddressKinds.Unspecified)]
    [InlineData("127.0.0.1", AddressKinds.Loopback)]
    [InlineData("169.254.10.20", AddressKinds.LinkLocal)]
    [InlineData("10.1.2.3", AddressKinds.Private)]
    [InlineData("172.31.255.255", AddressKinds.Private)]
    [InlineData("192.168.2.5", AddressKinds.Private)]
    [InlineData("100.64.0.1", AddressKinds.SharedAddressSpace)]
    [InlineData("224.0.0.1", AddressKinds.Multicast)]
    [InlineData("192.0.2.33", AddressKinds.Documentation)]
    [InlineData("192.0.0.170", AddressKinds.Nat64Discovery)]
    [InlineData("255.255.255.255", AddressKinds.Broadcast)]
    [InlineData("240.0.0.1", AddressKinds.Reserved)]
    [InlineData("198.18.0.1", AddressKinds.Benchmarking)]
    [InlineData("8.8.8.8", AddressKinds.GlobalUnicast)]
    [InlineData("172.32.0.1", AddressKinds.GlobalUnicast)]
    public void IPv4_kinds(string text, AddressKinds kinds)
    {
        var inspection = Inspect(text);

        Assert.Equal(IPFamily.IPv4, inspection.Family);
        Assert.Equal(kinds, inspection.Kinds);
        Assert.Empty(Embedded(inspection));
    }

    [Theory]
    [InlineData("", AddressError.Empty, 0)]
    [InlineData("1.2.3", AddressError.WrongOctetCount, 5)]
    [InlineData("fe80::1::", AddressError.MultipleCompressions, 7)]
    [InlineData("example.com", AddressError.UnexpectedCharacter, 0)]
    public void Text_that_is_no_address_is_refused_with_the_parse_failure(string text, AddressError error, int position)
    {
        Assert.False(AddressInspector.TryInspect(text, out var inspection, out var failure));

        Assert.Equal(new ParseFailure(error, position), failure);
        Assert.Equal(AddressKinds.None, inspection.Kinds);
    }

    [Fact]
    public void Every_kind_flag_has_a_distinct_stable_name()
    {
        var flags = Enum.GetValues<AddressKinds>().Where(k => k != AddressKinds.None).ToList();

        Assert.Equal(flags.Count, AddressKindNames.All.Count);
        Assert.Equal(AddressKindNames.All.Count, AddressKindNames.All.Distinct().Count());
        Assert.Equal("6to4", AddressKindNames.GetName(AddressKinds.SixToFour));
        Assert.Equal(["6to4", "isatap"], AddressKindNames.GetNames(AddressKinds.SixToFour | AddressKinds.Isatap));
        Assert.Throws<ArgumentOutOfRangeException>(() => AddressKindNames.GetName(AddressKinds.SixToFour | AddressKinds.Isatap));
    }
}
