using System.Net;
using System.Text;
using IsatapPlatform.Addressing.Tests.Support;

namespace IsatapPlatform.Addressing.Tests.Robustness;

/// <summary>Every text entry point survives hostile input: 100,000 random strings and 100,000 random
/// byte arrays (fixed seeds). A Try* method returns true or false and never throws; on false it says
/// why and at a position inside the input; on true the value is real (it round-trips, and
/// System.Net.IPAddress, which is more lenient, reads the same bits). Parse throws only
/// <see cref="AddressFormatException"/>, carrying the same failure TryParse reported.</summary>
public sealed class TextRobustnessTests
{
    /// <summary>Seeds of the robustness runs.</summary>
    private const int StringSeed = 20_261_126;
    private const int ParseSeed = 20_261_127;
    private const int ByteSeed = 20_261_128;

    private static readonly PrefixParseMode[] s_modes = [PrefixParseMode.Strict, PrefixParseMode.Normalize];

    [Fact]
    public void Try_methods_on_random_strings_return_a_verdict_and_never_throw()
    {
        int accepted = 0, refused = 0;
        Property.ForAll(StringSeed, r =>
        {
            string s = HostileInput.NextString(r);
            bool ascii = Ascii.IsValid(s);
            byte[] utf8 = Encoding.UTF8.GetBytes(s);

            // IPv6Address through every overload and the generic interfaces.
            bool v6 = IPv6Address.TryParse(s.AsSpan(), out var a6, out var f6);
            CheckVerdict(v6, a6.IsValid, f6, s.Length);
            Assert.Equal(v6, IPv6Address.TryParse(s, out var b6) && b6 == a6);
            Assert.Equal(v6, IPv6Address.TryParse(s.AsSpan(), out var c6) && c6 == a6);
            Assert.Equal(v6, TryParseSpan<IPv6Address>(s, out var d6) && d6 == a6);
            Assert.Equal(v6, TryParseString<IPv6Address>(s, out var e6) && e6 == a6);
            bool u6 = IPv6Address.TryParse(utf8, out var g6, out var uf6);
            CheckVerdict(u6, g6.IsValid, uf6, utf8.Length);
            Assert.Equal(v6, u6);
            Assert.Equal(v6, TryParseUtf8<IPv6Address>(utf8, out var h6) && h6 == a6);
            if (ascii) Assert.Equal(f6, uf6);
            if (v6)
            {
                Assert.Equal(a6, g6);
                Assert.Equal(a6, IPv6Address.Parse(a6.ToString()));
                Assert.Equal(a6.WithZone(null), FromSystem6(s));
            }

            // IPv4Address.
            bool v4 = IPv4Address.TryParse(s.AsSpan(), out var a4, out var f4);
            CheckVerdict(v4, a4.IsValid, f4, s.Length);
            Assert.Equal(v4, IPv4Address.TryParse(s, out var b4) && b4 == a4);
            Assert.Equal(v4, IPv4Address.TryParse(s.AsSpan(), out var c4) && c4 == a4);
            Assert.Equal(v4, TryParseSpan<IPv4Address>(s, out var d4) && d4 == a4);
            Assert.Equal(v4, TryParseString<IPv4Address>(s, out var e4) && e4 == a4);
            bool u4 = IPv4Address.TryParse(utf8, out var g4, out var uf4);
            CheckVerdict(u4, g4.IsValid, uf4, utf8.Length);
            Assert.Equal(v4, u4);
            Assert.Equal(v4, TryParseUtf8<IPv4Address>(utf8, out var h4) && h4 == a4);
            if (ascii) Assert.Equal(f4, uf4);
            if (v4)
            {
                Assert.Equal(s, a4.ToString());
                Assert.True(IPAddress.TryParse(s, out var system) && system.ToString() == s);
            }

            // Prefixes, in both modes.
            foreach (var mode in s_modes)
            {
                bool p6 = IPv6Prefix.TryParse(s.AsSpan(), mode, out var ap6, out var fp6);
                CheckVerdict(p6, ap6.IsValid, fp6, s.Length);
                bool up6 = IPv6Prefix.TryParse(utf8, mode, out var bp6, out var ufp6);
                Assert.Equal(p6, up6 && bp6 == ap6);
                if (ascii) Assert.Equal(fp6, ufp6);
                if (p6) Assert.Equal(ap6, IPv6Prefix.Parse(ap6.ToString()));

                bool p4 = IPv4Prefix.TryParse(s.AsSpan(), mode, out var ap4, out var fp4);
                CheckVerdict(p4, ap4.IsValid, fp4, s.Length);
                bool up4 = IPv4Prefix.TryParse(utf8, mode, out var bp4, out var ufp4);
                Assert.Equal(p4, up4 && bp4 == ap4);
                if (ascii) Assert.Equal(fp4, ufp4);
                if (p4) Assert.Equal(ap4, IPv4Prefix.Parse(ap4.ToString()));

                bool n = Nat64Prefix.TryParse(s.AsSpan(), mode, out var an, out var fn);
                CheckVerdict(n, an.IsValid, fn, s.Length);
                if (n)
                {
                    // A NAT64 prefix is an IPv6 prefix (parsed in the same mode) that RFC 6052 admits.
                    Assert.True(p6);
                    Assert.Equal(ap6, an.Prefix);
                    Assert.True(Nat64Prefix.IsAllowedLength(an.Length));
                    Assert.Equal(0UL, (an.Prefix.Address.Low >> 56) & 0xFF);
                }
            }
            // The overloads without a failure and the generic interfaces parse strictly.
            bool strict6 = IPv6Prefix.TryParse(s.AsSpan(), PrefixParseMode.Strict, out _, out _);
            Assert.Equal(strict6, IPv6Prefix.TryParse(s, out _));
            Assert.Equal(strict6, IPv6Prefix.TryParse(s.AsSpan(), out _));
            Assert.Equal(strict6, TryParseSpan<IPv6Prefix>(s, out _));
            Assert.Equal(strict6, TryParseString<IPv6Prefix>(s, out _));
            Assert.Equal(strict6, TryParseUtf8<IPv6Prefix>(utf8, out _));
            bool strict4 = IPv4Prefix.TryParse(s.AsSpan(), PrefixParseMode.Strict, out _, out _);
            Assert.Equal(strict4, IPv4Prefix.TryParse(s, out _));
            Assert.Equal(strict4, IPv4Prefix.TryParse(s.AsSpan(), out _));
            Assert.Equal(strict4, TryParseSpan<IPv4Prefix>(s, out _));
            Assert.Equal(strict4, TryParseString<IPv4Prefix>(s, out _));
            Assert.Equal(strict4, TryParseUtf8<IPv4Prefix>(utf8, out _));
            bool strictNat64 = Nat64Prefix.TryParse(s.AsSpan(), PrefixParseMode.Strict, out _, out _);
            Assert.Equal(strictNat64, Nat64Prefix.TryParse(s, out _));
            Assert.Equal(strictNat64, Nat64Prefix.TryParse(s.AsSpan(), out _));
            Assert.Equal(strictNat64, TryParseSpan<Nat64Prefix>(s, out _));
            Assert.Equal(strictNat64, TryParseString<Nat64Prefix>(s, out _));

            // The inspector parses either family.
            bool inspected = AddressInspector.TryInspect(s, out var inspection, out var fi);
            CheckVerdict(inspected, inspected, fi, s.Length);
            Assert.Equal(v6 || v4, inspected);
            if (inspected) Assert.Equal(v6 ? IPFamily.IPv6 : IPFamily.IPv4, inspection.Family);

            if (v6 || v4) accepted++;
            else refused++;
        });

        // The generator must reach both sides, or the property says nothing.
        Assert.InRange(accepted, 1_000, Property.Cases - 1_000);
    }

