using System.Net;
using System.Text;
using IsatapPlatform.Addressing.Tests.Support;

namespace IsatapPlatform.Addressing.Tests.Properties;

/// <summary>Dotted quads over random values, 100,000 cases.</summary>
public sealed class IPv4TextProperties
{
    /// <summary>Seed of the IPv4 text property.</summary>
    private const int Seed = 791_000;

    [Fact]
    public void Formatting_then_parsing_round_trips_and_matches_System_Net()
    {
        var utf8 = new byte[16];
        Property.ForAll(Seed, r =>
        {
            var address = RandomValues.IPv4(r);
            string text = address.ToString();

            Assert.Equal(ReferenceText.DottedQuad(address.Value), text);
            Assert.Equal(address, IPv4Address.Parse(text));
            Assert.True(address.TryFormat(utf8, out int n));
            Assert.Equal(text, Encoding.ASCII.GetString(utf8, 0, n));
            Assert.True(IPv4Address.TryParse(utf8.AsSpan(0, n), out var fromUtf8, out _));
            Assert.Equal(address, fromUtf8);
            Assert.Equal(IPAddress.Parse(text).ToString(), text);
        });
    }
}
