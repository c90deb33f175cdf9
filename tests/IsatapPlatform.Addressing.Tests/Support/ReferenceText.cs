using System.Globalization;
using System.Text;

namespace IsatapPlatform.Addressing.Tests.Support;

/// <summary>An independent, deliberately naive implementation of IPv6 text, written from the RFCs
/// and not from the library: strings and lists, no bit tricks.</summary>
public static class ReferenceText
{
    public static ushort[] Groups(UInt128 value)
    {
        var groups = new ushort[8];
        for (int g = 0; g < 8; g++) groups[g] = (ushort)(value >> (112 - 16 * g));
        return groups;
    }

    /// <summary>RFC 5952 §4: no leading zeros (§4.1), "::" replaces the longest run of two or more zero
    /// groups (§4.2.1, §4.2.2), the leftmost on a tie (§4.2.3), lower case (§4.3). IPv4-mapped
    /// addresses keep the dotted quad (§5).</summary>
    public static string Canonical(UInt128 value)
    {
        var groups = Groups(value);
        bool mapped = groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0 && groups[5] == 0xFFFF;
        if (mapped)
            return "::ffff:" + DottedQuad((uint)value);

        int bestStart = -1, bestLength = 0;
        for (int start = 0; start < 8; start++)
        {
            int length = 0;
            while (start + length < 8 && groups[start + length] == 0) length++;
            if (length >= 2 && length > bestLength)
            {
                bestStart = start;
                bestLength = length;
            }
        }

        var hex = groups.Select(g => g.ToString("x", CultureInfo.InvariantCulture)).ToList();
        if (bestStart < 0) return string.Join(":", hex);
        string left = string.Join(":", hex.Take(bestStart));
        string right = string.Join(":", hex.Skip(bestStart + bestLength));
        return left + "::" + right;
    }

    public static string DottedQuad(uint v)
        => string.Join(".", new[] { v >> 24, (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF }.Select(o => o.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A random RFC 4291 §2.2 spelling of <paramref name="value"/>: random case, random
    /// leading zeros, "::" over any zero run (even a single group) or none, and sometimes the last
    /// 32 bits as a dotted quad.</summary>
    public static string RandomSpelling(UInt128 value, Random r)
    {
        var groups = Groups(value);
        bool dotted = r.Next(4) == 0;
        int hexGroups = dotted ? 6 : 8;

        // Choose a zero run to compress, if any.
        var runs = new List<(int Start, int Length)>();
        for (int start = 0; start < hexGroups; start++)
        {
            if (groups[start] != 0) continue;
            for (int end = start; end < hexGroups && groups[end] == 0; end++) runs.Add((start, end - start + 1));
        }
        (int Start, int Length) compress = runs.Count > 0 && r.Next(3) != 0 ? runs[r.Next(runs.Count)] : (-1, 0);

        var parts = new List<string>();
        var sb = new StringBuilder();
        for (int g = 0; g < hexGroups; g++)
        {
            if (g == compress.Start)
            {
                parts.Add("");
                g += compress.Length - 1;
                continue;
            }
            parts.Add(HexGroup(groups[g], r));
        }
        if (dotted) parts.Add(DottedQuad((uint)value));

        for (int i = 0; i < parts.Count; i++)
        {
            if (i > 0) sb.Append(':');
            if (parts[i].Length == 0)
            {
                // The compressed run: "::" in total, including the separators around it.
                if (i == 0) sb.Append(':');
                if (i == parts.Count - 1) sb.Append(':');
                continue;
            }
            sb.Append(parts[i]);
        }
        return sb.ToString();
    }

    private static string HexGroup(ushort value, Random r)
    {
        string digits = value.ToString("x", CultureInfo.InvariantCulture);
        digits = new string('0', r.Next(4 - digits.Length + 1)) + digits;
        var chars = digits.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (r.Next(2) == 0) chars[i] = char.ToUpperInvariant(chars[i]);
        return new string(chars);
    }
}