    [Fact]
    public void Parse_methods_on_random_strings_throw_nothing_but_AddressFormatException()
    {
        Property.ForAll(ParseSeed, r =>
        {
            string s = HostileInput.NextString(r);
            byte[] utf8 = Encoding.UTF8.GetBytes(s);

            IPv6Address.TryParse(s, out _, out var f6);
            ExpectFailureOrSuccess(f6, () => IPv6Address.Parse(s));
            ExpectFailureOrSuccess(f6, () => IPv6Address.Parse(s.AsSpan()));
            IPv6Address.TryParse(utf8, out _, out var uf6);
            ExpectFailureOrSuccess(uf6, () => ParseUtf8<IPv6Address>(utf8));

            IPv4Address.TryParse(s, out _, out var f4);
            ExpectFailureOrSuccess(f4, () => IPv4Address.Parse(s));
            ExpectFailureOrSuccess(f4, () => IPv4Address.Parse(s.AsSpan()));
            IPv4Address.TryParse(utf8, out _, out var uf4);
            ExpectFailureOrSuccess(uf4, () => ParseUtf8<IPv4Address>(utf8));

            IPv6Prefix.TryParse(s, PrefixParseMode.Strict, out _, out var fp6);
            ExpectFailureOrSuccess(fp6, () => IPv6Prefix.Parse(s));
            IPv6Prefix.TryParse(utf8, PrefixParseMode.Strict, out _, out var ufp6);
            ExpectFailureOrSuccess(ufp6, () => ParseUtf8<IPv6Prefix>(utf8));

            IPv4Prefix.TryParse(s, PrefixParseMode.Strict, out _, out var fp4);
            ExpectFailureOrSuccess(fp4, () => IPv4Prefix.Parse(s));
            IPv4Prefix.TryParse(utf8, PrefixParseMode.Strict, out _, out var ufp4);
            ExpectFailureOrSuccess(ufp4, () => ParseUtf8<IPv4Prefix>(utf8));

            Nat64Prefix.TryParse(s, PrefixParseMode.Strict, out _, out var fn);
            ExpectFailureOrSuccess(fn, () => Nat64Prefix.Parse(s));
            ExpectFailureOrSuccess(fn, () => Nat64Prefix.Parse(s.AsSpan()));
        });
    }

