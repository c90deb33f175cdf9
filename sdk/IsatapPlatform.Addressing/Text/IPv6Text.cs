using System.Numerics;

namespace IsatapPlatform.Addressing.Text;

// RFC 4291 §2.2 parsing and RFC 5952 formatting, generic over the code unit (see IPv4Text).
internal static class IPv6Text
{
    // "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255" is 45; the hex form at most 39.
    public const int MaxAddressLength = 45;
    // 32 nibbles and dots, then "ip6.arpa".
    public const int ReverseNameLength = 72;

    /// <summary>Parses an IPv6 address with an optional zone. The zone span is returned (not
    /// allocated) so the caller decides whether it wants a string.</summary>
    public static bool TryParse<TChar>(ReadOnlySpan<TChar> s, out ulong hi, out ulong lo, out int zoneStart, out ParseFailure failure)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        hi = lo = 0;
        zoneStart = -1;
        if (s.IsEmpty)
        {
            failure = new ParseFailure(AddressError.Empty, 0);
            return false;
        }

        int end = s.Length;
        int pct = s.IndexOf(TChar.CreateTruncating('%'));
        if (pct >= 0)
        {
            if (pct == s.Length - 1)
            {
                failure = new ParseFailure(AddressError.EmptyZone, pct + 1);
                return false;
            }
            for (int z = pct + 1; z < s.Length; z++)
            {
                if (!AsciiText.IsZoneChar(int.CreateTruncating(s[z])))
                {
                    failure = new ParseFailure(AddressError.InvalidZone, z);
                    return false;
                }
            }
            end = pct;
            zoneStart = pct + 1;
            if (end == 0)
            {
                // "%eth0": a zone with no address in front of it.
                failure = new ParseFailure(AddressError.Empty, 0);
                return false;
            }
        }

        Span<ushort> groups = stackalloc ushort[8];
        // ellipsisAt: index of the first ':' of "::", reported when "::" stands for no group.
        int n = 0, ellipsis = -1, ellipsisAt = -1, i = 0;

        if (end >= 2 && int.CreateTruncating(s[0]) == ':' && int.CreateTruncating(s[1]) == ':')
        {
            ellipsis = 0;
            ellipsisAt = 0;
            i = 2;
        }
        else if (end >= 1 && int.CreateTruncating(s[0]) == ':')
        {
            failure = new ParseFailure(AddressError.MisplacedColon, 0);
            return false;
        }

        bool sawColon = ellipsis == 0;
        while (i < end)
        {
            if (n == 8)
            {
                failure = new ParseFailure(AddressError.TooManyGroups, i);
                return false;
            }

            int start = i, value = 0;
            while (i < end)
            {
                int h = AsciiText.HexValue(int.CreateTruncating(s[i]));
                if (h < 0) break;
                if (i - start == 4)
                {
                    failure = new ParseFailure(AddressError.GroupTooLong, start);
                    return false;
                }
                value = (value << 4) | h;
                i++;
            }

            if (i < end && int.CreateTruncating(s[i]) == '.')
            {
                // A dotted quad: only as the last 32 bits, so exactly 6 groups before it
                // or fewer with "::".
                if (!sawColon)
                {
                    failure = new ParseFailure(AddressError.WrongFamily, 0);
                    return false;
                }
                if (n > 6 || (ellipsis < 0 && n != 6) || (ellipsis >= 0 && n == 6))
                {
                    failure = new ParseFailure(n > 6 || (ellipsis >= 0 && n == 6) ? AddressError.TooManyGroups : AddressError.MisplacedIPv4, start);
                    return false;
                }
                if (!IPv4Text.TryParse(s[start..end], start, out uint v4, out failure))
                {
                    if (failure.Error == AddressError.WrongFamily) failure = failure with { Error = AddressError.MisplacedIPv4 };
                    return false;
                }
                groups[n++] = (ushort)(v4 >> 16);
                groups[n++] = (ushort)v4;
                i = end;
                break;
            }

            if (i == start)
            {
                failure = new ParseFailure(i < end ? AddressError.UnexpectedCharacter : AddressError.MisplacedColon, i);
                return false;
            }
            groups[n++] = (ushort)value;
            if (i == end) break;

            if (int.CreateTruncating(s[i]) != ':')
            {
                failure = new ParseFailure(AddressError.UnexpectedCharacter, i);
                return false;
            }
            sawColon = true;
            i++;
            if (i == end)
            {
                failure = new ParseFailure(AddressError.MisplacedColon, i - 1);
                return false;
            }
            if (int.CreateTruncating(s[i]) == ':')
            {
                if (ellipsis >= 0)
                {
                    failure = new ParseFailure(AddressError.MultipleCompressions, i - 1);
                    return false;
                }
                ellipsis = n;
                ellipsisAt = i - 1;
                i++;
            }
        }

        if (!sawColon)
        {
            // No colon anywhere: a bare number or an IPv4 address given to the IPv6 parser.
            failure = new ParseFailure(AddressError.WrongFamily, 0);
            return false;
        }

        if (ellipsis >= 0)
        {
            if (n == 8)
            {
                failure = new ParseFailure(AddressError.TooManyGroups, ellipsisAt);
                return false;
            }
            int tail = n - ellipsis;
            for (int k = 0; k < tail; k++) groups[7 - k] = groups[n - 1 - k];
            for (int k = ellipsis; k < 8 - tail; k++) groups[k] = 0;
        }
        else if (n < 8)
        {
            failure = new ParseFailure(AddressError.TooFewGroups, end);
            return false;
        }

