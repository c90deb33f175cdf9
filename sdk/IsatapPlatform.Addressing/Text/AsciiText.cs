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

    /// <summary>Runs <paramref name="format"/> into a stack buffer as UTF-16 and copies it as UTF-8.
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
