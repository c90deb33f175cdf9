using System.Net;
using System.Text;
using IsatapPlatform.Addressing.Tests.Support;

namespace IsatapPlatform.Addressing.Tests.Properties;

/// <summary>RFC 4291 parsing and RFC 5952 formatting over random values, 100,000 cases each, checked
/// against an independent reference formatter and against System.Net.IPAddress.</summary>
public sealed class IPv6TextProperties
{
    /// <summary>Seed of the IPv6 text properties; each property adds its own offset.</summary>
    private const int Seed = 5952_000;

    private static readonly string[] s_roundTripFormats = ["G", "M", "F"];

    [Fact]
    public void Parsing_canonical_text_and_formatting_it_again_is_the_identity()
    {
        Property.ForAll(Seed + 1, r =>
        {
            string canonical = ReferenceText.Canonical(RandomValues.IPv6(r).Value);

            Assert.Equal(canonical, IPv6Address.Parse(canonical).ToString());
        });
    }

    [Fact]
    public void Formatting_then_parsing_round_trips_the_value_in_G_M_and_F_and_UTF16_agrees_with_UTF8()
    {
        var chars = new char[128];
        var utf8 = new byte[128];
        Property.ForAll(Seed + 2, r =>
        {
            var address = RandomValues.IPv6(r);
            if (r.Next(8) == 0) address = address.WithZone(r.Next(2) == 0 ? r.Next(1, 100).ToString(System.Globalization.CultureInfo.InvariantCulture) : "eth0");
            foreach (string format in s_roundTripFormats)
            {
                Assert.True(address.TryFormat(chars, out int charCount, format));
                Assert.True(address.TryFormat(utf8, out int byteCount, format));

                string text = new(chars, 0, charCount);
                Assert.Equal(text, Encoding.ASCII.GetString(utf8, 0, byteCount));
                Assert.True(IPv6Address.TryParse(text.AsSpan(), out var fromChars, out var f1), f1.Message);
                Assert.True(IPv6Address.TryParse(utf8.AsSpan(0, byteCount), out var fromBytes, out var f2), f2.Message);
                Assert.Equal(address, fromChars);
                Assert.Equal(address, fromBytes);
            }
        });
    }

    [Fact]
    public void Canonical_text_is_stable()
    {
        Property.ForAll(Seed + 3, r =>
        {
            string once = RandomValues.IPv6(r).ToString();

            Assert.Equal(once, IPv6Address.Parse(once).ToString());
        });
    }

    [Fact]
    public void Canonical_text_equals_the_reference_RFC_5952_formatter_and_System_Net_reads_the_same_value()
    {
        var ours = new byte[16];
        var system = new byte[16];
        Property.ForAll(Seed + 4, r =>
        {
            var address = RandomValues.IPv6(r);
            string text = address.ToString();

            Assert.Equal(ReferenceText.Canonical(address.Value), text);
            Assert.True(IPAddress.Parse(text).TryWriteBytes(system, out _));
            Assert.True(address.TryWriteBytes(ours));
            Assert.True(ours.AsSpan().SequenceEqual(system), $"{text} reads as {new IPAddress(system)} in System.Net");
        });
    }

    [Fact]
    public void Any_RFC_4291_spelling_parses_to_the_value_System_Net_reads()
    {
        var system = new byte[16];
        Property.ForAll(Seed + 5, r =>
        {
            var address = RandomValues.IPv6(r);
            string spelling = ReferenceText.RandomSpelling(address.Value, r);

            Assert.True(IPv6Address.TryParse(spelling, out var parsed), spelling);
            Assert.Equal(address, parsed);
            Assert.True(IPAddress.Parse(spelling).TryWriteBytes(system, out _));
            Assert.Equal(address.Value, IPv6Address.TryFromBytes(system, out var fromSystem) ? fromSystem.Value : default);
        });
    }
}
