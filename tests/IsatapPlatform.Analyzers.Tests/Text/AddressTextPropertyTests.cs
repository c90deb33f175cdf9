using System.Globalization;
using System.Text;
using IsatapPlatform.Addressing;
using IsatapPlatform.Analyzers.Text;

namespace IsatapPlatform.Analyzers.Tests.Text;

/// <summary>The analyzers carry their own copy of the SDK's text rules (they cannot reference the
/// net8/net10 library). These tests hold the copy to the real library: on 100,000 seeded inputs,
/// random and mutated, both must accept and refuse the same text and agree on the 128-bit value.</summary>
public class AddressTextPropertyTests
{
    private const int Seed = 20261126;
    private const int Count = 100_000;

    // Characters that matter to the grammar, plus a few that must always be refused.
    private const string Alphabet = "0123456789abcdefABCDEF:.%/-_gxzG \t[]#é１\u0000";

    [Fact]
    public void Agrees_with_the_library_on_100000_random_and_mutated_inputs()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        int accepted = 0;
        for (int i = 0; i < Count && failures.Count < 20; i++)
        {
            string input = NextInput(random);
            accepted += Compare(input, failures) ? 1 : 0;
        }
        Assert.True(failures.Count == 0, "disagreements:\n" + string.Join("\n", failures));
        // The generator must exercise both sides, or the agreement proves little.
        Assert.InRange(accepted, Count / 5, Count * 4 / 5);
    }

    [Theory]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("1::")]
    [InlineData("1:2:3:4:5:6:7:8")]
    [InlineData("1:2:3:4:5:6:7::")]
    [InlineData("::2:3:4:5:6:7:8")]
    [InlineData("1:2:3:4:5:6:7:8::")]
    [InlineData("::ffff:1.2.3.4")]
    [InlineData("1:2:3:4:5:6:1.2.3.4")]
    [InlineData("1:2:3:4:5::1.2.3.4")]
    [InlineData("1:2:3:4:5:6::1.2.3.4")]
    [InlineData("::1.2.3")]
    [InlineData("1.2.3.4")]
    [InlineData("01.2.3.4")]
    [InlineData("fe80::1%eth0")]
    [InlineData("fe80::1%")]
    [InlineData("%eth0")]
    [InlineData("fe80::1%eth 0")]
    [InlineData("2001:db8::/32")]
    [InlineData("2001:db8::1/32")]
    [InlineData("2001:db8::/032")]
    [InlineData("2001:db8::/129")]
    [InlineData("2001:db8::%1/64")]
    [InlineData("10.0.0.0/8")]
    [InlineData("10.0.0.1/8")]
    [InlineData("10.0.0.0/33")]
    [InlineData("64:ff9b::/96")]
    [InlineData("2001:db8:122:344::/64")]
    [InlineData("2001:db8:0:0:ff00::/64")]
    [InlineData("2001:db8::ff:0:0:0/96")]
    [InlineData("12345::")]
    [InlineData(":1::")]
    [InlineData("1:::2")]
    [InlineData("")]
    public void Agrees_with_the_library_on_edge_cases(string input)
    {
        var failures = new List<string>();
        Compare(input, failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Formats_like_the_library_on_random_values()
    {
        var random = new Random(Seed + 1);
        for (int i = 0; i < 20_000; i++)
        {
            ulong hi = RandomGroups(random), lo = RandomGroups(random);
            if (i % 10 == 0) { hi = 0; lo = 0xFFFF_0000_0000UL | (uint)random.Next(); } // IPv4-mapped
            Assert.Equal(IPv6Address.FromUInt64(hi, lo).ToString(), AddressText.FormatIPv6(hi, lo));
        }
    }

    [Fact]
    public void Knows_which_IPv4_addresses_are_global_like_the_library()
    {
        var random = new Random(Seed + 2);
        var values = new List<uint> { 0, uint.MaxValue };
        foreach (var (network, length, _) in AddressFacts.Registry)
        {
            uint size = length == 0 ? uint.MaxValue : (uint)(1UL << (32 - length)) - 1;
            values.AddRange([network, network + size, network - 1, network + size + 1]);
        }
        for (int i = 0; i < 50_000; i++) values.Add((uint)random.NextInt64(0, 1L << 32));
        foreach (uint v in values)
            Assert.True(IPv4Address.FromUInt32(v).IsGlobal == AddressFacts.IsGlobalIPv4(v), $"{IPv4Address.FromUInt32(v)}");
    }

    [Fact]
    public void Never_throws_on_hostile_text()
    {
        var random = new Random(Seed + 3);
        for (int i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 80)];
            for (int k = 0; k < chars.Length; k++) chars[k] = (char)random.Next(0, 0x10000);
            _ = AddressText.Classify(new string(chars));
        }
        _ = AddressText.Classify(new string(':', 100_000));
        _ = AddressText.Classify(null);
    }

    // ---- the comparison ------------------------------------------------------------------------

    /// <summary>Compares every parser the analyzers mirror; returns whether any accepted the input.</summary>
    private static bool Compare(string input, List<string> failures)
    {
        var mine = AddressText.Classify(input);
        bool any = false;

        // IPv4Address
        bool libV4 = IPv4Address.TryParse(input, out var v4);
        bool myV4 = mine.Shape == AddressShape.IPv4Address;
        if (libV4 != myV4 || (libV4 && v4.Value != mine.IPv4Value)) failures.Add($"IPv4Address '{Escape(input)}': library {libV4} {(libV4 ? v4 : "")}, analyzer {mine.Shape}");
        any |= libV4;

        // IPv6Address: value and zone
        bool libV6 = IPv6Address.TryParse(input, out var v6);
        bool myV6 = mine.Shape == AddressShape.IPv6Address;
        if (libV6 != myV6 || (libV6 && (v6.High != mine.High || v6.Low != mine.Low || v6.Zone != mine.Zone)))
            failures.Add($"IPv6Address '{Escape(input)}': library {libV6} {(libV6 ? v6.ToString() + "%" + v6.Zone : "")}, analyzer {mine.Shape} {mine.High:x}:{mine.Low:x}%{mine.Zone}");
        any |= libV6;

        foreach (var mode in new[] { PrefixParseMode.Strict, PrefixParseMode.Normalize })
        {
            bool strict = mode == PrefixParseMode.Strict;

            bool lib4 = IPv4Prefix.TryParse(input.AsSpan(), mode, out var p4, out _);
            bool my4 = mine.Shape == AddressShape.IPv4Prefix && !(strict && mine.HostBitsSet);
            var n4 = mine.Network();
            if (lib4 != my4 || (lib4 && (p4.Address.Value != n4.IPv4Value || p4.Length != n4.Length)))
                failures.Add($"IPv4Prefix {mode} '{Escape(input)}': library {lib4} {(lib4 ? p4 : "")}, analyzer {mine.Shape} {my4}");
            any |= lib4;

            bool lib6 = IPv6Prefix.TryParse(input.AsSpan(), mode, out var p6, out _);
            bool my6 = mine.Shape == AddressShape.IPv6Prefix && mine.Zone is null && !(strict && mine.HostBitsSet);
            var n6 = mine.Network();
            if (lib6 != my6 || (lib6 && (p6.Address.High != n6.High || p6.Address.Low != n6.Low || p6.Length != n6.Length)))
                failures.Add($"IPv6Prefix {mode} '{Escape(input)}': library {lib6} {(lib6 ? p6 : "")}, analyzer {mine.Shape} {my6}");
            if (lib6 && p6.ToString() != n6.CanonicalPrefix())
                failures.Add($"IPv6Prefix text '{Escape(input)}': library {p6}, analyzer {n6.CanonicalPrefix()}");
            any |= lib6;

            // Nat64Prefix: the analyzer reports ISA0001/0002/0003 exactly when the library refuses a valid IPv6 prefix.
            bool libNat = Nat64Prefix.TryParse(input.AsSpan(), mode, out var nat, out _);
            bool myNat = mine.Shape == AddressShape.IPv6Prefix && mine.Zone is null
                && Analysis.AddressChecks.CheckNat64(mine, "x", strict ? Analysis.PrefixMode.Strict : Analysis.PrefixMode.Normalize).IsNone;
            if (libNat != myNat || (libNat && (nat.Prefix.Address.High != n6.High || nat.Prefix.Address.Low != n6.Low)))
                failures.Add($"Nat64Prefix {mode} '{Escape(input)}': library {libNat}, analyzer {myNat}");
        }
        return any;
    }

    // ---- the generator -------------------------------------------------------------------------

    private static string NextInput(Random random)
    {
        string valid = random.Next(8) switch
        {
            0 => RandomIPv4(random),
            1 or 2 => RandomIPv6Text(random),
            3 => RandomIPv6Text(random) + "%" + RandomZone(random),
            4 => RandomIPv4(random) + "/" + RandomLength(random, 32),
            5 or 6 => RandomPrefixText(random),
            _ => RandomJunk(random),
        };
        // Half stay as generated; the rest get one to three mutations.
        int mutations = random.Next(2) == 0 ? 0 : random.Next(1, 4);
        for (int m = 0; m < mutations; m++) valid = Mutate(random, valid);
        return valid;
    }

    private static string RandomPrefixText(Random random)
    {
        int length = random.Next(0, 129);
        if (random.Next(4) == 0) length = new[] { 32, 40, 48, 56, 64, 96 }[random.Next(6)];
        ulong hi = RandomGroups(random), lo = RandomGroups(random);
        // Mostly clean network addresses, so that strict parsing accepts a fair share.
        if (random.Next(3) != 0)
        {
            AddressText.Mask128(length, out ulong mh, out ulong ml);
            hi &= mh;
            lo &= ml;
        }
        if (random.Next(5) == 0) { hi = 0x0064_ff9b_0000_0000UL; lo &= random.Next(2) == 0 ? 0xFF00_0000_0000_0000UL : 0; }
        return FormatVariant(random, hi, lo) + "/" + (random.Next(30) == 0 ? "0" + length : length.ToString(CultureInfo.InvariantCulture));
    }

    private static string RandomIPv6Text(Random random) => FormatVariant(random, RandomGroups(random), RandomGroups(random));

    // The many legal spellings of one value: canonical, full, mixed, upper case, any "::" placement,
    // leading zeros.
    private static string FormatVariant(Random random, ulong hi, ulong lo)
    {
        var groups = new ushort[8];
        for (int g = 0; g < 4; g++)
        {
            groups[g] = (ushort)(hi >> (48 - 16 * g));
            groups[g + 4] = (ushort)(lo >> (48 - 16 * g));
        }
        var address = IPv6Address.FromUInt64(hi, lo);
        switch (random.Next(6))
        {
            case 0: return address.ToString();
            case 1: return address.ToString("F");
            case 2: return address.ToString("M");
            case 3: return address.ToString().ToUpperInvariant();
        }
        bool pad = random.Next(2) == 0;
        var parts = groups.Select(g => pad ? g.ToString("x4", CultureInfo.InvariantCulture) : g.ToString("x", CultureInfo.InvariantCulture)).ToList();
        // Compress a random run of zero groups (valid only if they are all zero; mutations do the rest).
        int start = random.Next(8), run = random.Next(1, 9 - start);
        if (Enumerable.Range(start, run).All(g => groups[g] == 0) || random.Next(10) == 0)
        {
            string head = string.Join(":", parts.Take(start)), tail = string.Join(":", parts.Skip(start + run));
            return head + "::" + tail;
        }
        return string.Join(":", parts);
    }

    private static ulong RandomGroups(Random random)
    {
        ulong v = 0;
        for (int g = 0; g < 4; g++)
        {
            ulong group = random.Next(4) switch
            {
                0 => 0,
                1 => (ulong)random.Next(0, 0x10),
                2 => (ulong)random.Next(0, 0x100),
                _ => (ulong)random.Next(0, 0x10000),
            };
            v = (v << 16) | group;
        }
        return v;
    }

    private static string RandomIPv4(Random random)
        => string.Join(".", Enumerable.Range(0, 4).Select(_ => random.Next(8) == 0 ? random.Next(0, 400) : random.Next(0, 256)));

    private static string RandomLength(Random random, int max) => random.Next(0, max + 4).ToString(CultureInfo.InvariantCulture);

    private static string RandomZone(Random random)
    {
        const string zoneChars = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-_.";
        return new string(Enumerable.Range(0, random.Next(1, 8)).Select(_ => zoneChars[random.Next(zoneChars.Length)]).ToArray());
    }

    private static string RandomJunk(Random random)
        => new(Enumerable.Range(0, random.Next(0, 20)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

    private static string Mutate(Random random, string s)
    {
        var sb = new StringBuilder(s);
        int at = sb.Length == 0 ? 0 : random.Next(sb.Length);
        switch (random.Next(6))
        {
            case 0 when sb.Length > 0: sb.Remove(at, 1); break;
            case 1: sb.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
            case 2 when sb.Length > 0: sb[at] = Alphabet[random.Next(Alphabet.Length)]; break;
            case 3 when sb.Length > 1:
                int len = random.Next(1, Math.Min(6, sb.Length - at + 1));
                sb.Insert(at, sb.ToString(at, Math.Min(len, sb.Length - at)));
                break;
            case 4: sb.Length = at; break;
            default: sb.Insert(at, random.Next(2) == 0 ? "::" : ":"); break;
        }
        return sb.ToString();
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s) sb.Append(c < 32 || c > 126 ? $"\\u{(int)c:x4}" : c.ToString());
        return sb.ToString();
    }
}
