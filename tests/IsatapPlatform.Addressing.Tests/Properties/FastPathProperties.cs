using System.Text;
using IsatapPlatform.Addressing.Tests.Support;
using IsatapPlatform.Addressing.Text;

namespace IsatapPlatform.Addressing.Tests.Properties;

/// <summary>The parsers' fast paths against the full parsers, and the formatter's direct writes
/// against a destination it must not touch beyond what it reports, 100,000 seeded cases each.
/// The fast paths return no failure, so they must accept exactly the texts the full parser
/// accepts (none it refuses, and every valid one, or the fast path would silently be skipped),
/// with the same value and zone, in UTF-16 and in UTF-8.</summary>
public sealed class FastPathProperties
{
    /// <summary>Seeds of the fast-path properties.</summary>
    private const int ParseSeed = 6_000_001;
    private const int QuadSeed = 6_000_002;
    private const int FormatSeed = 6_000_003;

    private const string ZoneChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";

    [Fact]
    public void The_IPv6_fast_path_accepts_exactly_what_the_full_parser_accepts_with_the_same_value_and_zone()
    {
        int accepted = 0;
        Property.ForAll(ParseSeed, r =>
        {
            string s = NextIPv6Text(r);

            bool ok = Agree(s.AsSpan(), s);
            Agree(Encoding.UTF8.GetBytes(s).AsSpan(), s);

            if (ok) accepted++;
        });

        // Both outcomes must be exercised, or the property says little.
        Assert.InRange(accepted, 20_000, Property.Cases - 20_000);
    }

    [Fact]
    public void Every_code_unit_in_every_position_of_a_group_is_read_as_the_full_parser_reads_it()
    {
        // The fast parser reads a group four code units at a time; this walks every Latin-1 code
        // unit and a few beyond through each position of groups of one to four digits (and the
        // code unit after them), in the first, a middle and the last group, next to "::", before a
        // dotted quad and at the very end.
        string[] templates =
        [
            "abcd:1:2:3:4:5:6:7", "1:2:3:abcd:4:5:6:7", "1:2:3:4:5:6:7:abcd", "1::abcd:2", "abcd::", "::abcd",
            "a:1:2:3:4:5:6:7", "ab:1:2:3:4:5:6:7", "abc:1:2:3:4:5:6:7", "1:2:3:4:5:6:7:ab", "1:2:3:4:5:6:7:abc",
            "1::ab:2", "abc::1", "1:2:3:4:5:ab:1.2.3.4", "::ab:1.2.3.4", "a::", "ab:cd::ef:12",
        ];
        int[] extra = [0x100, 0x130, 0x13A, 0x141, 0x161, 0x1F30, 0xFF10, 0xFF21, 0xFF41, 0xFFFF];
        foreach (string template in templates)
        {
            int at = template.IndexOf('a', StringComparison.Ordinal);
            int digits = 1;
            while (at + digits < template.Length && template[at + digits] is 'b' or 'c' or 'd') digits++;
            for (int k = 0; k <= digits && at + k < template.Length; k++)
            {
                foreach (int c in Enumerable.Range(0, 0x100).Concat(extra))
                {
                    var chars = template.ToCharArray();
                    chars[at + k] = (char)c;
                    string s = new(chars);
                    Agree(s.AsSpan(), s);
                    if (c < 0x100) Agree(Encoding.Latin1.GetBytes(s).AsSpan(), s);
                }
            }
        }
    }

    [Fact]
    public void The_IPv4_fast_path_accepts_exactly_what_the_full_parser_accepts_with_the_same_value()
    {
        Property.ForAll(QuadSeed, r =>
        {
            string s = r.Next(3) switch
            {
                0 => RandomValues.IPv4(r).ToString(),
                1 => HostileInput.Mutate(RandomValues.IPv4(r).ToString(), r),
                _ => HostileInput.NextString(r),
            };

            AgreeQuad(s.AsSpan(), s);
            AgreeQuad(Encoding.UTF8.GetBytes(s).AsSpan(), s);
        });
    }

