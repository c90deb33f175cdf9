namespace IsatapPlatform.Addressing.Tests;

/// <summary>The Is* shortcuts agree with the inspector, which callers use for the full picture.</summary>
public class AddressPropertyTests
{
    [Theory]
    [InlineData("::", AddressKinds.Unspecified)]
    [InlineData("::1", AddressKinds.Loopback)]
    [InlineData("fe80::5efe:10.0.0.5", AddressKinds.LinkLocal)]
    [InlineData("febf:ffff::1", AddressKinds.LinkLocal)]
    [InlineData("fd03:b402:e10c::1", AddressKinds.UniqueLocal)]
    [InlineData("fc00::1", AddressKinds.UniqueLocal)]
    [InlineData("ff02::1", AddressKinds.Multicast)]
    [InlineData("2001:db8::1", AddressKinds.None)]
    [InlineData("fec0::1", AddressKinds.None)]
    public void IPv6_shortcuts_match_the_inspector(string text, AddressKinds expected)
    {
        var a = IPv6Address.Parse(text);
        var kinds = AddressInspector.Inspect(a).Kinds;
        var mask = AddressKinds.Unspecified | AddressKinds.Loopback | AddressKinds.LinkLocal | AddressKinds.UniqueLocal | AddressKinds.Multicast;

        Assert.Equal(expected, kinds & mask);
        Assert.Equal(kinds.HasFlag(AddressKinds.Unspecified), a.IsUnspecified);
        Assert.Equal(kinds.HasFlag(AddressKinds.Loopback), a.IsLoopback);
        Assert.Equal(kinds.HasFlag(AddressKinds.LinkLocal), a.IsLinkLocal);
        Assert.Equal(kinds.HasFlag(AddressKinds.UniqueLocal), a.IsUniqueLocal);
        Assert.Equal(kinds.HasFlag(AddressKinds.Multicast), a.IsMulticast);
    }

    [Theory]
    [InlineData("255.255.255.255", true, false)]
    [InlineData("240.0.0.1", false, true)]
    [InlineData("255.255.255.254", false, true)]
    [InlineData("239.255.255.255", false, false)]
    [InlineData("8.8.8.8", false, false)]
    public void IPv4_broadcast_and_reserved_are_told_apart(string text, bool broadcast, bool reserved)
    {
        var a = IPv4Address.Parse(text);

        Assert.Equal(broadcast, a.IsBroadcast);
        Assert.Equal(reserved, a.IsReserved);
        Assert.False(a.IsGlobal && (broadcast || reserved));
    }

    [Fact]
    public void Shortcuts_are_false_on_the_invalid_default()
    {
        IPv6Address v6 = default;
        IPv4Address v4 = default;
        Assert.False(v6.IsUnspecified || v6.IsLoopback || v6.IsLinkLocal || v6.IsUniqueLocal || v6.IsMulticast);
        Assert.False(v4.IsBroadcast || v4.IsReserved);
    }
}
