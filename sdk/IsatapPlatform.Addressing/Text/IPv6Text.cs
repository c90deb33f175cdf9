using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#if NET9_0_OR_GREATER
using System.Runtime.Intrinsics.X86;
#endif

namespace IsatapPlatform.Addressing.Text;

// RFC 4291 §2.2 parsing and RFC 5952 formatting, generic over the code unit (see IPv4Text).
internal static class IPv6Text
{
    // "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255" is 45; the hex form at most 39.
    public const int MaxAddressLength = 45;
    // Eight groups of four digits and seven colons (the "F" format).
    public const int FullLength = 39;
    // 32 nibbles and dots, then "ip6.arpa".
    public const int ReverseNameLength = 72;

    /// <summary>Parses an IPv6 address with an optional zone. The zone span is returned (not
    /// allocated) so the caller decides whether it wants a string.</summary>
    public static bool TryParse<TChar>(ReadOnlySpan<TChar> s, out ulong hi, out ulong lo, out int zoneStart, out ParseFailure failure)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // Valid text takes the fast path; everything else goes to the full parser, which decides
        // and reports why and where. Only the full parser ever produces a failure.
        if (TryParseFast(s, out hi, out lo, out zoneStart))
        {
            failure = default;
            return true;
        }
        return TryParseAndReport(s, out hi, out lo, out zoneStart, out failure);
    }

    // What the fast parser's table says about a code unit: its value for a hex digit, or one of these.
    private const byte CO = 0x10; // ':'
    private const byte DO = 0x11; // '.'
    private const byte __ = 0xFF; // anything else

    // One entry per Latin-1 code unit; the fast parser treats every code unit above 0xFF as __.
    private static ReadOnlySpan<byte> Classes =>
    [
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0x00-0x0F
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0x10-0x1F
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, DO, __,  // 0x20-0x2F
         0,  1,  2,  3,  4,  5,  6,  7,  8,  9, CO, __, __, __, __, __,  // 0x30-0x3F
        __, 10, 11, 12, 13, 14, 15, __, __, __, __, __, __, __, __, __,  // 0x40-0x4F
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0x50-0x5F
        __, 10, 11, 12, 13, 14, 15, __, __, __, __, __, __, __, __, __,  // 0x60-0x6F
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0x70-0x7F
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0x80-0x8F
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0x90-0x9F
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0xA0-0xAF
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0xB0-0xBF
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0xC0-0xCF
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0xD0-0xDF
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0xE0-0xEF
        __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,  // 0xF0-0xFF
    ];

    /// <summary>The fast path of <see cref="TryParse"/>, for valid text: hex groups separated by ':',
    /// at most one "::", an optional dotted quad as the last 32 bits and an optional zone. It returns
    /// false for anything it does not accept, valid or not, and says nothing about why: the full
    /// parser then runs from the start. So it must accept only what the full parser accepts, with
    /// the same value and zone (property tests hold it to the full parser).</summary>
    /// <remarks>Why it is faster than the full parser: no up-front scan for '%' (the zone is found
    /// where the address ends); four-digit groups are checked and converted four code units at a
    /// time; other digits take one table load that gives a digit's value or what separates groups;
    /// no bounds checks inside the text; the groups go straight into two ulongs instead of a stack
    /// buffer; and few variables live across the loop, so the JIT keeps them in registers.
    /// Inlined into its callers (the parsers and the inspector): as a call, its prologue and the
    /// round trip of its three results through memory cost about a tenth of a short address.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseFast<TChar>(ReadOnlySpan<TChar> s, out ulong hi, out ulong lo, out int zoneStart)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        hi = lo = 0;
        zoneStart = -1;
        int length = s.Length;
        if (length < 2) return false; // the shortest address is "::"
        // Every read below is at an index that was compared with length first.
        ref TChar text = ref MemoryMarshal.GetReference(s);
        // Every group read so far, the latest in the low 16 bits of accLo (a dotted quad counts as two
        // groups). n counts them; ellipsis is how many came before "::", or -1.
        ulong accHi = 0, accLo = 0;
        int n = 0, ellipsis = -1, i = 0;

        if (At(ref text, 0) == ':')
        {
            if (At(ref text, 1) != ':') return false;
            ellipsis = 0;
            i = 2;
        }

        // Each pass reads one group and the ':' or "::" after it. A group must follow a single ':';
        // the address may end right after a group or after "::".
        if (i < length && At(ref text, i) != '%')
        {
            while (true)
            {
                int start = i;
                uint group = 0, h = 0;

                // Most groups of most addresses are four digits followed by ':' or the end. Those are
                // checked and converted four code units at a time; the next group's position is then
                // known without waiting for the result, so the processor can run ahead.
                if (i + 4 <= length && (i + 4 == length || At(ref text, i + 4) == ':') && Vector128.IsHardwareAccelerated && FourHexDigits(Load4(ref text, i), out uint four))
                {
                    group = four;
                    i += 4;
                    h = i == length ? 0u : CO; // a digit's value stands for the end of the text
                }
                // Otherwise hex digits one at a time, up to the first other code unit, whose class
                // ends up in h. When the text ends instead, h is the last digit's value (or 0).
                else while (i < length)
                {
                    uint c = uint.CreateTruncating(Unsafe.Add(ref text, i));
                    if (typeof(TChar) != typeof(byte) && c > 0xFF)
                    {
                        h = __;
                        break;
                    }
                    h = Classes[(int)c];
                    if (h > 15) break;
                    group = (group << 4) | h;
                    i++;
                }
                // One to four digits, and at most eight groups.
                if ((uint)(i - start - 1) > 3 || n == 8) return false;

                if (h == DO)
                {
                    // A dotted quad, only as the last 32 bits: after exactly six groups, or after at
                    // most five with "::" (which must still stand for at least one group).
                    if (ellipsis < 0 ? n != 6 : n > 5) return false;
                    i = IPv4Text.ParseQuad(s, start, out uint v4);
                    if (i < 0) return false;
                    accHi = (accHi << 32) | (accLo >> 32);
                    accLo = (accLo << 32) | v4;
                    n += 2;
                    // Only the zone may follow; the check below refuses anything else.
                    break;
                }

                accHi = (accHi << 16) | (accLo >> 48);
                accLo = (accLo << 16) | group;
                n++;

                // The end of the text, a '%' or anything else: the checks below sort it out.
                if (h != CO) break;
                i++;
                if (i < length && At(ref text, i) == ':')
                {
                    if (ellipsis >= 0) return false;
                    ellipsis = n;
                    i++;
                    if (i == length || At(ref text, i) == '%') break;
                }
            }
        }

        // Eight groups, or fewer with "::" standing for at least one zero group.
        if (ellipsis < 0 ? n != 8 : n == 8) return false;

        // The address stopped at something other than the end: only a non-empty, valid zone.
        if (i < length && !TryZone(s, i, out zoneStart)) return false;

        (hi, lo) = ellipsis > 0 ? Expand(accHi, accLo, n, ellipsis) : (accHi, accLo);
        return true;
    }

    /// <summary>True when all four 16-bit lanes hold hex digits, with their value (the first lane
    /// the most significant digit).</summary>
    /// <remarks>Vector registers rather than packed arithmetic on a ulong: the checks need several
    /// 64-bit constants, and in general-purpose registers they push the parser's loop variables
    /// onto the stack.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool FourHexDigits(ulong lanes, out uint value)
    {
        var units = Vector128.CreateScalar(lanes).AsUInt16();
        // '0'-'9', or 'a'-'f' after folding case (setting bit 5 maps nothing else onto them);
        // anything else, including every code unit above 0x7F, fails both.
        var digit = Vector128.LessThan(units - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
        var letter = Vector128.LessThan((units | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)6));
        if (((digit | letter).ExtractMostSignificantBits() & 0xF) != 0xF)
        {
            value = 0;
            return false;
        }
        // Digit values: the low nibble, plus 9 for letters. The multiply then moves lane k to bits
        // 60 - 4k, the first digit highest; the cross products land below bit 48.
        ulong nibbles = ((units & Vector128.Create((ushort)0xF)) + (letter & Vector128.Create((ushort)9))).AsUInt64().ToScalar();
        value = (uint)((nibbles * 0x1000_0100_0010_0001UL) >> 48);
        return true;
    }

    /// <summary>Expands "::": of the <paramref name="groups"/> groups in the low bits, the first
    /// <paramref name="before"/> (those before "::") move to the top, and the rest stay at the bottom.</summary>
    private static (ulong Hi, ulong Lo) Expand(ulong hi, ulong lo, int groups, int before)
    {
        int tailBits = 16 * (groups - before);
        (ulong headHi, ulong headLo) = ShiftRight(hi, lo, tailBits);
        (ulong headInPlaceHi, ulong headInPlaceLo) = ShiftLeft(headHi, headLo, tailBits);
        (headHi, headLo) = ShiftLeft(headHi, headLo, 16 * (8 - before));
        return (headHi | (hi ^ headInPlaceHi), headLo | (lo ^ headInPlaceLo));
    }

    // Forced: the JIT otherwise keeps the generic conversion a call, and spills the loop around it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int At<TChar>(ref TChar text, int i) where TChar : unmanaged, IBinaryInteger<TChar>
        => int.CreateTruncating(Unsafe.Add(ref text, i));

    /// <summary>A 128-bit shift by 0 to 128 bits, written out because UInt128's operators are calls.</summary>
    private static (ulong Hi, ulong Lo) ShiftLeft(ulong hi, ulong lo, int bits)
        => bits >= 64 ? (bits == 128 ? 0 : lo << (bits - 64), 0)
        : bits > 0 ? ((hi << bits) | (lo >> (64 - bits)), lo << bits)
        : (hi, lo);

    /// <inheritdoc cref="ShiftLeft"/>
    private static (ulong Hi, ulong Lo) ShiftRight(ulong hi, ulong lo, int bits)
        => bits >= 64 ? (0, bits == 128 ? 0 : hi >> (bits - 64))
        : bits > 0 ? (hi >> bits, (lo >> bits) | (hi << (64 - bits)))
        : (hi, lo);

    /// <summary>Four code units from <paramref name="at"/>, one per 16-bit lane, the first lowest.
    /// The caller guarantees that they are inside the text.</summary>
    private static ulong Load4<TChar>(ref TChar text, int at)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        ref byte first = ref Unsafe.As<TChar, byte>(ref Unsafe.Add(ref text, at));
        if (typeof(TChar) == typeof(char)) return Unsafe.ReadUnaligned<ulong>(ref first);
        // UTF-8: widen the four bytes to 16-bit lanes.
        ulong bytes = Unsafe.ReadUnaligned<uint>(ref first);
        bytes = (bytes | (bytes << 16)) & 0x0000_FFFF_0000_FFFFUL;
        return (bytes | (bytes << 8)) & 0x00FF_00FF_00FF_00FFUL;
    }

    /// <summary>A zone at <paramref name="percent"/>: '%' and at least one allowed character after it.</summary>
    private static bool TryZone<TChar>(ReadOnlySpan<TChar> s, int percent, out int zoneStart)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        zoneStart = -1;
        if (int.CreateTruncating(s[percent]) != '%' || percent + 1 == s.Length) return false;
        for (int z = percent + 1; z < s.Length; z++)
            if (!AsciiText.IsZoneChar(int.CreateTruncating(s[z]))) return false;
        zoneStart = percent + 1;
        return true;
    }

    // The full parser: the reference for which text is refused, why and where.
    internal static bool TryParseAndReport<TChar>(ReadOnlySpan<TChar> s, out ulong hi, out ulong lo, out int zoneStart, out ParseFailure failure)
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

    // For every zero-group mask (bit g set when group g is zero), the leftmost longest run of two or
    // more zero groups (RFC 5952 §4.2.2, §4.2.3): the first group of the run in the high nibble and
    // the group after it in the low nibble; 0x88 (past the last group) when there is no such run.
    // A constant table (a test rebuilds it from the rule), so reading it is one load: no static
    // field to fetch and, indexed by a byte, no bounds check.
    internal static ReadOnlySpan<byte> ZeroRuns =>
    [
        0x88, 0x88, 0x88, 0x02, 0x88, 0x88, 0x13, 0x03, 0x88, 0x88, 0x88, 0x02, 0x24, 0x24, 0x14, 0x04,  // masks 0x00-0x0F
        0x88, 0x88, 0x88, 0x02, 0x88, 0x88, 0x13, 0x03, 0x35, 0x35, 0x35, 0x02, 0x25, 0x25, 0x15, 0x05,  // masks 0x10-0x1F
        0x88, 0x88, 0x88, 0x02, 0x88, 0x88, 0x13, 0x03, 0x88, 0x88, 0x88, 0x02, 0x24, 0x24, 0x14, 0x04,  // masks 0x20-0x2F
        0x46, 0x46, 0x46, 0x02, 0x46, 0x46, 0x13, 0x03, 0x36, 0x36, 0x36, 0x36, 0x26, 0x26, 0x16, 0x06,  // masks 0x30-0x3F
        0x88, 0x88, 0x88, 0x02, 0x88, 0x88, 0x13, 0x03, 0x88, 0x88, 0x88, 0x02, 0x24, 0x24, 0x14, 0x04,  // masks 0x40-0x4F
        0x88, 0x88, 0x88, 0x02, 0x88, 0x88, 0x13, 0x03, 0x35, 0x35, 0x35, 0x02, 0x25, 0x25, 0x15, 0x05,  // masks 0x50-0x5F
        0x57, 0x57, 0x57, 0x02, 0x57, 0x57, 0x13, 0x03, 0x57, 0x57, 0x57, 0x02, 0x24, 0x24, 0x14, 0x04,  // masks 0x60-0x6F
        0x47, 0x47, 0x47, 0x47, 0x47, 0x47, 0x47, 0x03, 0x37, 0x37, 0x37, 0x37, 0x27, 0x27, 0x17, 0x07,  // masks 0x70-0x7F
        0x88, 0x88, 0x88, 0x02, 0x88, 0x88, 0x13, 0x03, 0x88, 0x88, 0x88, 0x02, 0x24, 0x24, 0x14, 0x04,  // masks 0x80-0x8F
        0x88, 0x88, 0x88, 0x02, 0x88, 0x88, 0x13, 0x03, 0x35, 0x35, 0x35, 0x02, 0x25, 0x25, 0x15, 0x05,  // masks 0x90-0x9F
        0x88, 0x88, 0x88, 0x02, 0x88, 0x88, 0x13, 0x03, 0x88, 0x88, 0x88, 0x02, 0x24, 0x24, 0x14, 0x04,  // masks 0xA0-0xAF
        0x46, 0x46, 0x46, 0x02, 0x46, 0x46, 0x13, 0x03, 0x36, 0x36, 0x36, 0x36, 0x26, 0x26, 0x16, 0x06,  // masks 0xB0-0xBF
        0x68, 0x68, 0x68, 0x02, 0x68, 0x68, 0x13, 0x03, 0x68, 0x68, 0x68, 0x02, 0x24, 0x24, 0x14, 0x04,  // masks 0xC0-0xCF
        0x68, 0x68, 0x68, 0x02, 0x68, 0x68, 0x13, 0x03, 0x35, 0x35, 0x35, 0x02, 0x25, 0x25, 0x15, 0x05,  // masks 0xD0-0xDF
        0x58, 0x58, 0x58, 0x58, 0x58, 0x58, 0x58, 0x03, 0x58, 0x58, 0x58, 0x58, 0x58, 0x58, 0x14, 0x04,  // masks 0xE0-0xEF
        0x48, 0x48, 0x48, 0x48, 0x48, 0x48, 0x48, 0x48, 0x38, 0x38, 0x38, 0x38, 0x28, 0x28, 0x18, 0x08,  // masks 0xF0-0xFF
    ];

    // The four hex digits of each group, leading zeros included: one ulong per group, holding four
    // UTF-16 characters or (for UTF-8) four bytes in its low half.
    [InlineArray(8)]
    private struct GroupDigits
    {
        private ulong _element;
    }

    /// <summary>RFC 5952 text. With <paramref name="mixed"/> the last 32 bits are written as a dotted
    /// quad (RFC 5952 §5) and only the first six groups take part in "::" compression.</summary>
    /// <remarks>Everything that does not depend on the order of output is computed for all eight groups
    /// at once with vector operations: which groups are zero, how many digits each has, and all 32 hex
    /// digits. The loop that remains only places each group's characters with one store.</remarks>
    public static int Format<TChar>(ulong hi, ulong lo, bool mixed, Span<TChar> d)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // The stores below read vector lanes back as integers, which assumes little-endian order;
        // without hardware vectors the portable formatter is faster anyway.
        if (!BitConverter.IsLittleEndian || !Vector128.IsHardwareAccelerated) return FormatPortable(hi, lo, mixed, d);
