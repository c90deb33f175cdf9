using System.Text;

namespace IsatapPlatform.Addressing.Tests.Text;

/// <summary>RFC 5952 canonical text and the other formats ("M" mixed, "F" full, "R" ip6.arpa).</summary>
public sealed class IPv6FormattingTests
{
    [Theory]
    // §4.1: no leading zeros; a zero group is "0".
    [InlineData("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1")]
    [InlineData("2001:db8:0:0:0:0:0:0001", "2001:db8::1")]
    // §4.2.1: "::" shortens as much as possible.
    [InlineData("2001:db8:0:0:0:0:2:1", "2001:db8::2:1")]
    [InlineData("2001:db8::0:1", "2001:db8::1")]
    // §4.2.2: a single zero group is not compressed.
    [InlineData("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")]
    [InlineData("2001:db8:122:344:c0:2:2100::", "2001:db8:122:344:c0:2:2100:0")]
    [InlineData("0:1:2:3:4:5:6:7", "0:1:2:3:4:5:6:7")]
    // §4.2.3: the longest run wins, the leftmost on a tie.
    [InlineData("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1")]
    [InlineData("2001:0:0:1:0:0:0:1", "2001:0:0:1::1")]
    [InlineData("1:0:0:2:0:0:3:4", "1::2:0:0:3:4")]
    [InlineData("0:0:1:0:0:1:0:0", "::1:0:0:1:0:0")]
    // §4.3: lower case.
    [InlineData("2001:DB8:ABCD:EF00::", "2001:db8:abcd:ef00::")]
    // §5: IPv4-mapped addresses keep their dotted quad.
    [InlineData("::ffff:192.0.2.1", "::ffff:192.0.2.1")]
    [InlineData("::ffff:c000:201", "::ffff:192.0.2.1")]
    [InlineData("::ffff:0:0", "::ffff:0.0.0.0")]
    // Other embedded forms are hex in canonical text.
    [InlineData("::192.0.2.1", "::c000:201")]
    [InlineData("::ffff:0:192.0.2.1", "::ffff:0:c000:201")]
    [InlineData("64:ff9b::192.0.2.33", "64:ff9b::c000:221")]
    [InlineData("::", "::")]
    [InlineData("::1", "::1")]
    public void Canonical_text_follows_RFC_5952(string text, string canonical)
    {
        var address = IPv6Address.Parse(text);

        Assert.Equal(canonical, address.ToString());
        Assert.Equal(canonical, address.ToString("G", null));
        Assert.Equal(canonical, address.ToString("g", null));
        Assert.Equal(canonical, Support.ReferenceText.Canonical(address.Value));
    }

    /// <summary>Regression: RFC 6052 §2.4 prints its /64 row with "::" for one zero group, which RFC 5952
    /// §4.2.2 forbids. The text must be accepted, and printed back canonically.</summary>
    [Fact]
    public void The_RFC_6052_64_row_text_parses_and_prints_with_the_single_zero_group_spelled_out()
    {
        var address = IPv6Address.Parse("2001:db8:122:344:c0:2:2100::");

        Assert.Equal("2001:db8:122:344:c0:2:2100:0", address.ToString());
        Assert.Equal(new UInt128(0x2001_0db8_0122_0344, 0x00c0_0002_2100_0000), address.Value);
    }

    [Theory]
    [InlineData("fe80::5efe:a00:5", "fe80::5efe:10.0.0.5")]
    [InlineData("fe80::200:5efe:836b:1", "fe80::200:5efe:131.107.0.1")]
    [InlineData("2002:836b:1:8000:0:5efe:c0a8:630a", "2002:836b:1:8000:0:5efe:192.168.99.10")]
    [InlineData("fd03:b402:e10c:7777::ac10:1e1", "fd03:b402:e10c:7777::172.16.1.225")]
    [InlineData("::ffff:c000:201", "::ffff:192.0.2.1")]
    [InlineData("::", "::0.0.0.0")]
    [InlineData("::1", "::0.0.0.1")]
    [InlineData("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:0.7.0.8")]
    [InlineData("1:0:0:0:0:0:0:8", "1::0.0.0.8")]
    [InlineData("1:0:2:0:0:0:0:8", "1:0:2::0.0.0.8")]
    [InlineData("1:0:0:2:3:4:0:0", "1::2:3:4:0.0.0.0")]
    public void Mixed_format_writes_the_last_32_bits_as_a_dotted_quad(string text, string mixed)
    {
        var address = IPv6Address.Parse(text);

        Assert.Equal(mixed, address.ToString("M"));
        Assert.Equal(mixed, address.ToMixedString());
        Assert.Equal(address, IPv6Address.Parse(mixed));
    }

