namespace IsatapPlatform.Addressing.Tests.Registry;

/// <summary>The IANA IPv4 special-purpose registry decides IsGlobal, which RFC 6052 §3.1, the ISATAP u
/// bit and 6to4 all depend on.</summary>
public sealed class IPv4SpecialRegistryTests
{
    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("131.107.0.1", true)]
    [InlineData("7.0.0.0", true)]
    [InlineData("192.0.0.9", true)] // PCP anycast: global inside the non-global 192.0.0.0/24
    [InlineData("192.0.0.10", true)]
    [InlineData("192.88.99.1", true)] // registry says N/A; treated as global, as Python does
    [InlineData("192.0.0.8", false)]
    [InlineData("192.0.0.170", false)]
    [InlineData("192.0.0.171", false)]
    [InlineData("192.0.0.1", false)]
    [InlineData("10.0.0.5", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("100.127.255.255", false)]
    [InlineData("100.128.0.0", true)]
    [InlineData("169.254.10.20", false)]
    [InlineData("172.16.1.225", false)]
    [InlineData("192.168.2.5", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("198.51.100.200", false)]
    [InlineData("203.0.113.77", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("239.255.255.255", false)]
    [InlineData("240.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("0.1.2.3", false)]
    [InlineData("127.0.0.1", false)]
    public void Globality_follows_the_registry(string ipv4, bool global)
    {
        var address = IPv4Address.Parse(ipv4);

        Assert.Equal(global, address.IsGlobal);
        Assert.Equal(global, IPv4SpecialRegistry.IsGlobalUnicast(address));
    }

    [Fact]
    public void The_most_specific_entry_is_found()
    {
        Assert.True(IPv4SpecialRegistry.TryFind(IPv4Address.Parse("192.0.0.9"), out var pcp));
        Assert.True(IPv4SpecialRegistry.TryFind(IPv4Address.Parse("192.0.0.5"), out var service));
        Assert.False(IPv4SpecialRegistry.TryFind(IPv4Address.Parse("8.8.8.8"), out _));

        Assert.Equal("RFC 7723", pcp.Rfc);
        Assert.Equal(IPv4Prefix.Parse("192.0.0.0/29"), service.Prefix);
    }

    [Fact]
    public void Every_entry_is_listed_before_any_entry_that_covers_it()
    {
        var entries = IPv4SpecialRegistry.Entries;

        for (int i = 0; i < entries.Count; i++)
            for (int j = i + 1; j < entries.Count; j++)
                Assert.False(
                    entries[j].Prefix.Length > entries[i].Prefix.Length && entries[i].Prefix.Contains(entries[j].Prefix.Address),
                    $"{entries[j].Prefix} is shadowed by {entries[i].Prefix}");
    }
}