#if NET9_0_OR_GREATER
        if (!mixed && Avx512Vbmi2.IsSupported) return FormatByCompress(hi, lo, d);
#endif
        return FormatByGroups(hi, lo, mixed, d);
    }

    /// <summary><see cref="Format"/> on any machine with 128-bit vectors: the digits of all eight
    /// groups at once, then one store per group.</summary>
    internal static int FormatByGroups<TChar>(ulong hi, ulong lo, bool mixed, Span<TChar> d)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // The groups as 16-bit lanes, group 0 in lane 0.
        Vector128<ushort> groups = Vector128.Shuffle(Vector128.Create(lo, hi).AsUInt16(), Vector128.Create((ushort)7, 6, 5, 4, 3, 2, 1, 0));
        // Byte g: the number of digits of group g without leading zeros, at least one.
        Vector128<ushort> digitCount = Vector128<ushort>.One
            - Vector128.GreaterThan(groups, Vector128.Create((ushort)0xF))
            - Vector128.GreaterThan(groups, Vector128.Create((ushort)0xFF))
            - Vector128.GreaterThan(groups, Vector128.Create((ushort)0xFFF));
        ulong digitCounts = Vector128.Narrow(digitCount, digitCount).AsUInt64().ToScalar();
        Unsafe.SkipInit(out GroupDigits buffer);
        Span<ulong> digits = buffer;
        WriteHexDigits<TChar>(hi, lo, digits);

        // With mixed, groups 6 and 7 are the dotted quad and never part of "::". Without a run,
        // runStart = runEnd = 8 and the first loop writes every group.
        int zeros = (int)Vector128.Equals(groups, Vector128<ushort>.Zero).ExtractMostSignificantBits();
        int run = ZeroRuns[(byte)(mixed ? zeros & 0x3F : zeros)];
        int runStart = run >> 4, runEnd = run & 0xF;
        int hexGroups = mixed ? 6 : 8;

        // Groups are written four characters at a time (see WriteGroup), which can write up to three
        // characters past the group's digits; what follows overwrites them. Only the last two groups
        // can be followed by fewer than three characters, so they are written exactly, and nothing
        // lands past the text. With mixed, the dotted quad follows and covers everything.
        int exact = mixed ? 8 : runEnd == 8 ? Math.Min(runStart, 8) - 2 : 6;

        // Every write below ends before index MaxAddressLength (the longest text), so one check here
        // stands for all of them.
        if (d.Length < MaxAddressLength) throw new ArgumentException("The destination is too short.", nameof(d));
        ref TChar dest = ref MemoryMarshal.GetReference(d);
        ref ulong words = ref MemoryMarshal.GetReference(digits);
        int pos = 0;

        // The groups before the run, ':' between them; then "::" and the groups after the run.
        int headEnd = Math.Min(runStart, hexGroups);
        for (int g = 0; g < headEnd; g++)
        {
            if (g > 0) Unsafe.Add(ref dest, pos++) = TChar.CreateTruncating(':');
            pos += WriteGroup(Unsafe.Add(ref words, g), (int)(digitCounts >> (8 * g)) & 0xF, ref Unsafe.Add(ref dest, pos), exact: g >= exact);
        }
        if (runStart < 8)
        {
            Unsafe.Add(ref dest, pos++) = TChar.CreateTruncating(':');
            Unsafe.Add(ref dest, pos++) = TChar.CreateTruncating(':');
            for (int g = runEnd; g < hexGroups; g++)
            {
                if (g > runEnd) Unsafe.Add(ref dest, pos++) = TChar.CreateTruncating(':');
                pos += WriteGroup(Unsafe.Add(ref words, g), (int)(digitCounts >> (8 * g)) & 0xF, ref Unsafe.Add(ref dest, pos), exact: g >= exact);
            }
        }

        if (mixed)
        {
            if (runEnd != 6) d[pos++] = TChar.CreateTruncating(':');
            pos += IPv4Text.Format((uint)lo, d[pos..]);
        }
        return pos;
    }