    [Fact]
    public void Try_methods_on_random_bytes_return_a_verdict_and_never_throw()
    {
        Property.ForAll(ByteSeed, r =>
        {
            byte[] bytes = HostileInput.NextBytes(r);
            bool ascii = Ascii.IsValid(bytes);
            string latin1 = Encoding.Latin1.GetString(bytes);

            bool v6 = IPv6Address.TryParse(bytes, out var a6, out var f6);
            CheckVerdict(v6, a6.IsValid, f6, bytes.Length);
            Assert.Equal(v6, TryParseUtf8<IPv6Address>(bytes, out var b6) && b6 == a6);
            if (ascii) Assert.Equal(IPv6Address.TryParse(latin1.AsSpan(), out _, out var c6) ? default : c6, f6);
            if (v6) Assert.Equal(a6, IPv6Address.Parse(a6.ToString()));

            bool v4 = IPv4Address.TryParse(bytes, out var a4, out var f4);
            CheckVerdict(v4, a4.IsValid, f4, bytes.Length);
            Assert.Equal(v4, TryParseUtf8<IPv4Address>(bytes, out var b4) && b4 == a4);
            if (ascii) Assert.Equal(IPv4Address.TryParse(latin1.AsSpan(), out _, out var c4) ? default : c4, f4);
            if (v4) Assert.Equal(a4, IPv4Address.Parse(a4.ToString()));

            foreach (var mode in s_modes)
            {
                bool p6 = IPv6Prefix.TryParse(bytes, mode, out var ap6, out var fp6);
                CheckVerdict(p6, ap6.IsValid, fp6, bytes.Length);
                bool p4 = IPv4Prefix.TryParse(bytes, mode, out var ap4, out var fp4);
                CheckVerdict(p4, ap4.IsValid, fp4, bytes.Length);
            }
            Assert.Equal(IPv6Prefix.TryParse(bytes, PrefixParseMode.Strict, out _, out _), TryParseUtf8<IPv6Prefix>(bytes, out _));
            Assert.Equal(IPv4Prefix.TryParse(bytes, PrefixParseMode.Strict, out _, out _), TryParseUtf8<IPv4Prefix>(bytes, out _));

            ExpectFailureOrSuccess(f6, () => ParseUtf8<IPv6Address>(bytes));
            ExpectFailureOrSuccess(f4, () => ParseUtf8<IPv4Address>(bytes));
        });
    }

    /// <summary>true: a valid value and no failure; false: an invalid value, a reason, and a position
    /// inside the input (the end counts: "1.2.3" stops there).</summary>
    private static void CheckVerdict(bool ok, bool valueIsValid, ParseFailure failure, int length)
    {
        Assert.Equal(ok, valueIsValid);
        if (ok)
        {
            Assert.Equal(default, failure);
            return;
        }
        Assert.NotEqual(AddressError.None, failure.Error);
        Assert.InRange(failure.Position, 0, length);
    }

    private static void ExpectFailureOrSuccess<T>(ParseFailure failure, Func<T> parse)
    {
        try
        {
            parse();
            Assert.Equal(default, failure);
        }
        catch (Exception e)
        {
            Assert.IsType<AddressFormatException>(e, exactMatch: true);
            Assert.Equal(failure, ((AddressFormatException)e).Failure);
        }
    }

    private static IPv6Address FromSystem6(string s)
    {
        // System.Net resolves zone names against real interfaces, so compare the bits without the zone.
        int pct = s.IndexOf('%');
        Assert.True(IPAddress.TryParse(pct < 0 ? s : s[..pct], out var system), $"System.Net refuses '{s}'");
        Assert.True(IPv6Address.TryFromIPAddress(system, out var converted));
        return converted.WithZone(null);
    }

    private static bool TryParseSpan<T>(string s, out T result) where T : ISpanParsable<T> => T.TryParse(s.AsSpan(), null, out result!);

    private static bool TryParseString<T>(string s, out T result) where T : IParsable<T> => T.TryParse(s, null, out result!);

    private static bool TryParseUtf8<T>(byte[] s, out T result) where T : IUtf8SpanParsable<T> => T.TryParse(s, null, out result!);

    private static T ParseUtf8<T>(byte[] s) where T : IUtf8SpanParsable<T> => T.Parse(s, null);
}
