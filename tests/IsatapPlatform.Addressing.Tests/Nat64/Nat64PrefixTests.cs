namespace IsatapPlatform.Addressing.Tests.Nat64;

/// <summary>RFC 6052 §2.2-§2.3 rules, including regressions for bugs translators have shipped.</summary>
public sealed class Nat64PrefixTests
{
    /// <summary>255.255.255.255 under 2001:db8::/n lights up exactly the bits the IPv4 occupies. Bits
    /// 64-71 (the u octet) are skipped at /40-/64: forgetting that puts the IPv4 at bit 64.</summary>
    [Theory]
    [InlineData(32, "2001:db8:ffff:ffff::")]
    [InlineData(40, "2001:db8:ff:ffff:ff::")]
    [InlineData(48, "2001:db8:0:ffff:ff:ff00::")]
    [InlineData(56, "2001:db8:0:ff:ff:ffff::")]
    [InlineData(64, "2001:db8::ff:ffff:ff00:0")]
    [InlineData(96, "2001:db8::ffff:ffff")]
    public void Embedding_skips_the_u_octet_at_every_length(int length, string expected)
    {
        var prefix = Nat64Prefix.Parse($"2001:db8::/{length}");

        var embedded = prefix.Embed(IPv4Address.Parse("255.255.255.255"));

        Assert.Equal(expected, embedded.ToString());
        Assert.Equal(0, (int)(embedded.Low >> 56));
    }

    [Theory]
    [InlineData("2001:db8:122:344:ff00::/96")]
    [InlineData("64:ff9b:0:0:100::/96")]
    [InlineData("64:ff9b::100:0:0:0/96")]
    public void A_96_prefix_with_the_u_octet_set_is_refused(string text)
    {
        Assert.False(Nat64Prefix.TryParse(text, PrefixParseMode.Strict, out var strict, out var strictFailure));
        Assert.False(Nat64Prefix.TryParse(text, PrefixParseMode.Normalize, out _, out var normalizeFailure));
        Assert.False(Nat64Prefix.TryCreate(IPv6Prefix.Parse(text), out _, out var error));

        Assert.False(strict.IsValid);
        Assert.Equal(AddressError.Nat64UOctet, strictFailure.Error);
        Assert.Equal(AddressError.Nat64UOctet, normalizeFailure.Error);
        Assert.Equal(AddressError.Nat64UOctet, error);
    }

    [Theory]
    [InlineData("2001:db8::1/32", AddressError.HostBitsSet, "2001:db8::/32")]
    [InlineData("2001:db8:ff::/40", AddressError.HostBitsSet, "2001:db8::/40")]
    [InlineData("2001:db8:122:344:1::/64", AddressError.HostBitsSet, "2001:db8:122:344::/64")]
    [InlineData("2001:db8:122:344::1/96", AddressError.HostBitsSet, "2001:db8:122:344::/96")]
    public void Host_bits_are_refused_at_the_slash_in_strict_mode_and_cleared_in_normalize_mode(string text, AddressError strictError, string normalized)
        => AssertRefusedThenNormalized(text, strictError, text.IndexOf('/'), normalized);

    [Theory]
    // The u octet among the host bits: the more specific reason wins, pointing at the group that holds bits 64-79.
    [InlineData("2001:db8:0:0:ff00::/32", 13, "2001:db8::/32")]
    [InlineData("2001:db8:122:344:100::/64", 17, "2001:db8:122:344::/64")]
    [InlineData("2001:db8:122:344:ffff::1/56", 17, "2001:db8:122:300::/56")]
    [InlineData("2001:db8::ff00:0:0:0/32", 10, "2001:db8::/32")]
    public void A_u_octet_among_the_host_bits_is_reported_at_its_group(string text, int position, string normalized)
        => AssertRefusedThenNormalized(text, AddressError.Nat64UOctet, position, normalized);

    [Theory]
    [InlineData("2001:db8:122:344:ff00::/96", 17)]
    [InlineData("2001:db8::ff00:0:0:0/96", 10)]
    [InlineData("2001:db8:122::100:0:0:0/96", 14)]
    public void A_u_octet_inside_a_96_prefix_is_reported_at_its_group_even_when_normalizing(string text, int position)
    {
        Assert.False(Nat64Prefix.TryParse(text, PrefixParseMode.Strict, out _, out var strict));
        Assert.False(Nat64Prefix.TryParse(text, PrefixParseMode.Normalize, out _, out var normalize));
        Assert.Equal(new ParseFailure(AddressError.Nat64UOctet, position), strict);
        Assert.Equal(strict, normalize);
    }

    [Fact]
    public void Utf8_and_utf16_parsing_agree()
    {
        foreach (var text in new[] { "64:ff9b::/96", "2001:db8:100::/40", "2001:db8::/44", "2001:db8::ff00:0:0:0/32", "nonsense" })
        {
            bool utf16 = Nat64Prefix.TryParse(text, PrefixParseMode.Strict, out var a, out var fa);
            bool utf8 = Nat64Prefix.TryParse(System.Text.Encoding.UTF8.GetBytes(text), PrefixParseMode.Strict, out var b, out var fb);
            Assert.Equal(utf16, utf8);
            Assert.Equal(a, b);
            Assert.Equal(fa, fb);
        }
    }

    private static void AssertRefusedThenNormalized(string text, AddressError strictError, int position, string normalized)
    {
        Assert.False(Nat64Prefix.TryParse(text, PrefixParseMode.Strict, out _, out var failure));
        Assert.True(Nat64Prefix.TryParse(text, PrefixParseMode.Normalize, out var prefix, out var none));

        Assert.Equal(new ParseFailure(strictError, position), failure);
        Assert.Equal(default, none);
        Assert.Equal(Nat64Prefix.Parse(normalized), prefix);
        Assert.Equal(normalized, prefix.ToString());
    }

