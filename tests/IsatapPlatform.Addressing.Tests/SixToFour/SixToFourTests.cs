namespace IsatapPlatform.Addressing.Tests.SixToFour;

/// <summary>RFC 3056: a global IPv4 V4 owns 2002:V4::/48; traffic for non-global V4 is discarded (§9).</summary>
public sealed class SixToFourTests
{
    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.1.1")]
    [InlineData("224.0.0.1")]
    [InlineData("0.0.0.0")]
    public void A_non_global_IPv4_has_no_6to4_prefix(string ipv4)
    {
        Assert.False(Addressing.SixToFour.TryCreateSitePrefix(IPv4Address.Parse(ipv4), out var prefix, out var error));

        Assert.False(prefix.IsValid);
        Assert.Equal(AddressError.NonGlobalIPv4, error);
        Assert.Throws<ArgumentException>(() => Addressing.SixToFour.CreateSitePrefix(IPv4Address.Parse(ipv4)));
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("192.168.0.0/16")]
    // Blocks whose first address is global but which contain non-global space (RFC 3056 §9).
    [InlineData("128.0.0.0/1")]    // holds 172.16.0.0/12 and 192.168.0.0/16
    [InlineData("192.0.0.0/8")]    // holds 192.0.2.0/24 and 192.168.0.0/16
    [InlineData("224.0.0.0/3")]    // multicast and reserved
    [InlineData("0.0.0.0/0")]
    public void A_block_containing_any_non_global_IPv4_has_no_6to4_prefix(string block)
    {
        Assert.False(Addressing.SixToFour.TryCreatePrefix(IPv4Prefix.Parse(block), out _, out var error));

        Assert.Equal(AddressError.NonGlobalIPv4, error);
    }

    [Theory]
    [InlineData("7.0.0.0/8", "2002:700::/24")]
    [InlineData("131.107.0.0/16", "2002:836b::/32")]
    [InlineData("192.88.99.0/24", "2002:c058:6300::/40")] // registry "N/A": the deprecated relay block is not refused
    public void A_wholly_global_block_maps_to_2002_with_16_more_bits(string block, string expected)
    {
        Assert.True(Addressing.SixToFour.TryCreatePrefix(IPv4Prefix.Parse(block), out var prefix, out var error));

        Assert.Equal(AddressError.None, error);
        Assert.Equal(expected, prefix.ToString());
    }

    [Fact]
    public void The_Windows_host_form_repeats_the_IPv4_as_the_interface_identifier()
    {
        var address = Addressing.SixToFour.WindowsHostAddress(IPv4Address.Parse("216.152.189.66"));

        Assert.Equal("2002:d898:bd42::d898:bd42", address.ToString());
    }

    [Theory]
    [InlineData("2002:836b:1:8000:0:5efe:c0a8:630a", "131.107.0.1")]
    [InlineData("2002:836b:1::1", "131.107.0.1")]
    [InlineData("2002:d898:bd42:1::d898:bd42", "216.152.189.66")]
    public void Other_6to4_addresses_decode_but_are_not_the_Windows_host_form(string text, string ipv4)
    {
        Assert.True(Addressing.SixToFour.TryDecode(IPv6Address.Parse(text), out var info));

        Assert.Equal(IPv4Address.Parse(ipv4), info.IPv4);
        Assert.False(info.WindowsHostForm);
    }

    [Theory]
    [InlineData("2001:db8::1")]
    [InlineData("2003::1")]
    public void Addresses_outside_2002_16_are_not_6to4(string text)
        => Assert.False(Addressing.SixToFour.TryDecode(IPv6Address.Parse(text), out _));
}