        hi = ((ulong)groups[0] << 48) | ((ulong)groups[1] << 32) | ((ulong)groups[2] << 16) | groups[3];
        lo = ((ulong)groups[4] << 48) | ((ulong)groups[5] << 32) | ((ulong)groups[6] << 16) | groups[7];
        failure = default;
        return true;
    }

    /// <summary>The index of the character where group <paramref name="group"/> (0-7) starts in a
    /// valid address text; a group inside "::" maps to the "::". Only for error reporting, so it
    /// favours clarity over speed. Returns 0 when the text does not parse.</summary>
    public static int PositionOfGroup<TChar>(ReadOnlySpan<TChar> s, int group)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        Span<int> starts = stackalloc int[8];
        int n = 0, ellipsisGroup = -1, ellipsisPosition = 0, i = 0;
        while (i < s.Length && n < 8)
        {
            int c = int.CreateTruncating(s[i]);
            if (c == '%') break;
            if (c == ':')
            {
                if (i + 1 < s.Length && int.CreateTruncating(s[i + 1]) == ':')
                {
                    ellipsisGroup = n;
                    ellipsisPosition = i;
                    i += 2;
                }
                else
                {
                    i++;
                }
                continue;
            }
            int start = i;
            bool dotted = false;
            while (i < s.Length && int.CreateTruncating(s[i]) is not (':' or '%'))
            {
                dotted |= int.CreateTruncating(s[i]) == '.';
                i++;
            }
            starts[n++] = start;
            if (dotted && n < 8) starts[n++] = start;
        }
        if (ellipsisGroup < 0) return (uint)group < (uint)n ? starts[group] : 0;
        int tail = n - ellipsisGroup;
        if (group < ellipsisGroup) return starts[group];
        if (group >= 8 - tail) return starts[group - (8 - n)];
        return ellipsisPosition;
    }

    /// <summary>RFC 5952 §5: IPv4-mapped addresses are written with the dotted quad even in canonical form.</summary>
    public static bool PrefersMixed(ulong hi, ulong lo) => hi == 0 && (lo >> 32) == 0xFFFF;

    private static ushort Group(ulong hi, ulong lo, int g) => (ushort)((g < 4 ? hi : lo) >> (48 - 16 * (g & 3)));

    /// <summary>RFC 5952 text. With <paramref name="mixed"/> the last 32 bits are written as a dotted
    /// quad (RFC 5952 §5) and only the first six groups take part in "::" compression.</summary>
    public static int Format<TChar>(ulong hi, ulong lo, bool mixed, Span<TChar> d)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        int hexGroups = mixed ? 6 : 8;

        // Longest run of zero groups of length >= 2; leftmost on a tie (RFC 5952 §4.2).
        int bestStart = -1, bestLen = 1, runStart = -1;
        for (int g = 0; g <= hexGroups; g++)
        {
            if (g < hexGroups && Group(hi, lo, g) == 0)
            {
                if (runStart < 0) runStart = g;
            }
            else if (runStart >= 0)
            {
                int len = g - runStart;
                if (len > bestLen) { bestStart = runStart; bestLen = len; }
                runStart = -1;
            }
        }

        int pos = 0;
        for (int g = 0; g < hexGroups; g++)
        {
            if (g == bestStart)
            {
                d[pos++] = TChar.CreateTruncating(':');
                d[pos++] = TChar.CreateTruncating(':');
                g += bestLen - 1;
                continue;
            }
            if (g > 0 && g != bestStart + bestLen) d[pos++] = TChar.CreateTruncating(':');
            pos += WriteHexGroup(Group(hi, lo, g), d[pos..]);
        }

        if (mixed)
        {
            if (bestStart < 0 || bestStart + bestLen != 6) d[pos++] = TChar.CreateTruncating(':');
            pos += IPv4Text.Format((uint)lo, d[pos..]);
        }
        return pos;
    }

    private static int WriteHexGroup<TChar>(ushort v, Span<TChar> d) where TChar : unmanaged, IBinaryInteger<TChar>
    {
        int digits = v >= 0x1000 ? 4 : v >= 0x100 ? 3 : v >= 0x10 ? 2 : 1;
        for (int k = 0; k < digits; k++)
            d[k] = AsciiText.HexDigit<TChar>(v >> (4 * (digits - 1 - k)));
        return digits;
    }

    /// <summary>All eight groups with four digits each, no compression (39 characters).</summary>
    public static int FormatFull<TChar>(ulong hi, ulong lo, Span<TChar> d) where TChar : unmanaged, IBinaryInteger<TChar>
    {
        int pos = 0;
        for (int g = 0; g < 8; g++)
        {
            if (g > 0) d[pos++] = TChar.CreateTruncating(':');
            ushort v = Group(hi, lo, g);
            for (int k = 3; k >= 0; k--) d[pos++] = AsciiText.HexDigit<TChar>(v >> (4 * k));
        }
        return pos;
    }

    /// <summary>The ip6.arpa name: nibbles least significant first (RFC 3596 §2.5).</summary>
    public static int FormatReverse<TChar>(ulong hi, ulong lo, Span<TChar> d) where TChar : unmanaged, IBinaryInteger<TChar>
    {
        int pos = 0;
        for (int nibble = 0; nibble < 32; nibble++)
        {
            ulong word = nibble < 16 ? lo : hi;
            d[pos++] = AsciiText.HexDigit<TChar>((int)(word >> (4 * (nibble & 15))));
            d[pos++] = TChar.CreateTruncating('.');
        }
        pos += AsciiText.Write("ip6.arpa", d[pos..]);
        return pos;
    }
}
