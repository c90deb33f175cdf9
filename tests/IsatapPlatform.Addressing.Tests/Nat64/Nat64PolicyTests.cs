namespace IsatapPlatform.Addressing.Tests.Nat64;

/// <summary>RFC 6052 §3.1: the well-known prefix must not carry non-global IPv4; RFC 8215 §5 lifts
/// that for the local-use prefix; RFC 7050's discovery addresses are the one exception.</summary>
public sealed class Nat64PolicyTests
{
    [Theory]
    [InlineData("64:ff9b::/96", "8.8.8.8", Nat64PolicyVerdict.Allowed)]
    [InlineData("64:ff9b::/96", "10.1.2.3", Nat64PolicyVerdict.WellKnownPrefixNonGlobal)]
    [InlineData("64:ff9b::/96", "172.16.1.225", Nat64PolicyVerdict.WellKnownPrefixNonGlobal)]
    [InlineData("64:ff9b::/96", "192.168.2.5", Nat64PolicyVerdict.WellKnownPrefixNonGlobal)]
    [InlineData("64:ff9b::/96", "100.64.0.1", Nat64PolicyVerdict.WellKnownPrefixNonGlobal)]
    [InlineData("64:ff9b::/96", "127.0.0.1", Nat64PolicyVerdict.WellKnownPrefixNonGlobal)]
    [InlineData("64:ff9b::/96", "192.0.2.33", Nat64PolicyVerdict.WellKnownPrefixNonGlobal)]
    [InlineData("64:ff9b::/96", "224.0.0.1", Nat64PolicyVerdict.WellKnownPrefixNonGlobal)]
    [InlineData("64:ff9b::/96", "192.0.0.170", Nat64PolicyVerdict.AllowedDiscovery)]
    [InlineData("64:ff9b::/96", "192.0.0.171", Nat64PolicyVerdict.AllowedDiscovery)]
    [InlineData("64:ff9b:1::/96", "10.1.2.3", Nat64PolicyVerdict.AllowedLocalUse)]
    [InlineData("64:ff9b:1:ab::/64", "192.168.0.1", Nat64PolicyVerdict.AllowedLocalUse)]
    [InlineData("fd03:b402:e10c:7777::/96", "172.16.1.225", Nat64PolicyVerdict.Allowed)]
    [InlineData("2001:db8::/32", "10.0.0.1", Nat64PolicyVerdict.Allowed)]
    public void The_verdict_depends_on_the_prefix_and_the_globality_of_the_IPv4(string prefix, string ipv4, Nat64PolicyVerdict expected)
    {
        var verdict = Nat64Policy.Check(Nat64Prefix.Parse(prefix), IPv4Address.Parse(ipv4));

        Assert.Equal(expected, verdict);
        Assert.Equal(expected != Nat64PolicyVerdict.WellKnownPrefixNonGlobal, verdict.IsAllowed());
    }

    [Fact]
    public void Every_verdict_has_a_description()
    {
        var descriptions = Enum.GetValues<Nat64PolicyVerdict>().Select(v => v.Describe()).ToList();

        Assert.Equal(descriptions.Count, descriptions.Distinct().Count());
        Assert.All(descriptions, d => Assert.False(string.IsNullOrWhiteSpace(d)));
    }
}