    [Fact]
    public void Formatting_writes_the_same_text_into_any_destination_and_nothing_beyond_it()
    {
        string[] formats = ["G", "M", "F", "R"];
        var big = new char[160];
        Property.ForAll(FormatSeed, r =>
        {
            var address = RandomValues.IPv6(r);
            if (r.Next(4) == 0) address = address.WithZone(r.Next(2) == 0 ? r.Next(1, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) : "eth0");
            string format = formats[r.Next(formats.Length)];
            Assert.True(address.TryFormat(big, out int n, format));
            string expected = new(big, 0, n);

            // Around the exact length, and around the lengths at which the formatter switches
            // between writing into the destination and into a scratch buffer (45, 39, 72 plus the zone).
            int zone = address.Zone is null ? 0 : address.Zone.Length + 1;
            int[] lengths = [0, n - 1, n, n + 1, n + 3, 38 + zone, 39 + zone, 44 + zone, 45 + zone, 46 + zone, 71, 72, 73, r.Next(0, 100)];
            foreach (int length in lengths)
            {
                if (length < 0) continue;
                CheckFormat(address, format, expected, new char[length]);
                CheckFormat(address, format, expected, new byte[length]);
            }
        });
    }

    [Fact]
    public void The_zero_run_table_holds_the_leftmost_longest_run_of_two_or_more_zero_groups_for_every_mask()
    {
        for (int mask = 0; mask < 256; mask++)
        {
            // RFC 5952 §4.2.2 and §4.2.3, written out group by group.
            int bestStart = -1, bestLength = 0;
            for (int start = 0; start < 8; start++)
            {
                int length = 0;
                while (start + length < 8 && (mask & (1 << (start + length))) != 0) length++;
                if (length >= 2 && length > bestLength) (bestStart, bestLength) = (start, length);
            }
            int expected = bestStart < 0 ? 0x88 : (bestStart << 4) | (bestStart + bestLength);

            Assert.True(expected == IPv6Text.ZeroRuns[mask], $"mask 0x{mask:X2}: table 0x{IPv6Text.ZeroRuns[mask]:X2}, rule 0x{expected:X2}");
        }
    }

    [Fact]
    public void Every_formatter_implementation_writes_what_the_portable_formatter_writes()
    {
        var chars = new char[64];
        var portableChars = new char[64];
        var bytes = new byte[64];
        var portableBytes = new byte[64];
        Property.ForAll(FormatSeed + 1, r =>
        {
            var address = RandomValues.IPv6(r);
            bool mixed = r.Next(2) == 0;

            int m = IPv6Text.FormatPortable(address.High, address.Low, mixed, portableChars.AsSpan());
            string expected = new(portableChars, 0, m);
            m = IPv6Text.FormatPortable(address.High, address.Low, mixed, portableBytes.AsSpan());
            Assert.Equal(expected, Encoding.ASCII.GetString(portableBytes, 0, m));

            // Format picks the fastest implementation the machine has; each one is checked here too,
            // so the ones this machine would not pick are not left untested.
            int n = IPv6Text.Format(address.High, address.Low, mixed, chars.AsSpan());
            Assert.Equal(expected, new string(chars, 0, n));
            n = IPv6Text.Format(address.High, address.Low, mixed, bytes.AsSpan());
            Assert.Equal(expected, Encoding.ASCII.GetString(bytes, 0, n));

            n = IPv6Text.FormatByGroups(address.High, address.Low, mixed, chars.AsSpan());
            Assert.Equal(expected, new string(chars, 0, n));
            n = IPv6Text.FormatByGroups(address.High, address.Low, mixed, bytes.AsSpan());
            Assert.Equal(expected, Encoding.ASCII.GetString(bytes, 0, n));

            if (!mixed && System.Runtime.Intrinsics.X86.Avx512Vbmi2.IsSupported)
            {
                n = IPv6Text.FormatByCompress(address.High, address.Low, chars.AsSpan());
                Assert.Equal(expected, new string(chars, 0, n));
                n = IPv6Text.FormatByCompress(address.High, address.Low, bytes.AsSpan());
                Assert.Equal(expected, Encoding.ASCII.GetString(bytes, 0, n));
            }
        });
    }

