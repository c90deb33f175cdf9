namespace IsatapPlatform.Addressing.Tests.Support;

/// <summary>Generators for addresses that exercise the interesting corners: zero groups (so "::"
/// compression has work to do), IPv4-mapped values, octets of every width.</summary>
public static class RandomValues
{
    public static readonly int[] Nat64Lengths = [32, 40, 48, 56, 64, 96];

    public static ulong UInt64(Random r) => (ulong)r.NextInt64() ^ ((ulong)r.Next(2) << 63);

    public static uint UInt32(Random r) => (uint)r.Next() ^ ((uint)r.Next(2) << 31);

    public static IPv4Address IPv4(Random r) => r.Next(8) switch
    {
        // Octets of one, two and three digits and the ends of the range.
        0 => IPv4Address.FromOctets(Octet(r), Octet(r), Octet(r), Octet(r)),
        1 => IPv4Address.FromUInt32(0),
        2 => IPv4Address.FromUInt32(uint.MaxValue),
        _ => IPv4Address.FromUInt32(UInt32(r)),
    };

    private static byte Octet(Random r) => r.Next(4) switch
    {
        0 => (byte)r.Next(10),
        1 => (byte)r.Next(10, 100),
        2 => (byte)r.Next(100, 256),
        _ => (byte)(r.Next(2) * 255),
    };

    /// <summary>A 16-bit group that is zero half of the time, so zero runs of every length occur.</summary>
    private static ushort Group(Random r) => r.Next(4) switch
    {
        0 or 1 => 0,
        2 => (ushort)r.Next(1, 0x10),
        _ => (ushort)r.Next(1, 0x10000),
    };

    public static IPv6Address IPv6(Random r)
    {
        switch (r.Next(10))
        {
            case 0:
                return IPv6Address.MapFromIPv4(IPv4(r));
            case 1:
                return IPv6Address.FromUInt64(UInt64(r), UInt64(r));
            default:
                ulong hi = 0, lo = 0;
                for (int g = 0; g < 4; g++) hi = (hi << 16) | Group(r);
                for (int g = 0; g < 4; g++) lo = (lo << 16) | Group(r);
                return IPv6Address.FromUInt64(hi, lo);
        }
    }

    /// <summary>A valid RFC 6052 prefix of the given length: random bits up to the length, the u octet
    /// (bits 64-71) zero, nothing past the length.</summary>
    public static Nat64Prefix Nat64Prefix(Random r, int length)
    {
        var (maskHi, maskLo) = Mask(length);
        ulong hi = UInt64(r) & maskHi;
        ulong lo = UInt64(r) & maskLo & ~(0xFFUL << 56);
        var prefix = IPv6Prefix.Create(IPv6Address.FromUInt64(hi, lo), length);
        return Addressing.Nat64Prefix.Create(prefix);
    }

    public static (ulong Hi, ulong Lo) Mask(int length)
    {
        ulong hi = length >= 64 ? ulong.MaxValue : length == 0 ? 0 : ulong.MaxValue << (64 - length);
        ulong lo = length <= 64 ? 0 : length >= 128 ? ulong.MaxValue : ulong.MaxValue << (128 - length);
        return (hi, lo);
    }

    public static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];
}
