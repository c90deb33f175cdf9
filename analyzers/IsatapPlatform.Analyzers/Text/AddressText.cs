using System;
using System.Globalization;
using System.Text;

namespace IsatapPlatform.Analyzers.Text;

// Why this file exists
// --------------------
// The analyzers run inside the compiler, so they target netstandard2.0 and cannot reference the
// SDK's IsatapPlatform.Addressing library (net8.0/net10.0). To judge a constant the way the SDK
// will judge it at run time, they carry this small copy of its text rules:
//   - IPv4: exactly four decimal octets, one to three ASCII digits each, no leading zero, <= 255
//     (no inet_aton shorthand such as "10.1" or octal "010.0.0.1").
//   - IPv6 (RFC 4291 §2.2): one to four hex digits per group, upper or lower case, at most one
//     "::" which must stand for at least one group, an optional dotted quad as the last 32 bits,
//     and an optional zone ("%eth0", "%12") of ASCII letters, digits, '-', '_' and '.'.
//   - Prefixes: the address, the first '/', then a length of one to three digits without a
//     leading zero, at most 32 or 128. Prefixes never carry a zone.
//   - RFC 5952 canonical text, used by the ISA0003 code fix (IPv4-mapped addresses keep their
//     dotted quad, as IPv6Address.ToString() does).
// The test project checks this file against the real library on 100,000 seeded random and mutated
// inputs (accept/refuse and the 128-bit value), so a change to either side is caught.
// Every method here is total: it returns a value for any string and never throws.

/// <summary>What a piece of text is, judged by the SDK's strict rules.</summary>
internal enum AddressShape
{
    Invalid = 0,
    IPv4Address,
    IPv6Address,
    IPv4Prefix,
    IPv6Prefix,
}

