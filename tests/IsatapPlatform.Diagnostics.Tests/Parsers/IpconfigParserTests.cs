using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Evidence;
using IsatapPlatform.Diagnostics.Tests.Support;

namespace IsatapPlatform.Diagnostics.Tests.Parsers;

/// <summary>ipconfig /all is read by position and value, never by label (REFERENCE §6.1).</summary>
public class IpconfigParserTests
{
    private static ParsedInterface OnlyIsatap(string text)
    {
        var r = IpconfigParser.Parse(text);
        Assert.True(r.Recognized);
        return Assert.Single(r.Interfaces, i => i.Kind == InterfaceKind.Isatap);
    }

    [Fact]
    public void A_connected_isatap_adapter_yields_its_index_addresses_states_and_gateway()
    {
        var i = OnlyIsatap(Ipconfig.Document(Ipconfig.IsatapConnected, Ipconfig.Teredo));
        Assert.Equal("isatap.corp.contoso.com", i.Name);
        Assert.Equal("Microsoft ISATAP Adapter #2", i.Description);
        Assert.Equal(12, i.Index);
        Assert.Equal(LinkState.Connected, i.State);
        Assert.Equal(["fd7f:f787:2112:1:0:5efe:a00:5", "fe80::5efe:a00:5"], i.Addresses.Select(a => a.V6!.Value.ToString()));
        Assert.All(i.Addresses, a => Assert.Equal(AddressState.Preferred, a.State));
        Assert.Equal("fe80::5efe:a00:1", Assert.Single(i.Gateways).V6!.Value.ToString());
        Assert.True(i.GatewaysKnown);
    }

    [Fact]
    public void The_host_name_is_the_first_line_of_the_windows_ip_configuration_block()
    {
        var r = IpconfigParser.Parse(Ipconfig.Document(Ipconfig.IsatapConnected));
        Assert.Equal("HELPDESK01", r.ComputerName);
    }

    [Fact]
    public void Lan_adapters_keep_their_ipv4_address_but_not_the_mask_dns_servers_or_gateway_as_addresses()
    {
        var r = IpconfigParser.Parse(Ipconfig.Document());
        Assert.Equal(0, r.UnreadableValues); // lease times ("7:14:02 AM") are not unreadable addresses
        var wifi = Assert.Single(r.Interfaces, i => i.Name == "Wi-Fi");
        Assert.Equal("192.168.50.23", Assert.Single(wifi.Addresses).V4!.Value.ToString());
        Assert.Equal("192.168.50.1", Assert.Single(wifi.Gateways).V4!.Value.ToString());
        var lan = Assert.Single(r.Interfaces, i => i.Name == "Ethernet");
        Assert.Equal("Ethernet", lan.Name);
        Assert.Equal(InterfaceKind.Other, lan.Kind);
        Assert.Equal(["fe80::8d4c:2f1:b3d2:1a5e", "10.0.0.5"], lan.Addresses.Select(a => a.V6?.ToString() ?? a.V4!.Value.ToString()));
        Assert.Equal("10.0.0.254", Assert.Single(lan.Gateways).V4!.Value.ToString());
        Assert.Equal(6, lan.Index);
    }