#if NET9_0_OR_GREATER
    // Where each character of the uncompressed text "gggg:gggg:...:gggg:" (group g's four digits at
    // 5g to 5g + 3, a ':' at 5g + 4) comes from: digit k of group g is byte 4g + k of the digits;
    // byte 32 is a ':' that is written unless "::" removes it, byte 33 the ':' after the last group,
    // written only as part of a trailing "::"; positions 40-63 are never written.
    private static ReadOnlySpan<byte> Layout =>
    [
         0,  1,  2,  3, 32,  4,  5,  6,  7, 32,  8,  9, 10, 11, 32, 12,
        13, 14, 15, 32, 16, 17, 18, 19, 32, 20, 21, 22, 23, 32, 24, 25,
        26, 27, 32, 28, 29, 30, 31, 33, 34, 34, 34, 34, 34, 34, 34, 34,
        34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34,
    ];

    private static readonly Vector512<byte> s_layout = Vector512.Create(Layout);

    /// <summary>Canonical text (no dotted quad) with AVX-512 VBMI2: all 40 characters of the
    /// uncompressed text are laid out in one register, a mask says which of them the canonical text
    /// keeps (no leading zeros, "::" for the longest zero run), one instruction packs those to the
    /// front, and a masked store writes exactly them. No loop and no branch per group.</summary>
    internal static unsafe int FormatByCompress<TChar>(ulong hi, ulong lo, Span<TChar> d)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // Every store below ends before index MaxAddressLength (the longest text).
        if (d.Length < MaxAddressLength) throw new ArgumentException("The destination is too short.", nameof(d));

        // Which groups are zero, straight from the value, so that finding the run does not wait for
        // the digits: bit g is group g.
        var groups = Vector128.Shuffle(Vector128.Create(lo, hi).AsUInt16(), Vector128.Create((ushort)7, 6, 5, 4, 3, 2, 1, 0));
        int run = ZeroRuns[(byte)Vector128.Equals(groups, Vector128<ushort>.Zero).ExtractMostSignificantBits()];

        // All 32 hex digits, group g in bytes 4g to 4g + 3 (one uint lane), its first digit lowest.
        var bytes = Vector128.Create(BinaryPrimitives.ReverseEndianness(hi), BinaryPrimitives.ReverseEndianness(lo)).AsByte();
        var digits = Vector256.Create(HexCharacters(Vector128.WidenLower(bytes)), HexCharacters(Vector128.WidenUpper(bytes)));

        // A group writes its digits from its first nonzero one on, and always its last digit. Two
        // shifts within each lane carry a nonzero digit's mark to the digits after it.
        var nonzero = (~Vector256.Equals(digits, Vector256.Create((byte)'0'))).AsUInt32();
        var written = nonzero | (nonzero << 8);
        written |= written << 16;
        written |= Vector256.Create(0xFF00_0000u);

        // The uncompressed text, and beside it which of its characters are written: every digit
        // marked above and the ':' after groups 0-6.
        // (ToVector512Unsafe and WithUpper, rather than Vector512.Create of two halves: the JIT builds
        // the latter on a stack slot, and loading that slot can stall on stores made before the call.)
        var text = Avx512Vbmi.PermuteVar64x8(digits.ToVector512Unsafe().WithUpper(Vector256.Create((byte)':')), s_layout);
        var keep = Avx512Vbmi.PermuteVar64x8(written.AsByte().ToVector512Unsafe().WithUpper(Vector256.CreateScalar((byte)0xFF)), s_layout);

        if (run != 0x88)
        {
            // "::": drop the run's groups and the ':' after each, keep the ':' after the run's last
            // group, which with the ':' before the run makes "::"; a run at the start has no ':'
            // before it and keeps the ':' after its second-to-last group instead.
            int start = 5 * (run >> 4), end = 5 * (run & 0xF);
            var index = Vector512<byte>.Indices;
            var inRun = Vector512.GreaterThanOrEqual(index, Vector512.Create((byte)start)) & Vector512.LessThan(index, Vector512.Create((byte)end));
            keep = (keep & ~inRun) | Vector512.Equals(index, Vector512.Create((byte)(end - 1)));
            if (start == 0) keep |= Vector512.Equals(index, Vector512.Create((byte)(end - 6)));
        }

        // Compact the kept characters to the front of the register, then store exactly that many:
        // a masked store writes nothing past the text. (A compressing store straight to memory
        // would do both at once, but some processors run that form very slowly.)
        int length = BitOperations.PopCount(keep.ExtractMostSignificantBits());
        var canonical = Avx512Vbmi2.Compress(Vector512<byte>.Zero, keep, text);
        var position = Vector512<byte>.Indices;
        fixed (TChar* destination = d)
        {
            if (typeof(TChar) == typeof(byte))
            {
                Avx512BW.MaskStore((byte*)destination, Vector512.LessThan(position, Vector512.Create((byte)length)), canonical);
            }
            else
            {
                // UTF-16: characters 0-31, then 32 and later; 16-bit lane i is stored when i < length.
                var lane = Vector512<ushort>.Indices;
                Avx512BW.MaskStore((ushort*)destination, Vector512.LessThan(lane, Vector512.Create((ushort)length)), Vector512.WidenLower(canonical));
                if (length > 32)
                    Avx512BW.MaskStore((ushort*)destination + 32, Vector512.LessThan(lane, Vector512.Create((ushort)(length - 32))), Vector512.WidenUpper(canonical));
            }
        }
        return length;
    }
