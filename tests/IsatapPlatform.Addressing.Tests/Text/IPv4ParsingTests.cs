using System.Text;

namespace IsatapPlatform.Addressing.Tests.Text;

/// <summary>Dotted quads: exactly four decimal octets, no leading zeros (other parsers read them as octal).</summary>
public sealed class IPv4ParsingTests
{
    [Theory]
    [InlineData("0.0.0.0", 0x00000000u)]
    [InlineData("192.0.2.33", 0xC0000221u)]
    [InlineData("255.255.255.255", 0xFFFFFFFFu)]
    [InlineData("10.0.0.5", 0x0A000005u)]
    [InlineData("1.20.100.0", 0x01146400u)]
    public void Accepts_a_dotted_quad(string text, uint value)
    {
        var address = IPv4Address.Parse(text);

        Assert.Equal(value, address.Value);
        Assert.Equal(text, address.ToString());
        Assert.True(IPv4Address.TryParse(Encoding.ASCII.GetBytes(text), out var fromUtf8, out _));
        Assert.Equal(address, fromUtf8);
    }

    public static TheoryData<string, AddressError, int> RefusedForms => new()
    {
        { "", AddressError.Empty, 0 },
        { "010.1.1.1", AddressError.OctetLeadingZero, 0 },
        { "1.2.3.04", AddressError.OctetLeadingZero, 6 },
        { "1.2.3.256", AddressError.OctetOutOfRange, 6 },
        { "1.2.3.1000", AddressError.OctetOutOfRange, 6 },
        { "1.2.3", AddressError.WrongOctetCount, 5 },
        { "1.2.3.", AddressError.WrongOctetCount, 6 },
        { "1.2.3.4.5", AddressError.WrongOctetCount, 7 },
        { "1..2.3", AddressError.UnexpectedCharacter, 2 },
        { "1.2.3.4 ", AddressError.UnexpectedCharacter, 7 },
        { " 1.2.3.4", AddressError.UnexpectedCharacter, 0 },
        { "1.2.3.-4", AddressError.UnexpectedCharacter, 6 },
        { "1.2.3.4/24", AddressError.UnexpectedCharacter, 7 },
        { "0x7f.0.0.1", AddressError.UnexpectedCharacter, 1 },
        { "1.2.3.٤", AddressError.UnexpectedCharacter, 6 },
        // IPv6 text given to the IPv4 parser: the first ':' gives the family away.
        { "::1", AddressError.WrongFamily, 0 },
        { "1::2", AddressError.WrongFamily, 1 },
        { "2001:db8::1", AddressError.WrongFamily, 4 },
        { "fe80::1", AddressError.WrongFamily, 4 },
        { "::ffff:192.0.2.1", AddressError.WrongFamily, 0 },
    };

    [Theory]
    [MemberData(nameof(RefusedForms))]
    public void Refuses_with_the_reason_and_the_position(string text, AddressError error, int position)
    {
        Assert.False(IPv4Address.TryParse(text, out var address, out var failure));

        Assert.False(address.IsValid);
        Assert.Equal(new ParseFailure(error, position), failure);
    }

    [Theory]
    [MemberData(nameof(RefusedForms))]
    public void Refuses_UTF8_text_with_the_same_reason_and_position(string text, AddressError error, int position)
    {
        Assert.False(IPv4Address.TryParse(Encoding.UTF8.GetBytes(text), out _, out var failure));

        Assert.Equal(new ParseFailure(error, position), failure);
    }

    [Theory]
    [MemberData(nameof(RefusedForms))]
    public void Parse_throws_an_AddressFormatException_carrying_the_same_failure(string text, AddressError error, int position)
    {
        var e = Assert.Throws<AddressFormatException>(() => IPv4Address.Parse(text));

        Assert.Equal(new ParseFailure(error, position), e.Failure);
    }

    [Fact]
    public void Formats_the_in_addr_arpa_reverse_name()
        => Assert.Equal("33.2.0.192.in-addr.arpa", IPv4Address.Parse("192.0.2.33").ToString("R"));

    [Fact]
    public void Refuses_to_format_into_a_destination_that_is_too_short_without_writing_partially()
    {
        var address = IPv4Address.Parse("192.168.100.200");
        Span<char> small = stackalloc char[14];
        small.Fill('#');

        Assert.False(address.TryFormat(small, out int written));

        Assert.Equal(0, written);
        Assert.Equal(new string('#', 14), small.ToString());
    }
}
