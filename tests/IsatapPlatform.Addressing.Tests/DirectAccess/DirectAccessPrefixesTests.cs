namespace IsatapPlatform.Addressing.Tests.DirectAccess;

public sealed class DirectAccessPrefixesTests
{
    [Fact]
    public void The_prefixes_of_Microsofts_example_server_131_107_0_1_are_the_documented_ones()
    {
        var prefixes = DirectAccessPrefixes.Derive(IPv4Address.Parse("131.107.0.1"));

        Assert.Equal("2002:836b:1::/48", prefixes.SixToFour.ToString());
        Assert.Equal("2002:836b:1:8000::/64", prefixes.Isatap.ToString());
        Assert.Equal("2002:836b:1:8100::/56", prefixes.IpHttps.ToString());
        Assert.Equal("2001:0:836b:1::/64", prefixes.Teredo.ToString());
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    public void A_server_without_a_public_IPv4_gets_no_6to4_derived_prefixes(string ipv4)
    {
        Assert.False(DirectAccessPrefixes.TryDerive(IPv4Address.Parse(ipv4), out var prefixes, out var error));

        Assert.Equal(AddressError.NonGlobalIPv4, error);
        Assert.Equal(default, prefixes);
        Assert.Throws<ArgumentException>(() => DirectAccessPrefixes.Derive(IPv4Address.Parse(ipv4)));
    }
}