    [Fact]
    public void Only_the_six_RFC_6052_lengths_are_NAT64_prefixes()
    {
        var allowed = Enumerable.Range(0, 129)
            .Where(length => Nat64Prefix.TryCreate(IPv6Prefix.Create(IPv6Address.Any, length), out _, out _))
            .ToArray();

        Assert.Equal([32, 40, 48, 56, 64, 96], allowed);
        Assert.Equal([32, 40, 48, 56, 64, 96], Enumerable.Range(0, 129).Where(Nat64Prefix.IsAllowedLength).ToArray());
    }

    [Theory]
    [InlineData("2001:db8::/44")]
    [InlineData("2001:db8::/72")]
    [InlineData("2001:db8::/128")]
    [InlineData("::/0")]
    public void Other_lengths_are_refused_with_the_position_of_the_length(string text)
    {
        Assert.False(Nat64Prefix.TryParse(text, PrefixParseMode.Normalize, out _, out var failure));

        Assert.Equal(new ParseFailure(AddressError.Nat64PrefixLength, text.IndexOf('/') + 1), failure);
    }

    [Fact]
    public void A_NAT64_prefix_text_is_parsed_like_an_IPv6_prefix_first()
    {
        Assert.False(Nat64Prefix.TryParse("2001:db8::", PrefixParseMode.Strict, out _, out var missing));
        Assert.False(Nat64Prefix.TryParse("fe80::%1/64", PrefixParseMode.Strict, out _, out var zone));

        Assert.Equal(new ParseFailure(AddressError.MissingPrefixLength, 10), missing);
        Assert.Equal(new ParseFailure(AddressError.ZoneNotAllowed, 6), zone);
    }

    [Fact]
    public void Extraction_refuses_an_address_outside_the_prefix()
    {
        var prefix = Nat64Prefix.Parse("2001:db8:122:344::/64");

        Assert.False(prefix.TryExtract(IPv6Address.Parse("2001:db8:122:345:c0:2:2100:0"), out _, out var error));

        Assert.Equal(AddressError.NotInPrefix, error);
        Assert.Throws<ArgumentException>(() => prefix.Extract(IPv6Address.Parse("2001:db8:122:345:c0:2:2100:0")));
    }

    [Fact]
    public void Extraction_reports_an_address_outside_the_prefix_as_such_even_when_its_u_octet_is_set()
    {
        var prefix = Nat64Prefix.Parse("2001:db8:122:344::/64");

        Assert.False(prefix.TryExtract(IPv6Address.Parse("2001:db8:122:345:ff00:2:2100:0"), out _, out var outside));
        Assert.False(prefix.TryExtract(IPv6Address.Parse("2001:db8:122:344:ff00:2:2100:0"), out _, out var inside));

        Assert.Equal(AddressError.NotInPrefix, outside);
        Assert.Equal(AddressError.Nat64UOctet, inside);
    }

    [Theory]
    [InlineData("2001:db8::/32", "2001:db8:c000:221:0:ffff:ffff:ffff")]
    [InlineData("2001:db8:122:344::/64", "2001:db8:122:344:c0:2:2100:ff")]
    public void Extraction_ignores_non_zero_suffix_bits_as_RFC_6052_asks_of_receivers(string prefixText, string addressText)
    {
        var prefix = Nat64Prefix.Parse(prefixText);

        Assert.True(prefix.TryExtract(IPv6Address.Parse(addressText), out var ipv4, out _));

        Assert.Equal(IPv4Address.Parse("192.0.2.33"), ipv4);
    }

    [Fact]
    public void Extraction_ignores_the_zone()
    {
        Assert.True(Nat64Prefix.WellKnown.TryExtract(IPv6Address.Parse("64:ff9b::c000:221%eth0"), out var ipv4, out _));

        Assert.Equal(IPv4Address.Parse("192.0.2.33"), ipv4);
    }

    [Fact]
    public void The_well_known_and_local_use_prefixes_are_recognised()
    {
        Assert.Equal("64:ff9b::/96", Nat64Prefix.WellKnown.ToString());
        Assert.Equal("64:ff9b:1::/48", Nat64Prefix.LocalUse.ToString());
        Assert.True(Nat64Prefix.Parse("64:ff9b::/96").IsWellKnown);
        Assert.False(Nat64Prefix.Parse("64:ff9b::/64").IsWellKnown);
        Assert.True(Nat64Prefix.Parse("64:ff9b:1:2::/64").IsLocalUse);
        Assert.True(Nat64Prefix.Parse("64:ff9b:1::/96").IsLocalUse);
        Assert.False(Nat64Prefix.WellKnown.IsLocalUse);
        Assert.False(Nat64Prefix.Parse("2001:db8::/32").IsLocalUse);
    }

    [Fact]
    public void A_NAT64_prefix_converts_to_and_equals_by_its_IPv6_prefix()
    {
        var prefix = Nat64Prefix.Parse("2001:db8::/32");
        IPv6Prefix ipv6 = prefix;

        Assert.Equal(IPv6Prefix.Parse("2001:db8::/32"), ipv6);
        Assert.Equal(Nat64Prefix.Create(ipv6), prefix);
        Assert.True(prefix == Nat64Prefix.Parse("2001:db8:0::/32"));
        Assert.True(prefix != Nat64Prefix.WellKnown);
        Assert.Throws<ArgumentException>(() => Nat64Prefix.Create(IPv6Prefix.Parse("2001:db8::/44")));
    }
}
