namespace IsatapPlatform.Addressing.Tests.Isatap;

/// <summary>RFC 5214 §6.1 interface identifiers: 0:5efe:V4, or 200:5efe:V4 when V4 is globally unique.</summary>
public sealed class IsatapTests
{
    [Theory]
    [InlineData("10.74.25.89", "fe80::5efe:10.74.25.89")]
    [InlineData("129.73.11.69", "fe80::200:5efe:129.73.11.69")]
    [InlineData("130.50.39.49", "fe80::200:5efe:130.50.39.49")]
    [InlineData("100.64.0.1", "fe80::5efe:100.64.0.1")]
    [InlineData("192.0.0.170", "fe80::5efe:192.0.0.170")]
    public void The_link_local_address_sets_the_u_bit_only_for_a_global_IPv4_as_Windows_does(string ipv4, string expected)
    {
        var address = Addressing.Isatap.LinkLocal(IPv4Address.Parse(ipv4));

        Assert.Equal(expected, address.ToString("M"));
        Assert.True(Addressing.Isatap.LinkLocalPrefix.Contains(address));
    }

    [Fact]
    public void The_Windows_XP_form_without_the_u_bit_for_a_public_IPv4_is_still_ISATAP()
    {
        Assert.True(Addressing.Isatap.TryDecode(IPv6Address.Parse("fe80::5efe:216.152.189.66%2"), out var info));

        Assert.Equal(IPv4Address.Parse("216.152.189.66"), info.IPv4);
        Assert.False(info.Universal);
    }

    [Theory]
    [InlineData("fe80::1")]
    [InlineData("fe80::5eff:a00:5")]
    [InlineData("fe80::400:5efe:a00:5")]
    [InlineData("fe80::1:5efe:a00:5")]
    [InlineData("fe80:0:0:0:5efe:a00:5::")]
    public void Interface_identifiers_that_are_not_ISATAP_are_refused(string text)
    {
        Assert.False(Addressing.Isatap.TryDecode(IPv6Address.Parse(text), out var info));

        Assert.Equal(default, info);
    }

    [Fact]
    public void The_g_bit_is_reported_when_present()
    {
        Assert.True(Addressing.Isatap.TryDecode(IPv6Address.Parse("fe80::300:5efe:1.2.3.4"), out var info));

        Assert.True(info.Group);
        Assert.True(info.Universal);
    }

    [Theory]
    [InlineData("2001:db8::/48")]
    [InlineData("2001:db8::/96")]
    [InlineData("fe80::/10")]
    public void Addresses_and_subnets_need_a_64_prefix(string prefixText)
    {
        var prefix = IPv6Prefix.Parse(prefixText);

        Assert.False(Addressing.Isatap.TryCreateAddress(prefix, IPv4Address.Parse("10.0.0.5"), out var address, out var error));
        Assert.False(Addressing.Isatap.TryCreateSubnet(prefix, IPv4Prefix.Parse("10.0.0.0/8"), out var subnet, out var subnetError));

        Assert.False(address.IsValid);
        Assert.False(subnet.IsValid);
        Assert.Equal(AddressError.WrongPrefixLength, error);
        Assert.Equal(AddressError.WrongPrefixLength, subnetError);
        Assert.Throws<ArgumentException>(() => Addressing.Isatap.CreateAddress(prefix, IPv4Address.Parse("10.0.0.5")));
    }

    [Fact]
    public void The_subnet_object_covers_every_ISATAP_address_of_the_IPv4_subnet()
    {
        var isatapPrefix = IPv6Prefix.Parse("2002:836b:1:8000::/64");
        Assert.True(Addressing.Isatap.TryCreateSubnet(isatapPrefix, IPv4Prefix.Parse("192.168.99.0/24"), out var subnet, out _));

        Assert.True(subnet.Contains(Addressing.Isatap.CreateAddress(isatapPrefix, IPv4Address.Parse("192.168.99.10"))));
        Assert.False(subnet.Contains(Addressing.Isatap.CreateAddress(isatapPrefix, IPv4Address.Parse("192.168.100.10"))));
    }

    [Fact]
    public void The_interface_identifier_is_the_OUI_the_type_and_the_IPv4()
    {
        Assert.Equal(0x0000_5EFE_0A00_0005UL, Addressing.Isatap.InterfaceId(IPv4Address.Parse("10.0.0.5")));
        Assert.Equal(0x0200_5EFE_836B_0001UL, Addressing.Isatap.InterfaceId(IPv4Address.Parse("131.107.0.1")));
    }
}
