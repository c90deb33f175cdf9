namespace IsatapPlatform.Addressing.Tests.Nat64;

/// <summary>RFC 7050: the prefix is learnt from the AAAA answers synthesised for ipv4only.arpa.</summary>
public sealed class Nat64DiscoveryTests
{
    [Theory]
    [InlineData("64:ff9b::c000:aa", "64:ff9b::/96")]
    [InlineData("64:ff9b::c000:ab", "64:ff9b::/96")]
    [InlineData("2001:db8:122:344:c0:0:aa00:0", "2001:db8:122:344::/64")]
    [InlineData("2001:db8:c000:aa::", "2001:db8::/32")]
    [InlineData("2001:db8:1c0:0:aa::", "2001:db8:100::/40")]
    public void The_prefix_is_found_at_any_RFC_6052_position(string answer, string expected)
    {
        Assert.True(Nat64Discovery.TryDiscover(IPv6Address.Parse(answer), out var prefix));

        Assert.Equal(Nat64Prefix.Parse(expected), prefix);
    }

    [Theory]
    [InlineData("64:ff9b::c000:221")]
    [InlineData("2001:db8::1")]
    [InlineData("64:ff9b::c000:aa:1")]
    public void An_answer_without_a_well_known_address_reveals_nothing(string answer)
    {
        Assert.False(Nat64Discovery.TryDiscover(IPv6Address.Parse(answer), out var prefix));

        Assert.False(prefix.IsValid);
    }

    [Fact]
    public void Several_answers_give_the_distinct_prefixes_in_order()
    {
        var answers = new[] { "64:ff9b::c000:aa", "2001:db8::1", "64:ff9b::c000:ab", "2001:db8:122:344:c0:0:aa00:0" }
            .Select(IPv6Address.Parse);

        var prefixes = Nat64Discovery.Discover(answers);

        Assert.Equal([Nat64Prefix.WellKnown, Nat64Prefix.Parse("2001:db8:122:344::/64")], prefixes);
    }
}