    [Theory]
    [MemberData(nameof(Ipconfig.DisconnectedVariants), MemberType = typeof(Ipconfig))]
    public void A_disconnected_isatap_adapter_is_found_in_every_language(string language, string text)
    {
        var i = OnlyIsatap(text);
        Assert.Equal(LinkState.Disconnected, i.State);
        Assert.Empty(i.Addresses);
        Assert.NotNull(i.StateLine);
        Assert.Contains("isatap", i.Name, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ISATAP", i.Description!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(language));
    }

    [Theory]
    [MemberData(nameof(Ipconfig.LinkLocalOnlyVariants), MemberType = typeof(Ipconfig))]
    public void The_preferred_suffix_is_read_in_every_language_and_the_zone_is_the_index(string language, string text)
    {
        var i = OnlyIsatap(text);
        var a = Assert.Single(i.Addresses);
        Assert.True(a.IsIsatapLinkLocal, language);
        Assert.Equal(AddressState.Preferred, a.State);
        Assert.Equal(12, i.Index);
        Assert.Empty(i.Gateways);
        Assert.True(i.GatewaysKnown, "the gateway line is found by label or by position");
    }

    [Fact]
    public void Lines_cut_by_a_console_wrap_are_joined_back()
    {
        var i = OnlyIsatap(Ipconfig.VistaWrapped);
        Assert.Equal("isatap.{CA09D971-196A-4428-A7CE-03491AA7CB73}", i.Description);
        Assert.Equal("Local Area Connection* 9", i.Name);
        Assert.Equal("fe80::5efe:a00:20f", Assert.Single(i.Addresses).V6!.Value.ToString());
    }

    [Fact]
    public void Windows_xp_addresses_without_a_state_suffix_are_read_by_position()
    {
        var i = OnlyIsatap(Ipconfig.WindowsXp);
        var a = Assert.Single(i.Addresses);
        Assert.Equal("fe80::5efe:d898:bd42", a.V6!.Value.ToString());
        Assert.Equal(AddressState.Unknown, a.State);
        Assert.Equal(2, i.Index);
    }

    [Fact]
    public void Deprecated_and_its_localized_forms_are_states_not_part_of_the_address()
    {
        var i = OnlyIsatap(Ipconfig.IsatapDeprecated);
        Assert.Equal(AddressState.Deprecated, Assert.Single(i.Addresses).State);
        Assert.Equal(AddressState.Deprecated, TextLines.StateOf("Veraltet"));
        Assert.Equal(AddressState.Preferred, TextLines.StateOf("首选"));
        Assert.Equal(AddressState.Unknown, TextLines.StateOf("Zzz"));
    }

    [Theory]
    [InlineData("fe80::5efe:10.0.0.5%12(Preferred) ", "fe80::5efe:a00:5", "12", AddressState.Preferred)]
    [InlineData("fe80::5efe:10.0.0.5%12（優先）", "fe80::5efe:a00:5", "12", AddressState.Preferred)]
    [InlineData("  FE80::200:5EFE:131.107.0.1%15(Deprecated)", "fe80::200:5efe:836b:1", "15", AddressState.Deprecated)]
    [InlineData("fd7f:f787:2112:1:0:5efe:10.0.0.5(Pre", "fd7f:f787:2112:1:0:5efe:a00:5", null, AddressState.Unknown)]
    [InlineData("10.0.0.5(Bevorzugt)", "10.0.0.5", null, AddressState.Preferred)]
    public void Address_values_lose_zone_and_state_suffix(string value, string address, string? zone, AddressState state)
    {
        Assert.True(TextLines.TryParseAddress(value, "line", out var a));
        Assert.Equal(address, a.V6?.ToString() ?? a.V4!.Value.ToString());
        Assert.Equal(zone, a.Zone);
        Assert.Equal(state, a.State);
    }

    [Theory]
    [InlineData("Tunnel adapter isatap.{501DF89C-22DB-4782-9151-634C06421220}:", "isatap.{501DF89C-22DB-4782-9151-634C06421220}")]
    [InlineData("Tunneladapter isatap.corp.contoso.com:", "isatap.corp.contoso.com")]
    [InlineData("Carte Tunnel isatap.{501DF89C-22DB-4782-9151-634C06421220} :", "isatap.{501DF89C-22DB-4782-9151-634C06421220}")]
    [InlineData("隧道适配器 isatap.corp.contoso.com:", "isatap.corp.contoso.com")]
    [InlineData("Adaptador de túnel isatap.lan:", "isatap.lan")]
    [InlineData("Tunnel adapter Local Area Connection* 9:", "Local Area Connection* 9")]
    public void Adapter_names_come_from_the_header_in_any_language(string header, string name)
        => Assert.Equal(name, IpconfigParser.NameFromHeader(header));

    [Fact]
    public void Pasting_with_the_indentation_stripped_still_reads_the_adapter()
    {
        var text = string.Join('\n', Ipconfig.IsatapConnected.Split('\n').Select(l => l.TrimStart()));
        var i = OnlyIsatap(text);
        Assert.Equal(2, i.Addresses.Count);
        Assert.Single(i.Gateways);
    }

    [Fact]
    public void Carriage_returns_and_trailing_spaces_change_nothing()
    {
        var crlf = Ipconfig.Document(Ipconfig.IsatapConnected).Replace("\n", "   \r\n", StringComparison.Ordinal);
        var i = OnlyIsatap(crlf);
        Assert.Equal(12, i.Index);
        Assert.Equal(2, i.Addresses.Count);
    }

    [Fact]
    public void Text_that_is_not_ipconfig_is_not_recognized()
    {
        Assert.False(IpconfigParser.Parse("hello world\nthis is not ipconfig\n").Recognized);
        Assert.False(IpconfigParser.Parse("").Recognized);
    }

    [Fact]
    public void A_200_line_document_yields_every_adapter()
    {
        var text = Ipconfig.TwoHundredLines();
        Assert.Equal(200, text.Split('\n').Length);
        var r = IpconfigParser.Parse(text);
        Assert.True(r.Interfaces.Count(i => i.Kind == InterfaceKind.Isatap) > 15);
    }
}