    [Fact]
    public void Full_format_writes_eight_four_digit_groups()
        => Assert.Equal("2001:0db8:0000:0000:0000:0000:0000:0001", IPv6Address.Parse("2001:db8::1").ToString("F"));

    [Fact]
    public void Reverse_format_writes_the_ip6_arpa_name_without_the_zone()
    {
        // RFC 3596 §2.5 example.
        var address = IPv6Address.Parse("4321:0:1:2:3:4:567:89ab%eth0");

        Assert.Equal("b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.0.0.0.0.1.2.3.4.ip6.arpa", address.ToString("R"));
        Assert.Equal(address.ToString("R"), address.ToReverseName());
    }

    [Theory]
    [InlineData("G")]
    [InlineData("M")]
    [InlineData("F")]
    public void The_zone_follows_every_format_but_the_reverse_name(string format)
    {
        var address = IPv6Address.Parse("fe80::5efe:10.0.0.5%18");

        Assert.EndsWith("%18", address.ToString(format), StringComparison.Ordinal);
        Assert.Equal(address, IPv6Address.Parse(address.ToString(format)));
    }

    [Theory]
    [InlineData("X")]
    [InlineData("GG")]
    [InlineData("N")]
    public void An_unknown_format_is_refused(string format)
    {
        var address = IPv6Address.Parse("2001:db8::1");
        Span<char> buffer = stackalloc char[100];

        Assert.False(address.TryFormat(buffer, out int written, format));
        Assert.Equal(0, written);
        Assert.Throws<FormatException>(() => address.ToString(format));
    }

    [Theory]
    [InlineData("", 11)]
    [InlineData("M", 17)]
    [InlineData("F", 39)]
    [InlineData("R", 72)]
    public void A_destination_one_char_short_gets_nothing_and_an_exact_one_gets_everything(string format, int length)
    {
        var address = IPv6Address.Parse("2001:db8::1");
        var exact = new char[length];
        var shortBuffer = new char[length - 1];
        Array.Fill(shortBuffer, '#');
        var exactUtf8 = new byte[length];
        var shortUtf8 = new byte[length - 1];

        Assert.True(address.TryFormat(exact, out int written, format));
        Assert.False(address.TryFormat(shortBuffer, out int shortWritten, format));
        Assert.True(address.TryFormat(exactUtf8, out int bytesWritten, format));
        Assert.False(address.TryFormat(shortUtf8, out _, format));

        Assert.Equal(length, written);
        Assert.Equal(0, shortWritten);
        Assert.All(shortBuffer, c => Assert.Equal('#', c));
        Assert.Equal(length, bytesWritten);
        Assert.Equal(new string(exact), Encoding.ASCII.GetString(exactUtf8));
    }

    [Fact]
    public void A_zone_that_does_not_fit_is_not_written_partially()
    {
        var address = IPv6Address.Parse("fe80::1%eth0");
        var buffer = new char["fe80::1%eth".Length];

        Assert.False(address.TryFormat(buffer, out int written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Prefixes_format_in_canonical_and_mixed_forms()
    {
        var prefix = IPv6Prefix.Parse("2002:836b:1:8000:0:5efe:192.168.99.0/120");

        Assert.Equal("2002:836b:1:8000:0:5efe:c0a8:6300/120", prefix.ToString());
        Assert.Equal("2002:836b:1:8000:0:5efe:192.168.99.0/120", prefix.ToString("M"));
        Assert.Equal("::ffff:0.0.0.0/96", IPv6Prefix.Parse("::ffff:0:0/96").ToString());
    }
}