#endif

    /// <summary>All 32 hex digits, four per group: <paramref name="digits"/>[g] holds group g as four
    /// UTF-16 characters, or (UTF-8) as four bytes in its low half.</summary>
    private static void WriteHexDigits<TChar>(ulong hi, ulong lo, Span<ulong> digits)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // The 16 bytes in network order; each becomes two nibbles, the high one first.
        var bytes = Vector128.Create(BinaryPrimitives.ReverseEndianness(hi), BinaryPrimitives.ReverseEndianness(lo)).AsByte();
        Vector128<byte> first = HexCharacters(Vector128.WidenLower(bytes));  // groups 0-3
        Vector128<byte> second = HexCharacters(Vector128.WidenUpper(bytes)); // groups 4-7
        if (typeof(TChar) == typeof(byte))
        {
            // Four bytes per group, each in the low half of its ulong.
            Vector128.WidenLower(first.AsUInt32()).CopyTo(digits);
            Vector128.WidenUpper(first.AsUInt32()).CopyTo(digits[2..]);
            Vector128.WidenLower(second.AsUInt32()).CopyTo(digits[4..]);
            Vector128.WidenUpper(second.AsUInt32()).CopyTo(digits[6..]);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            // One widening and one store per 16 characters.
            Vector256.WidenLower(first.ToVector256Unsafe()).AsUInt64().CopyTo(digits);
            Vector256.WidenLower(second.ToVector256Unsafe()).AsUInt64().CopyTo(digits[4..]);
        }
        else
        {
            Vector128.WidenLower(first).AsUInt64().CopyTo(digits);
            Vector128.WidenUpper(first).AsUInt64().CopyTo(digits[2..]);
            Vector128.WidenLower(second).AsUInt64().CopyTo(digits[4..]);
            Vector128.WidenUpper(second).AsUInt64().CopyTo(digits[6..]);
        }
    }

    /// <summary>Eight bytes widened to 16-bit lanes become 16 lower-case hex digits in ASCII.</summary>
    private static Vector128<byte> HexCharacters(Vector128<ushort> bytes)
    {
        // Lane b = byte: its high nibble into the lane's first byte, its low nibble into the second.
        Vector128<byte> nibbles = ((bytes >> 4) | ((bytes & Vector128.Create((ushort)0xF)) << 8)).AsByte();
        // '0' + nibble, and 'a' - '0' - 10 more for 10-15.
        return nibbles + Vector128.Create((byte)'0')
            + (Vector128.GreaterThan(nibbles, Vector128.Create((byte)9)) & Vector128.Create((byte)('a' - '0' - 10)));
    }

    /// <summary>Writes the <paramref name="count"/> significant digits of a group, given as four
    /// characters with leading zeros (see WriteHexDigits), and returns <paramref name="count"/>.
    /// Unless <paramref name="exact"/>, it stores four characters at once, the digits first, which
    /// overwrites up to three characters after them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteGroup<TChar>(ulong fourDigits, int count, ref TChar destination, bool exact)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        ref byte d = ref Unsafe.As<TChar, byte>(ref destination);
        if (typeof(TChar) == typeof(byte))
        {
            // The leading zeros shifted out; the first digit is the lowest byte, first in memory.
            uint chars = (uint)fourDigits >> (8 * (4 - count));
            if (!exact || count == 4)
            {
                Unsafe.WriteUnaligned(ref d, chars);
                return count;
            }
            if (count >= 2) Unsafe.WriteUnaligned(ref d, (ushort)chars);
            if ((count & 1) != 0) Unsafe.Add(ref d, count - 1) = (byte)(chars >> (8 * (count - 1)));
        }
        else
        {
            ulong chars = fourDigits >> (16 * (4 - count));
            if (!exact || count == 4)
            {
                Unsafe.WriteUnaligned(ref d, chars);
                return count;
            }
            if (count >= 2) Unsafe.WriteUnaligned(ref d, (uint)chars);
            if ((count & 1) != 0) Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, 2 * (count - 1)), (ushort)(chars >> (16 * (count - 1))));
        }
        return count;
    }

    /// <summary>The same text as <see cref="Format"/>, one digit at a time: for big-endian machines and
    /// machines without vector hardware (a property test checks that both agree).</summary>
    internal static int FormatPortable<TChar>(ulong hi, ulong lo, bool mixed, Span<TChar> d)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        int hexGroups = mixed ? 6 : 8;
        int zeros = 0;
        for (int g = 0; g < 8; g++)
            if (Group(hi, lo, g) == 0) zeros |= 1 << g;
        int run = ZeroRuns[mixed ? zeros & 0x3F : zeros];
        int runStart = run >> 4, runEnd = run & 0xF;

        int pos = 0;
        for (int g = 0; g < hexGroups; g++)
        {
            if (g == runStart)
            {
                d[pos++] = TChar.CreateTruncating(':');
                d[pos++] = TChar.CreateTruncating(':');
                g = runEnd - 1;
                continue;
            }
            if (g > 0 && g != runEnd) d[pos++] = TChar.CreateTruncating(':');
            uint v = Group(hi, lo, g);
            int count = (BitOperations.Log2(v | 1) >> 2) + 1;
            for (int k = count - 1; k >= 0; k--, v >>= 4) d[pos + k] = AsciiText.HexDigit<TChar>((int)v);
            pos += count;
        }

        if (mixed)
        {
            if (runEnd != 6) d[pos++] = TChar.CreateTruncating(':');
            pos += IPv4Text.Format((uint)lo, d[pos..]);
        }
        return pos;
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
