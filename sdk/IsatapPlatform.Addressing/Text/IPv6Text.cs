using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    /// <summary>The fast path of <see cref="TryParse"/>, for valid text: hex groups separated by ':',
    /// at most one "::", an optional dotted quad as the last 32 bits and an optional zone. It returns
    /// false for anything it does not accept, valid or not, and says nothing about why: the full
    /// parser then runs from the start. So it must accept only what the full parser accepts, with
    /// the same value and zone (property tests check both implementations against the full parser).</summary>
    /// <remarks>Texts of 16 to 63 code units (every address with more than a few groups) are
    /// classified 16 code units at a time (<see cref="TryParseVectorized"/>); shorter and longer ones
    /// (a long zone) go through <see cref="TryParseScalar"/>. Neither scans for '%' up front nor
    /// uses a stack buffer for the groups, which the full parser does.</remarks>
    internal static bool TryParseFast<TChar>(ReadOnlySpan<TChar> s, out ulong hi, out ulong lo, out int zoneStart)
        where TChar : unmanaged, IBinaryInteger<TChar>
        => s.Length is >= VectorBlock and <= MaxVectorizedLength && Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian
            ? TryParseVectorized(s, out hi, out lo, out zoneStart)
            : TryParseScalar(s, out hi, out lo, out zoneStart);

    /// <summary>One character at a time: one table load and one branch per hex digit, the groups
    /// shifted straight into two ulongs.</summary>
    internal static bool TryParseScalar<TChar>(ReadOnlySpan<TChar> s, out ulong hi, out ulong lo, out int zoneStart)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        hi = lo = 0;
        zoneStart = -1;
        // The groups read so far, the latest in the low 16 bits of accLo. At "::" they are moved to
        // head and the accumulator restarts, so at the end it holds only the groups after "::".
        ulong accHi = 0, accLo = 0, headHi = 0, headLo = 0;
        // n counts groups (a dotted quad counts as two); ellipsis is the group count before "::".
        int n = 0, ellipsis = -1, i = 0;

        if (s.Length < 2) return false; // the shortest address is "::"
        if (int.CreateTruncating(s[0]) == ':')
        {
            if (int.CreateTruncating(s[1]) != ':') return false;
            ellipsis = 0;
            i = 2;
        }

        // Each pass reads one group and the ':' or "::" after it. A group must follow a single ':';
        // the address may end right after a group or after "::".
        if (i < s.Length && int.CreateTruncating(s[i]) != '%')
        {
            while (true)
            {
                int start = i;
                uint group = 0, h;
                while ((uint)i < (uint)s.Length && (h = AsciiText.HexValueOrAbove15(uint.CreateTruncating(s[i]))) <= 15)
                {
                    group = (group << 4) | h;
                    i++;
                }
                if (i == start || i - start > 4 || n == 8) return false;

                if (i < s.Length && int.CreateTruncating(s[i]) == '.')
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

                if (i == s.Length) break;
                int c = int.CreateTruncating(s[i]);
                if (c == '%') break;
                if (c != ':') return false;
                i++;
                if (i < s.Length && int.CreateTruncating(s[i]) == ':')
                {
                    if (ellipsis >= 0) return false;
                    ellipsis = n;
                    headHi = accHi;
                    headLo = accLo;
                    accHi = accLo = 0;
                    i++;
                    if (i == s.Length || int.CreateTruncating(s[i]) == '%') break;
                }
            }
        }

        // Eight groups, or fewer with "::" standing for at least one zero group.
        if (ellipsis < 0 ? n != 8 : n == 8) return false;

        // The address stopped at something other than the end: only a non-empty, valid zone.
        if (i < s.Length && !TryZone(s, i, out zoneStart)) return false;

        if (ellipsis <= 0)
        {
            // No "::", or "::" first: the accumulator already holds the groups in their places.
            hi = accHi;
            lo = accLo;
        }
        else
        {
            // The head's groups go to the top; "::" fills the 8 - n groups between head and tail.
            (headHi, headLo) = ShiftLeft(headHi, headLo, 16 * (8 - ellipsis));
            hi = headHi | accHi;
            lo = headLo | accLo;
        }
        return true;
    }

    // The vectorized path reads 16 code units at a time; position masks are 64-bit.
    private const int VectorBlock = 16;
    private const int MaxVectorizedLength = 63;

    /// <summary>The fast path for texts of 16 to 63 code units. Pass 1 classifies 16 code units at a
    /// time into two bit masks (hex digit, ':'); pass 2 checks the structure with a few operations
    /// on the masks and converts each group from one 8-byte load. The dotted quad and the zone, when
    /// there are any, are read by scalar code.</summary>
    internal static bool TryParseVectorized<TChar>(ReadOnlySpan<TChar> s, out ulong hi, out ulong lo, out int zoneStart)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        hi = lo = 0;
        zoneStart = -1;
        int length = s.Length;
        if (length is < VectorBlock or > MaxVectorizedLength) return false;

        // ---- pass 1: bit i of hex/colon says what position i holds.
        ulong hex = 0, colon = 0;
        var wide = Vector128<ushort>.Zero;
        for (int block = 0; block < length; block += VectorBlock)
        {
            int at = Math.Min(block, length - VectorBlock); // the last block may overlap the one before
            Vector128<byte> v = LoadBlock(s, at, ref wide);
            Vector128<byte> isColon = Vector128.Equals(v, Vector128.Create((byte)':'));
            Vector128<byte> isDigit = Vector128.LessThan(v - Vector128.Create((byte)'0'), Vector128.Create((byte)10));
            Vector128<byte> isLetter = Vector128.LessThan((v | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)6));
            hex |= (ulong)(isDigit | isLetter).ExtractMostSignificantBits() << at;
            colon |= (ulong)isColon.ExtractMostSignificantBits() << at;
        }
        // A UTF-16 code unit above 0x7F was narrowed to some other byte; no valid text has one.
        if ((wide & Vector128.Create((ushort)0xFF80)) != Vector128<ushort>.Zero) return false;

        // ---- pass 2: the structure. The address is hex digits and colons up to the first other
        // character, which may only start a dotted quad (then it is a '.') or a zone ('%').
        int end = length, quadStart = -1;
        uint quad = 0;
        ulong other = ((1UL << length) - 1) & ~(hex | colon);
        if (other != 0)
        {
            int first = BitOperations.TrailingZeroCount(other);
            if (int.CreateTruncating(s[first]) == '.')
            {
                // The quad starts after the last ':' before the '.'; a missing ':' is another family.
                ulong colonsBefore = colon & ((1UL << first) - 1);
                if (colonsBefore == 0) return false;
                quadStart = 64 - BitOperations.LeadingZeroCount(colonsBefore);
                end = IPv4Text.ParseQuad(s, quadStart, out quad);
                if (end < 0) return false;
            }
            else
            {
                end = first;
            }
            if (end < length && !TryZone(s, end, out zoneStart)) return false;
        }

        // Hex groups and colons, before the quad or the end of the address.
        int groupsEnd = quadStart >= 0 ? quadStart : end;
        ulong inGroups = (1UL << groupsEnd) - 1;
        ulong h = hex & inGroups, c = colon & inGroups;

        // A group is one to four digits: no five digits in a row.
        if ((h & (h >> 1) & (h >> 2) & (h >> 3) & (h >> 4)) != 0) return false;
        // Bit i of pairs: "::" at i. More than one bit is a second "::" or ":::".
        ulong pairs = c & (c >> 1);
        if ((pairs & (pairs - 1)) != 0) return false;
        // Any other ':' separates two groups: a digit on its left, and on its right a digit or, at
        // the end, the dotted quad.
        ulong singles = c & ~pairs & ~(pairs << 1);
        ulong right = quadStart >= 0 ? h | (1UL << groupsEnd) : h;
        if ((singles & ~(h << 1)) != 0 || (singles & ~(right >> 1)) != 0) return false;

        // Eight groups (the quad counts as two), or fewer with "::" standing for at least one.
        ulong starts = h & ~(h << 1), ends = h & ~(h >> 1);
        int groups = BitOperations.PopCount(starts) + (quadStart >= 0 ? 2 : 0);
        if (pairs == 0 ? groups != 8 : groups > 7) return false;

        // The groups before "::" (the head) go to the top, those after it (the tail) to the bottom.
        ulong before = pairs == 0 ? 0 : pairs - 1;
        ReadGroups(s, starts & before, ends & before, out ulong headHi, out ulong headLo);
        ReadGroups(s, starts & ~before, ends & ~before, out ulong tailHi, out ulong tailLo);
        if (quadStart >= 0)
        {
            tailHi = (tailHi << 32) | (tailLo >> 32);
            tailLo = (tailLo << 32) | quad;
        }
        // The head moves up past the 8 - groups zero groups of "::" and the tail.
        (headHi, headLo) = ShiftLeft(headHi, headLo, 16 * (8 - BitOperations.PopCount(starts & before)));
        hi = headHi | tailHi;
        lo = headLo | tailLo;
        return true;
    }

    /// <summary>A 128-bit shift by 0 to 128 bits, written out because UInt128's operators are calls.</summary>
    private static (ulong Hi, ulong Lo) ShiftLeft(ulong hi, ulong lo, int bits)
        => bits >= 64 ? (bits == 128 ? 0 : lo << (bits - 64), 0)
        : bits > 0 ? ((hi << bits) | (lo >> (64 - bits)), lo << bits)
        : (hi, lo);

    /// <summary>16 code units from <paramref name="at"/> as bytes. UTF-16 is narrowed by dropping
    /// the high byte; <paramref name="wide"/> collects the units so the caller can refuse non-ASCII.</summary>
    private static Vector128<byte> LoadBlock<TChar>(ReadOnlySpan<TChar> s, int at, ref Vector128<ushort> wide)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (typeof(TChar) == typeof(byte)) return Vector128.Create(MemoryMarshal.Cast<TChar, byte>(s.Slice(at, VectorBlock)));
        ReadOnlySpan<ushort> units = MemoryMarshal.Cast<TChar, ushort>(s.Slice(at, VectorBlock));
        var first = Vector128.Create(units);
        var second = Vector128.Create(units[8..]);
        wide |= first | second;
        return Vector128.Narrow(first, second);
    }

    /// <summary>Reads the groups whose first and last digits are the bits of <paramref name="starts"/>
    /// and <paramref name="ends"/>, in order, into a 128-bit value (the last group lowest).</summary>
    private static void ReadGroups<TChar>(ReadOnlySpan<TChar> s, ulong starts, ulong ends, out ulong hi, out ulong lo)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // Locals, not the out parameters: the JIT keeps those in memory, putting a store and a load on
        // the loop's critical path.
        ulong accHi = 0, accLo = 0;
        while (starts != 0)
        {
            int first = BitOperations.TrailingZeroCount(starts), last = BitOperations.TrailingZeroCount(ends);
            starts &= starts - 1;
            ends &= ends - 1;
            // The four code units ending at the group's last digit, one per 16-bit lane (lane 3 the last
            // digit), straight from the input: reading back just-written memory would stall the load.
            // A group at the very start has fewer than three units before its end; the lanes that
            // would lie before the text are then shifted in as zeros.
            int from = Math.Max(last - 3, 0);
            ulong lanes = Load4(s, from) << (16 * (from - (last - 3)));
            // Hex digit values: the low nibble, plus 9 for letters (bit 6 set).
            lanes = (lanes & 0x000F_000F_000F_000FUL) + ((lanes >> 6) & 0x0001_0001_0001_0001UL) * 9;
            // Clear the lanes before the group's first digit; then the multiply moves lane k to bits
            // 60 - 4k (lane 3 lowest) and the cross products land below bit 48, without carries.
            lanes &= ulong.MaxValue << (16 * (3 - (last - first)));
            ulong group = (lanes * 0x1000_0100_0010_0001UL) >> 48;
            accHi = (accHi << 16) | (accLo >> 48);
            accLo = (accLo << 16) | group;
        }
        hi = accHi;
        lo = accLo;
    }

    /// <summary>Four code units from <paramref name="at"/>, one per 16-bit lane, the first lowest.</summary>
    private static ulong Load4<TChar>(ReadOnlySpan<TChar> s, int at)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (typeof(TChar) == typeof(char)) return MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(s.Slice(at, 4)));
        // UTF-8: widen the four bytes to 16-bit lanes.
        ulong bytes = MemoryMarshal.Read<uint>(MemoryMarshal.AsBytes(s.Slice(at, 4)));
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

    /// <summary>Which groups are zero, as an 8-bit mask in which bit 7 stands for group 0 and bit 0
    /// for group 7. One vector compare instead of eight scalar tests.</summary>
    private static int ZeroGroups(ulong hi, ulong lo)
        => (int)Vector128.Equals(Vector128.Create(lo, hi).AsUInt16(), Vector128<ushort>.Zero).ExtractMostSignificantBits();

    // For every zero-group mask (see ZeroGroups), the leftmost longest run of two or more zero groups
    // (RFC 5952 §4.2.2, §4.2.3): the first group of the run in the high nibble and the group after
    // it in the low nibble; 0x88 (beyond the last group) when there is no such run.
    private static readonly byte[] s_zeroRuns = BuildZeroRuns();

    private static byte[] BuildZeroRuns()
    {
        var table = new byte[256];
        for (int mask = 0; mask < 256; mask++)
        {
            int bestStart = 8, bestLen = 1;
            for (int g = 0; g < 8;)
            {
                int len = 0;
                while (g + len < 8 && (mask & (0x80 >> (g + len))) != 0) len++;
                if (len > bestLen) { bestStart = g; bestLen = len; }
                g += Math.Max(len, 1);
            }
            table[mask] = (byte)(bestStart == 8 ? 0x88 : (bestStart << 4) | (bestStart + bestLen));
        }
        return table;
    }

    /// <summary>RFC 5952 text. With <paramref name="mixed"/> the last 32 bits are written as a dotted
    /// quad (RFC 5952 §5) and only the first six groups take part in "::" compression.</summary>
    public static int Format<TChar>(ulong hi, ulong lo, bool mixed, Span<TChar> d)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        int hexGroups = mixed ? 6 : 8;
        // With mixed, groups 6 and 7 (bits 1 and 0) are the dotted quad and never part of "::".
        // Without a run, runStart = runEnd = 8: the first loop writes every group.
        int run = s_zeroRuns[ZeroGroups(hi, lo) & (mixed ? 0xFC : 0xFF)];
        int runStart = run >> 4, runEnd = run & 0xF;

        // Groups are written four characters at a time (see WriteGroup), which can write up to three
        // characters past the group's digits; what follows overwrites them. Only the last two groups
        // can be followed by fewer than three characters, so they are written exactly, and nothing
        // lands past the text. With mixed, the dotted quad follows and covers everything.
        int headEnd = Math.Min(runStart, hexGroups);
        int exact = mixed ? 8 : runEnd == 8 ? headEnd - 2 : 6;

        int pos = 0;
        for (int g = 0; g < headEnd; g++)
        {
            if (g > 0) d[pos++] = TChar.CreateTruncating(':');
            pos += WriteGroup(Group(hi, lo, g), d, pos, exact: g >= exact);
        }
        if (runStart < 8)
        {
            d[pos++] = TChar.CreateTruncating(':');
            d[pos++] = TChar.CreateTruncating(':');
            for (int g = runEnd; g < hexGroups; g++)
            {
                if (g > runEnd) d[pos++] = TChar.CreateTruncating(':');
                pos += WriteGroup(Group(hi, lo, g), d, pos, exact: g >= exact);
            }
        }

        if (mixed)
        {
            if (runEnd != 6) d[pos++] = TChar.CreateTruncating(':');
            pos += IPv4Text.Format((uint)lo, d[pos..]);
        }
        return pos;
    }

    /// <summary>Writes a group in lower-case hex without leading zeros at <paramref name="pos"/> and
    /// returns the number of digits. Unless <paramref name="exact"/>, it stores all four characters
    /// at once, the digits first: up to three characters after them are overwritten too, and the
    /// destination must have four characters of room.</summary>
    private static int WriteGroup<TChar>(uint v, Span<TChar> d, int pos, bool exact) where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // One digit per started nibble, at least one: Log2 is a single lzcnt.
        int digits = (BitOperations.Log2(v | 1) >> 2) + 1;
        // The digits in the first lanes, the leading zeros shifted out.
        ulong chars = HexChars(v) >> (16 * (4 - digits));
        if (exact || !BitConverter.IsLittleEndian)
        {
            for (int k = 0; k < digits; k++) d[pos + k] = TChar.CreateTruncating((ushort)(chars >> (16 * k)));
        }
        else if (typeof(TChar) == typeof(char))
        {
            MemoryMarshal.Write(MemoryMarshal.AsBytes(d.Slice(pos, 4)), in chars);
        }
        else
        {
            // UTF-8: the four 16-bit lanes narrowed to bytes.
            chars = (chars | (chars >> 8)) & 0x0000_FFFF_0000_FFFFUL;
            uint bytes = (uint)(chars | (chars >> 16));
            MemoryMarshal.Write(MemoryMarshal.AsBytes(d.Slice(pos, 4)), in bytes);
        }
        return digits;
    }

    /// <summary>The four hex digits of <paramref name="v"/> as ASCII in 16-bit lanes, the most
    /// significant digit in the lowest lane (which comes first in memory).</summary>
    private static ulong HexChars(uint v)
    {
        // Spread the nibbles: v << 20k for k = 0..3 do not overlap, and bits 16j + 12 to 16j + 15 of
        // the product hold nibble 3 - j, so after the shift lane j holds it.
        ulong nibbles = ((v * 0x1000_0100_0010_0001UL) >> 12) & 0x000F_000F_000F_000FUL;
        // Lanes holding 10-15 get 'a' - '0' - 10 more.
        ulong letters = ((nibbles + 0x0006_0006_0006_0006UL) >> 4) & 0x0001_0001_0001_0001UL;
        return nibbles + 0x0030_0030_0030_0030UL + letters * ('a' - '0' - 10);
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
