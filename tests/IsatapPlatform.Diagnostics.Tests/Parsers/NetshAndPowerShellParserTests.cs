using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Evidence;
using IsatapPlatform.Diagnostics.Tests.Support;

namespace IsatapPlatform.Diagnostics.Tests.Parsers;

/// <summary>netsh interface ipv6 show interfaces/addresses and Get-NetIPAddress (REFERENCE §6.2-§6.4).</summary>
public class NetshAndPowerShellParserTests
{
    [Theory]
    [InlineData(Text.NetshInterfacesChinese)]
    [InlineData(Text.NetshInterfacesEnglish)]
    public void Show_interfaces_rows_are_read_by_position_under_any_header(string text)
    {
        var r = NetshInterfacesParser.Parse(text);
        Assert.True(r.Recognized);
        var isatap = Assert.Single(r.Interfaces, i => i.Kind == InterfaceKind.Isatap);
        Assert.Equal(9, isatap.Index);
        Assert.Equal(1280, isatap.Mtu);
        Assert.Equal(LinkState.Disconnected, isatap.State);
        Assert.Equal("isatap.{2B8B139B-418D-4593-A2DC-4F43D31A1833}", isatap.Name);
        Assert.Contains(r.Interfaces, i => i.Name == "Loopback Pseudo-Interface 1" && i.Mtu is null);
    }

    [Fact]
    public void Show_addresses_gives_each_address_its_interface_and_dad_state()
    {
        var r = NetshAddressesParser.Parse(Text.NetshAddresses);
        Assert.True(r.Recognized);
        var i = Assert.Single(r.Interfaces, i => i.Index == 12);
        Assert.Equal("isatap.corp.contoso.com", i.Name);
        Assert.Equal(2, i.Addresses.Count);
        Assert.All(i.Addresses, a => Assert.Equal(AddressState.Preferred, a.State));
        var deprecated = Assert.Single(r.Interfaces, i => i.Index == 13);
        Assert.Equal(AddressState.Deprecated, Assert.Single(deprecated.Addresses).State);
    }

    [Fact]
    public void Get_NetIPAddress_list_records_are_grouped_by_interface_index()
    {
        var r = GetNetIPAddressParser.Parse(Text.GetNetIPAddress);
        Assert.True(r.Recognized);
        var isatap = Assert.Single(r.Interfaces, i => i.Index == 6);
        Assert.Equal("Reusable ISATAP Interface {90ABCE23-305A-4BDE-AA39-4FFDA7413134}", isatap.Name);
        var a = Assert.Single(isatap.Addresses);
        Assert.Equal(AddressState.Deprecated, a.State);
        Assert.Equal(128, a.PrefixLength);
        Assert.True(a.IsIsatapLinkLocal);
        Assert.Contains(r.Interfaces, i => i.Kind == InterfaceKind.Teredo);
    }

    [Fact]
    public void A_wrapped_Get_NetIPAddress_value_is_joined_back()
    {
        var r = GetNetIPAddressParser.Parse(Text.GetNetIPAddressWrapped);
        Assert.Equal("Reusable ISATAP Interface {90ABCE23-305A-4BDE-AA39-4FFDA7413134}", Assert.Single(r.Interfaces).Name);
    }

    [Fact]
    public void Unreadable_text_is_not_recognized()
    {
        Assert.False(NetshInterfacesParser.Parse("Idx Met MTU\n---\n").Recognized);
        Assert.False(NetshAddressesParser.Parse("nothing here").Recognized);
        Assert.False(GetNetIPAddressParser.Parse("IPAddress : not-an-address").Recognized);
    }
}