/// <summary>The result of <see cref="AddressText.Classify"/>: the shape, the 128-bit value as
/// written (an IPv4 value sits in the low 32 bits of <see cref="Low"/>), the prefix length and the zone.</summary>
internal readonly struct ParsedText
{
    public ParsedText(AddressShape shape, ulong high, ulong low, int length, string? zone)
    {
        Shape = shape;
        High = high;
        Low = low;
        Length = length;
        Zone = zone;
    }

    public AddressShape Shape { get; }

    public ulong High { get; }

    public ulong Low { get; }

    /// <summary>The prefix length, or -1 for an address.</summary>
    public int Length { get; }

    /// <summary>The zone id without '%', or null.</summary>
    public string? Zone { get; }

    public bool IsValid => Shape != AddressShape.Invalid;

    public bool IsIPv4 => Shape == AddressShape.IPv4Address || Shape == AddressShape.IPv4Prefix;

    public bool IsIPv6 => Shape == AddressShape.IPv6Address || Shape == AddressShape.IPv6Prefix;

    public bool IsPrefix => Shape == AddressShape.IPv4Prefix || Shape == AddressShape.IPv6Prefix;

    /// <summary>The IPv4 value (IPv4 shapes only).</summary>
    public uint IPv4Value => (uint)Low;

    /// <summary>True when a prefix has bits set past its length.</summary>
    public bool HostBitsSet
    {
        get
        {
            if (!IsPrefix) return false;
            if (Shape == AddressShape.IPv4Prefix) return (IPv4Value & ~AddressText.Mask32(Length)) != 0;
            AddressText.Mask128(Length, out ulong mh, out ulong ml);
            return ((High & ~mh) | (Low & ~ml)) != 0;
        }
    }

    /// <summary>The prefix with the bits past its length cleared (what a normalising parser returns).</summary>
    public ParsedText Network()
    {
        if (Shape == AddressShape.IPv4Prefix) return new ParsedText(Shape, 0, IPv4Value & AddressText.Mask32(Length), Length, Zone);
        if (Shape != AddressShape.IPv6Prefix) return this;
        AddressText.Mask128(Length, out ulong mh, out ulong ml);
        return new ParsedText(Shape, High & mh, Low & ml, Length, Zone);
    }

    /// <summary>The canonical prefix text with the bits past the length cleared ("2001:db8::/32").</summary>
    public string CanonicalPrefix()
    {
        if (Shape == AddressShape.IPv4Prefix)
            return AddressText.FormatIPv4(IPv4Value & AddressText.Mask32(Length)) + "/" + Length.ToString(CultureInfo.InvariantCulture);
        AddressText.Mask128(Length, out ulong mh, out ulong ml);
        string zone = Zone is null ? string.Empty : "%" + Zone;
        return AddressText.FormatIPv6(High & mh, Low & ml) + zone + "/" + Length.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>Strict address and prefix text rules of IsatapPlatform.Addressing (see the file comment).</summary>
internal static class AddressText
{
    /// <summary>Classifies <paramref name="s"/> as an IPv4/IPv6 address or prefix, or invalid.
    /// An IPv6 prefix may come back with a zone: the caller decides (the SDK refuses it, System.Net.IPNetwork accepts it).</summary>
    public static ParsedText Classify(string? s)
    {
        try
        {
            return ClassifyCore(s);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            // Not expected (the parsers check every index), but an analyzer must never throw.
            return default;
        }
    }

    private static ParsedText ClassifyCore(string? s)
    {
        if (s is null || s.Length == 0) return default;
        int slash = s.IndexOf('/');
        int end = slash < 0 ? s.Length : slash;

        if (TryParseIPv4(s, 0, end, out uint v4))
        {
            if (slash < 0) return new ParsedText(AddressShape.IPv4Address, 0, v4, -1, null);
            return TryParsePrefixLength(s, slash + 1, s.Length, 32, out int length4)
                ? new ParsedText(AddressShape.IPv4Prefix, 0, v4, length4, null)
                : default;
        }

        if (TryParseIPv6(s, 0, end, out ulong hi, out ulong lo, out int zoneStart))
        {
            string? zone = zoneStart < 0 ? null : s.Substring(zoneStart, end - zoneStart);
            if (slash < 0) return new ParsedText(AddressShape.IPv6Address, hi, lo, -1, zone);
            return TryParsePrefixLength(s, slash + 1, s.Length, 128, out int length6)
                ? new ParsedText(AddressShape.IPv6Prefix, hi, lo, length6, zone)
                : default;
        }
        return default;
    }

    /// <summary>Exactly four decimal octets in [start, end).</summary>
    public static bool TryParseIPv4(string s, int start, int end, out uint value)
    {
        value = 0;
        int i = start;
        for (int octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if (i >= end || s[i] != '.') return false;
                i++;
            }
            int first = i;
            uint n = 0;
            while (i < end && i - first < 3 && IsDigit(s[i]))
            {
                n = n * 10 + (uint)(s[i] - '0');
                i++;
            }
            if (i == first || n > 255) return false;
            if (i - first > 1 && s[first] == '0') return false;
            value = (value << 8) | n;
        }
        return i == end;
    }

    /// <summary>An RFC 4291 §2.2 address in [start, end) with an optional zone; <paramref name="zoneStart"/>
    /// is the index just after '%', or -1.</summary>
    public static bool TryParseIPv6(string s, int start, int end, out ulong hi, out ulong lo, out int zoneStart)
    {
        hi = lo = 0;
        zoneStart = -1;
        if (start >= end) return false;

        int addressEnd = end;
        int pct = s.IndexOf('%', start, end - start);
        if (pct >= 0)
        {
            if (pct == end - 1 || pct == start) return false;
            for (int z = pct + 1; z < end; z++)
                if (!IsZoneChar(s[z])) return false;
            addressEnd = pct;
            zoneStart = pct + 1;
        }

        var groups = new ushort[8];
        int n = 0, ellipsis = -1, i = start;
        if (s[i] == ':')
        {
            if (i + 1 >= addressEnd || s[i + 1] != ':') return false;
            ellipsis = 0;
            i += 2;
        }
        bool sawColon = ellipsis == 0;

        while (i < addressEnd)
        {
            if (n == 8) return false;
            int first = i, value = 0;
            while (i < addressEnd)
            {
                int h = HexValue(s[i]);
                if (h < 0) break;
                if (i - first == 4) return false;
                value = (value << 4) | h;
                i++;
            }

            if (i < addressEnd && s[i] == '.')
            {
                // A dotted quad only as the last 32 bits: after six groups, or after at most five
                // with "::" (which must still stand for at least one group).
                if (!sawColon) return false;
                if (ellipsis < 0 ? n != 6 : n > 5) return false;
                if (!TryParseIPv4(s, first, addressEnd, out uint quad)) return false;
                groups[n++] = (ushort)(quad >> 16);
                groups[n++] = (ushort)quad;
                i = addressEnd;
                break;
            }

            if (i == first) return false;
            groups[n++] = (ushort)value;
            if (i == addressEnd) break;
            if (s[i] != ':') return false;
            sawColon = true;
            i++;
            if (i == addressEnd) return false;
            if (s[i] == ':')
            {
                if (ellipsis >= 0) return false;
                ellipsis = n;
                i++;
            }
        }

        if (!sawColon) return false;
        if (ellipsis >= 0)
        {
            if (n == 8) return false;
            int tail = n - ellipsis;
            for (int k = 0; k < tail; k++) groups[7 - k] = groups[n - 1 - k];
            for (int k = ellipsis; k < 8 - tail; k++) groups[k] = 0;
        }
        else if (n < 8)
        {
            return false;
        }

        hi = ((ulong)groups[0] << 48) | ((ulong)groups[1] << 32) | ((ulong)groups[2] << 16) | groups[3];
        lo = ((ulong)groups[4] << 48) | ((ulong)groups[5] << 32) | ((ulong)groups[6] << 16) | groups[7];
        return true;
    }

    /// <summary>A decimal length 0..max in [start, end): one to three digits, no sign, no leading zero.</summary>
    public static bool TryParsePrefixLength(string s, int start, int end, int max, out int length)
    {
        length = 0;
        int count = end - start;
        if (count <= 0 || count > 3) return false;
        for (int i = start; i < end; i++)
        {
            if (!IsDigit(s[i])) return false;
            if (i == start && s[i] == '0' && count > 1) return false;
            length = length * 10 + (s[i] - '0');
        }
        return length <= max;
    }

    public static uint Mask32(int length) => length <= 0 ? 0u : length >= 32 ? uint.MaxValue : uint.MaxValue << (32 - length);

    public static void Mask128(int length, out ulong high, out ulong low)
    {
        if (length <= 0) { high = 0; low = 0; }
        else if (length < 64) { high = ulong.MaxValue << (64 - length); low = 0; }
        else if (length == 64) { high = ulong.MaxValue; low = 0; }
        else if (length < 128) { high = ulong.MaxValue; low = ulong.MaxValue << (128 - length); }
        else { high = ulong.MaxValue; low = ulong.MaxValue; }
    }

    public static string FormatIPv4(uint value)
        => string.Concat(
            (value >> 24).ToString(CultureInfo.InvariantCulture), ".",
            ((value >> 16) & 0xFF).ToString(CultureInfo.InvariantCulture), ".",
            ((value >> 8) & 0xFF).ToString(CultureInfo.InvariantCulture), ".",
            (value & 0xFF).ToString(CultureInfo.InvariantCulture));

    /// <summary>RFC 5952 canonical text: lower case, no leading zeros, the leftmost longest run of two
    /// or more zero groups as "::"; IPv4-mapped addresses (::ffff:0:0/96) end in a dotted quad (§5).</summary>
    public static string FormatIPv6(ulong hi, ulong lo)
    {
        bool mixed = hi == 0 && (lo >> 32) == 0xFFFF;
        int hexGroups = mixed ? 6 : 8;
        var groups = new ushort[8];
        for (int g = 0; g < 4; g++)
        {
            groups[g] = (ushort)(hi >> (48 - 16 * g));
            groups[g + 4] = (ushort)(lo >> (48 - 16 * g));
        }

        int bestStart = -1, bestLength = 1;
        for (int g = 0; g < hexGroups;)
        {
            int run = 0;
            while (g + run < hexGroups && groups[g + run] == 0) run++;
            if (run > bestLength)
            {
                bestStart = g;
                bestLength = run;
            }
            g += Math.Max(run, 1);
        }

        var sb = new StringBuilder(45);
        for (int g = 0; g < hexGroups; g++)
        {
            if (g == bestStart)
            {
                sb.Append("::");
                g += bestLength - 1;
                continue;
            }
            if (g > 0 && g != bestStart + bestLength) sb.Append(':');
            sb.Append(groups[g].ToString("x", CultureInfo.InvariantCulture));
        }
        if (mixed)
        {
            if (bestStart < 0 || bestStart + bestLength != 6) sb.Append(':');
            sb.Append(FormatIPv4((uint)lo));
        }
        return sb.ToString();
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static int HexValue(char c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    private static bool IsZoneChar(char c)
        => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c == '.';
}
