using System.Text;

namespace IsatapPlatform.Addressing.Tests.Text;

/// <summary>RFC 4291 §2.2 text forms: what IPv6Address accepts and, for everything else, which
/// <see cref="AddressError"/> it reports and at which character.</summary>
public sealed class IPv6ParsingTests
{
    public static TheoryData<string, string> AcceptedForms => new()
    {
        // text, canonical form of the parsed value
        { "2001:DB8::1", "2001:db8::1" },
        { "2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1" },
        { "2001:0db8::0001", "2001:db8::1" },
        { "FE80::5EFE:A00:5", "fe80::5efe:a00:5" },
        { "::", "::" },
        { "::1", "::1" },
        { "1::", "1::" },
        { "1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0" },
        { "::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8" },
        { "2001:db8:0:0:1::1", "2001:db8::1:0:0:1" },
        { "2001:db8::0:1:0:0:1", "2001:db8::1:0:0:1" },
        { "2001:db8:122:344:c0:2:2100::", "2001:db8:122:344:c0:2:2100:0" },
        { "2001:db8:122:344::192.0.2.33", "2001:db8:122:344::c000:221" },
        { "fe80::5efe:10.0.0.5", "fe80::5efe:a00:5" },
        { "::ffff:192.0.2.1", "::ffff:192.0.2.1" },
        { "::FFFF:c000:201", "::ffff:192.0.2.1" },
        { "::192.0.2.1", "::c000:201" },
        { "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304" },
        { "0:0:0:0:0:0:0:0", "::" },
    };

    [Theory]
    [MemberData(nameof(AcceptedForms))]
    public void Accepts_every_RFC_4291_spelling(string text, string canonical)
    {
        Assert.True(IPv6Address.TryParse(text, out var address, out var failure), failure.Message);

        Assert.Equal(default, failure);
        Assert.Equal(canonical, address.ToString());
        Assert.Null(address.Zone);
        Assert.True(IPv6Address.TryParse(Encoding.UTF8.GetBytes(text), out var fromUtf8, out _));
        Assert.Equal(address, fromUtf8);
    }

    [Theory]
    [InlineData("fe80::1%12", "fe80::1", "12")]
    [InlineData("fe80::1%eth0", "fe80::1", "eth0")]
    [InlineData("fe80::5efe:10.0.0.5%18", "fe80::5efe:a00:5", "18")]
    [InlineData("FE80::200:5EFE:131.107.0.1%isatap.corp_1-2", "fe80::200:5efe:836b:1", "isatap.corp_1-2")]
    public void Accepts_a_zone_id_and_keeps_it_verbatim(string text, string canonical, string zone)
    {
        var address = IPv6Address.Parse(text);

        Assert.Equal(zone, address.Zone);
        Assert.Equal(canonical + "%" + zone, address.ToString());
        Assert.Equal(IPv6Address.Parse(canonical).Value, address.Value);
        Assert.True(IPv6Address.TryParse(Encoding.UTF8.GetBytes(text), out var fromUtf8, out _));
        Assert.Equal(address, fromUtf8);
    }

    [Fact]
    public void The_same_bits_with_and_without_a_zone_are_different_addresses()
    {
        var withZone = IPv6Address.Parse("fe80::1%12");
        var without = IPv6Address.Parse("fe80::1");

        Assert.NotEqual(without, withZone);
        Assert.Equal(without.Value, withZone.Value);
        Assert.Equal(without, withZone.WithZone(null));
    }

