using IsatapPlatform.Addressing.Tests.Support;

namespace IsatapPlatform.Addressing.Tests.Properties;

/// <summary>RFC 6052 embedding over random prefixes and IPv4 addresses, 100,000 cases per length.</summary>
public sealed class Nat64Properties
{
    /// <summary>Seed of the Nat64 properties; the length is added so each length gets its own stream.</summary>
    private const int Seed = 6052_000;

    /// <summary>RFC 6052 §2.2 figure as byte positions (REFERENCE.md §1.1), an implementation
    /// independent of the library's shift arithmetic.</summary>
    private static readonly Dictionary<int, int[]> s_ipv4BytePositions = new()
    {
        [32] = [4, 5, 6, 7],
        [40] = [5, 6, 7, 9],
        [48] = [6, 7, 9, 10],
        [56] = [7, 9, 10, 11],
        [64] = [9, 10, 11, 12],
        [96] = [12, 13, 14, 15],
    };

    public static TheoryData<int> Lengths => new(RandomValues.Nat64Lengths);

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Embedding_then_extracting_gives_back_the_IPv4_and_never_touches_the_u_octet(int length)
    {
        Property.ForAll(Seed + length, r =>
        {
            var prefix = RandomValues.Nat64Prefix(r, length);
            var ipv4 = RandomValues.IPv4(r);

            var embedded = prefix.Embed(ipv4);

            Assert.True(prefix.TryExtract(embedded, out var extracted, out var error), error.ToMessage());
            Assert.Equal(ipv4, extracted);
            Assert.Equal(0UL, (embedded.Low >> 56) & 0xFF);
            Assert.True(prefix.Prefix.Contains(embedded));
            Assert.Equal(ReferenceEmbed(prefix, ipv4), embedded);
        });
    }

    private static IPv6Address ReferenceEmbed(Nat64Prefix prefix, IPv4Address ipv4)
    {
        Span<byte> bytes = stackalloc byte[16];
        Span<byte> octets = stackalloc byte[4];
        Assert.True(prefix.Prefix.Address.TryWriteBytes(bytes));
        Assert.True(ipv4.TryWriteBytes(octets));
        var positions = s_ipv4BytePositions[prefix.Length];
        for (int k = 0; k < 4; k++) bytes[positions[k]] = octets[k];
        Assert.True(IPv6Address.TryFromBytes(bytes, out var address));
        return address;
    }
}