    private static bool Agree<TChar>(ReadOnlySpan<TChar> s, string shown)
        where TChar : unmanaged, System.Numerics.IBinaryInteger<TChar>
    {
        bool full = IPv6Text.TryParseAndReport(s, out ulong hi, out ulong lo, out int zone, out _);

        bool fast = IPv6Text.TryParseFast(s, out ulong fastHi, out ulong fastLo, out int fastZone);
        Assert.True(full == fast, $"'{shown}' ({typeof(TChar).Name}): full parser {full}, fast path {fast}");
        if (full) Assert.Equal((hi, lo, zone), (fastHi, fastLo, fastZone));
        return full;
    }

    private static void AgreeQuad<TChar>(ReadOnlySpan<TChar> s, string shown)
        where TChar : unmanaged, System.Numerics.IBinaryInteger<TChar>
    {
        bool full = IPv4Text.TryParseAndReport(s, 0, out uint value, out _);
        bool fast = IPv4Text.ParseQuad(s, 0, out uint fastValue) == s.Length;

        Assert.True(full == fast, $"'{shown}' ({typeof(TChar).Name}): full parser {full}, fast path {fast}");
        if (full) Assert.Equal(value, fastValue);
    }

    private static void CheckFormat<TChar>(IPv6Address address, string format, string expected, TChar[] destination)
        where TChar : unmanaged, System.Numerics.IBinaryInteger<TChar>
    {
        var sentinel = TChar.CreateTruncating(0xEE);
        Array.Fill(destination, sentinel);

        bool ok = typeof(TChar) == typeof(char)
            ? address.TryFormat((char[])(object)destination, out int written, format)
            : address.TryFormat((byte[])(object)destination, out written, format);

        Assert.Equal(destination.Length >= expected.Length, ok);
        if (!ok) written = 0;
        for (int i = 0; i < written; i++) Assert.Equal(TChar.CreateTruncating(expected[i]), destination[i]);
        // A failed call writes nothing; a successful one nothing past the text.
        for (int i = written; i < destination.Length; i++)
            Assert.True(destination[i] == sentinel, $"{address} as '{format}' into {destination.Length} {typeof(TChar).Name}s: position {i} was written");
    }

    /// <summary>Valid spellings (with zones of every length), the same mutated, hostile strings, and
    /// random sequences of the pieces addresses are made of, which reach the structural checks.</summary>
    private static string NextIPv6Text(Random r)
    {
        switch (r.Next(5))
        {
            case 0:
            case 1:
                return WithZone(ReferenceText.RandomSpelling(RandomValues.IPv6(r).Value, r), r);
            case 2:
                return HostileInput.Mutate(WithZone(ReferenceText.RandomSpelling(RandomValues.IPv6(r).Value, r), r), r);
            case 3:
                return HostileInput.NextString(r);
            default:
                return Pieces(r);
        }
    }

    private static string WithZone(string address, Random r)
    {
        if (r.Next(4) != 0) return address;
        var sb = new StringBuilder(address).Append('%');
        int length = r.Next(0, 40);
        for (int i = 0; i < length; i++) sb.Append(ZoneChars[r.Next(ZoneChars.Length)]);
        return sb.ToString();
    }

    private static readonly string[] s_pieces = ["", ":", ":", ":", "::", ":::", ".", "%", "0", "1", "f", "F", "12", "ab", "123", "fff", "1234", "FfFf", "12345", "255", "256", "01", "1.2.3.4", "10.1.2.3", "5efe", "x", "g"];

    private static string Pieces(Random r)
    {
        var sb = new StringBuilder();
        int count = r.Next(1, 20);
        for (int i = 0; i < count; i++) sb.Append(s_pieces[r.Next(s_pieces.Length)]);
        return sb.ToString();
    }
}