    public static TheoryData<string, AddressError, int> RefusedForms => new()
    {
        { "", AddressError.Empty, 0 },
        { ":1", AddressError.MisplacedColon, 0 },
        { ":1:2:3:4:5:6:7:8", AddressError.MisplacedColon, 0 },
        { "1:", AddressError.MisplacedColon, 1 },
        { "1:2:3:4:5:6:7:8:", AddressError.MisplacedColon, 15 },
        { "1::2::3", AddressError.MultipleCompressions, 4 },
        { "::1::", AddressError.MultipleCompressions, 3 },
        { "12345::", AddressError.GroupTooLong, 0 },
        { "2001:db8:00001::1", AddressError.GroupTooLong, 9 },
        { "1:2:3:4:5:6:7", AddressError.TooFewGroups, 13 },
        { "1:2:3:4:5:6:7:8:9", AddressError.TooManyGroups, 16 },
        // "::" must stand for at least one group; the error points at it.
        { "1::2:3:4:5:6:7:8", AddressError.TooManyGroups, 1 },
        { "::1:2:3:4:5:6:7:8", AddressError.TooManyGroups, 0 },
        { "1:2:3:4:5:6:7:8::", AddressError.TooManyGroups, 15 },
        { "2001:db8::g", AddressError.UnexpectedCharacter, 10 },
        { "2001:db8:::1", AddressError.UnexpectedCharacter, 10 },
        { " ::1", AddressError.UnexpectedCharacter, 0 },
        { "::1 ", AddressError.UnexpectedCharacter, 3 },
        { "[::1]", AddressError.UnexpectedCharacter, 0 },
        { "2001:db8::1/64", AddressError.UnexpectedCharacter, 11 },
        { "1:2:3:4:5:1.2.3.4", AddressError.MisplacedIPv4, 10 },
        { "::1.2.3.4:5", AddressError.MisplacedIPv4, 9 },
        { "::ffff:1.2.3.256", AddressError.OctetOutOfRange, 13 },
        { "::ffff:01.2.3.4", AddressError.OctetLeadingZero, 7 },
        { "::ffff:1.2.3", AddressError.WrongOctetCount, 12 },
        { "%eth0", AddressError.Empty, 0 },
        { "fe80::1%", AddressError.EmptyZone, 8 },
        { "fe80::1%eth 0", AddressError.InvalidZone, 11 },
        { "fe80::1%eth0%1", AddressError.InvalidZone, 12 },
        { "fe80::1%eth0/64", AddressError.InvalidZone, 12 },
        { "fe80::1%é", AddressError.InvalidZone, 8 },
        { "1.2.3.4", AddressError.WrongFamily, 0 },
        { "192.168.1.1", AddressError.WrongFamily, 0 },
        { "10", AddressError.WrongFamily, 0 },
    };

    [Theory]
    [MemberData(nameof(RefusedForms))]
    public void Refuses_with_the_reason_and_the_position(string text, AddressError error, int position)
    {
        Assert.False(IPv6Address.TryParse(text, out var address, out var failure));

        Assert.False(address.IsValid);
        Assert.Equal(new ParseFailure(error, position), failure);
    }

    [Theory]
    [MemberData(nameof(RefusedForms))]
    public void Refuses_UTF8_text_with_the_same_reason_and_position(string text, AddressError error, int position)
    {
        // The positions above are char indexes; they equal byte indexes as long as the offending
        // character is ASCII or is the first non-ASCII character.
        Assert.False(IPv6Address.TryParse(Encoding.UTF8.GetBytes(text), out _, out var failure));

        Assert.Equal(new ParseFailure(error, position), failure);
    }

    [Theory]
    [MemberData(nameof(RefusedForms))]
    public void Parse_throws_an_AddressFormatException_carrying_the_same_failure(string text, AddressError error, int position)
    {
        var e = Assert.Throws<AddressFormatException>(() => IPv6Address.Parse(text));

        Assert.Equal(error, e.Error);
        Assert.Equal(position, e.Position);
        Assert.Equal(text, e.Input);
        Assert.Contains(error.ToMessage(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_refuses_null_with_ArgumentNullException_and_TryParse_returns_false()
    {
        Assert.Throws<ArgumentNullException>(() => IPv6Address.Parse((string)null!));
        Assert.False(IPv6Address.TryParse((string?)null, out _));
    }

    [Fact]
    public void A_refused_hostile_input_is_truncated_in_the_exception_message()
    {
        string hostile = new('x', 10_000);

        var e = Assert.Throws<AddressFormatException>(() => IPv6Address.Parse(hostile));

        Assert.True(e.Message.Length < 300, e.Message);
        Assert.Equal(hostile, e.Input);
    }

    [Fact]
    public void Works_through_the_generic_parsing_interfaces()
    {
        Assert.Equal(IPv6Address.Loopback, ParseGeneric<IPv6Address>("::1"));
        Assert.Equal(IPv6Address.Loopback, ParseUtf8Generic<IPv6Address>("::1"u8));
        Assert.Throws<AddressFormatException>(() => ParseUtf8Generic<IPv6Address>("::1::"u8));
    }

    private static T ParseGeneric<T>(string s) where T : ISpanParsable<T> => T.Parse(s.AsSpan(), null);

    private static T ParseUtf8Generic<T>(ReadOnlySpan<byte> s) where T : IUtf8SpanParsable<T> => T.Parse(s, null);
}
