using System.Text;

namespace IsatapPlatform.Addressing.Tests.Text;

/// <summary>"address/length" for both families: the length is required, in range and decimal;
/// zones are not allowed; host bits are refused unless the caller opts into normalising them.</summary>
public sealed class PrefixParsingTests
{
    [Theory]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    [InlineData("2001:DB8:0::/32", "2001:db8::/32")]
    [InlineData("::/0", "::/0")]
    [InlineData("::1/128", "::1/128")]
    [InlineData("64:ff9b::/96", "64:ff9b::/96")]
    [InlineData("2002:836b:1:8000:0:5efe:192.168.99.0/120", "2002:836b:1:8000:0:5efe:c0a8:6300/120")]
    public void IPv6_prefix_accepts_address_slash_length(string text, string canonical)
    {
        var prefix = IPv6Prefix.Parse(text);

        Assert.Equal(canonical, prefix.ToString());
        Assert.True(IPv6Prefix.TryParse(Encoding.UTF8.GetBytes(text), PrefixParseMode.Strict, out var fromUtf8, out _));
        Assert.Equal(prefix, fromUtf8);
    }

    public static TheoryData<string, AddressError, int> RefusedIPv6Prefixes => new()
    {
        { "", AddressError.Empty, 0 },
        { "2001:db8::", AddressError.MissingPrefixLength, 10 },
        { "2001:db8::/", AddressError.InvalidPrefixLength, 11 },
        { "2001:db8::/129", AddressError.InvalidPrefixLength, 11 },
        { "2001:db8::/1000", AddressError.InvalidPrefixLength, 11 },
        { "2001:db8::/032", AddressError.InvalidPrefixLength, 11 },
        { "2001:db8::/-1", AddressError.InvalidPrefixLength, 11 },
        { "2001:db8::/3x", AddressError.InvalidPrefixLength, 12 },
        { "2001:db8::/ 32", AddressError.InvalidPrefixLength, 11 },
        { "2001:db8::/32/32", AddressError.InvalidPrefixLength, 11 },
        { "fe80::%eth0/64", AddressError.ZoneNotAllowed, 6 },
        { "fe80::%12", AddressError.ZoneNotAllowed, 6 },
        { "fe80::/64%eth0", AddressError.InvalidPrefixLength, 7 },
        { "2001:db8::1/64", AddressError.HostBitsSet, 11 },
        { "2001:db8::1::/64", AddressError.MultipleCompressions, 11 },
        { "10.0.0.0/8", AddressError.WrongFamily, 0 },
    };

    [Theory]
    [MemberData(nameof(RefusedIPv6Prefixes))]
    public void IPv6_prefix_refuses_with_the_reason_and_the_position(string text, AddressError error, int position)
    {
        Assert.False(IPv6Prefix.TryParse(text, PrefixParseMode.Strict, out var prefix, out var failure));
        Assert.False(IPv6Prefix.TryParse(Encoding.UTF8.GetBytes(text), PrefixParseMode.Strict, out _, out var utf8Failure));

        Assert.False(prefix.IsValid);
        Assert.Equal(new ParseFailure(error, position), failure);
        Assert.Equal(failure, utf8Failure);
        Assert.Equal(failure, Assert.Throws<AddressFormatException>(() => IPv6Prefix.Parse(text)).Failure);
    }

    [Fact]
    public void IPv6_prefix_normalize_mode_clears_host_bits()
    {
        Assert.True(IPv6Prefix.TryParse("2001:db8::1/32", PrefixParseMode.Normalize, out var prefix, out _));

        Assert.Equal(IPv6Prefix.Parse("2001:db8::/32"), prefix);
    }

    [Theory]
    [InlineData("7.0.0.0/8")]
    [InlineData("192.168.99.0/24")]
    [InlineData("0.0.0.0/0")]
    [InlineData("10.1.2.3/32")]
    public void IPv4_prefix_accepts_address_slash_length_and_formats_it_back(string text)
    {
        var prefix = IPv4Prefix.Parse(text);

        Assert.Equal(text, prefix.ToString());
        Assert.True(IPv4Prefix.TryParse(Encoding.UTF8.GetBytes(text), PrefixParseMode.Strict, out var fromUtf8, out _));
        Assert.Equal(prefix, fromUtf8);
    }

    public static TheoryData<string, AddressError, int> RefusedIPv4Prefixes => new()
    {
        { "", AddressError.Empty, 0 },
        { "10.0.0.0", AddressError.MissingPrefixLength, 8 },
        { "10.0.0.0/", AddressError.InvalidPrefixLength, 9 },
        { "10.0.0.0/33", AddressError.InvalidPrefixLength, 9 },
        { "10.0.0.0/08", AddressError.InvalidPrefixLength, 9 },
        { "10.0.0.1/8", AddressError.HostBitsSet, 8 },
        { "010.0.0.0/8", AddressError.OctetLeadingZero, 0 },
        { "2001:db8::/32", AddressError.WrongFamily, 4 },
    };

    [Theory]
    [MemberData(nameof(RefusedIPv4Prefixes))]
    public void IPv4_prefix_refuses_with_the_reason_and_the_position(string text, AddressError error, int position)
    {
        Assert.False(IPv4Prefix.TryParse(text, PrefixParseMode.Strict, out var prefix, out var failure));
        Assert.False(IPv4Prefix.TryParse(Encoding.UTF8.GetBytes(text), PrefixParseMode.Strict, out _, out var utf8Failure));

        Assert.False(prefix.IsValid);
        Assert.Equal(new ParseFailure(error, position), failure);
        Assert.Equal(failure, utf8Failure);
        Assert.Equal(failure, Assert.Throws<AddressFormatException>(() => IPv4Prefix.Parse(text)).Failure);
    }

    [Fact]
    public void IPv4_prefix_normalize_mode_clears_host_bits()
    {
        Assert.True(IPv4Prefix.TryParse("10.1.2.3/8", PrefixParseMode.Normalize, out var prefix, out _));

        Assert.Equal(IPv4Prefix.Parse("10.0.0.0/8"), prefix);
    }

    [Fact]
    public void Containment_follows_the_prefix_bits()
    {
        var v6 = IPv6Prefix.Parse("2001:db8::/32");
        var v4 = IPv4Prefix.Parse("192.168.0.0/16");

        Assert.True(v6.Contains(IPv6Address.Parse("2001:db8:ffff::1%eth0")));
        Assert.False(v6.Contains(IPv6Address.Parse("2001:db9::1")));
        Assert.True(v6.Contains(IPv6Prefix.Parse("2001:db8:1::/48")));
        Assert.False(IPv6Prefix.Parse("2001:db8:1::/48").Contains(v6));
        Assert.True(v4.Contains(IPv4Address.Parse("192.168.255.1")));
        Assert.False(v4.Contains(IPv4Address.Parse("192.169.0.1")));
    }
}
