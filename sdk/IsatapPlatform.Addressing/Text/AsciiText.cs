using System.Numerics;

namespace IsatapPlatform.Addressing.Text;

internal static class AsciiText
{
    public static int Write<TChar>(ReadOnlySpan<char> text, Span<TChar> destination)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        for (int i = 0; i < text.Length; i++) destination[i] = TChar.CreateTruncating(text[i]);
        return text.Length;
    }

    private const byte __ = 0xFF;

    // Hex digit value of each ASCII code; 0xFF (__) for everything else. Index 127 (DEL) is not a
    // digit, so clamping any larger code unit to 127 gives the right answer with one load.
    private static ReadOnlySpan<byte> HexValues =>
    [
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0x00-0x0F
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0x10-0x1F
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0x20-0x2F
         0,  1,  2,  3,  4,  5,  6,  7,  8,  9, __, __, __, __, __, __,  // 0x30-0x3F
        __, 10, 11, 12, 13, 14, 15, __, __, __, __, __, __, __, __, __,  // 0x40-0x4F
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0x50-0x5F
        __, 10, 11, 12, 13, 14, 15, __, __, __, __, __, __, __, __, __,  // 0x60-0x6F
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0x70-0x7F
    ];

    /// <summary>The value of a hex digit, or a number above 15 for any other code unit. One clamp and
    /// one table load, no branch: the IPv6 parser's fast path calls it for every character.</summary>
    public static uint HexValueOrAbove15(uint c) => HexValues[(int)Math.Min(c, 127u)];

    public static int HexValue(int c)
    {
        uint d = (uint)(c - '0');
        if (d <= 9) return (int)d;
        uint l = (uint)((c | 0x20) - 'a');
        return l <= 5 ? (int)l + 10 : -1;
    }

    public static TChar HexDigit<TChar>(int nibble) where TChar : unmanaged, IBinaryInteger<TChar>
        => TChar.CreateTruncating("0123456789abcdef"[nibble & 0xF]);

    // Zone ids end up in generated scripts and logs; allow only what interface names and indexes use.
    public static bool IsZoneChar(int c)
        => (uint)(c - '0') <= 9 || (uint)((c | 0x20) - 'a') <= 25 || c == '-' || c == '_' || c == '.';

    /// <summary>Copies formatter output (<paramref name="chars"/>) to UTF-8 <paramref name="destination"/>.
    /// Every character our formatters write is ASCII, so a byte per char is exact.</summary>
    public static bool TryNarrow(ReadOnlySpan<char> chars, Span<byte> destination, out int bytesWritten)
    {
        if (chars.Length > destination.Length)
        {
            bytesWritten = 0;
            return false;
        }
        for (int i = 0; i < chars.Length; i++) destination[i] = (byte)chars[i];
        bytesWritten = chars.Length;
        return true;
    }
}
