using IsatapPlatform.Addressing.Tests.Support;

namespace IsatapPlatform.Addressing.Tests.Robustness;

/// <summary>Every Try* method that takes values survives arbitrary ones: random bits, out-of-range
/// lengths, the invalid defaults. 100,000 cases (fixed seed). On false the result is the invalid
/// default and an error is named; on true the result is valid and the error is None.</summary>
public sealed class ValueRobustnessTests
{
    /// <summary>Seed of the value robustness run.</summary>
    private const int Seed = 20_261_129;

    [Fact]
    public void Try_methods_on_random_values_return_a_verdict_and_never_throw()
    {
        var knownPrefixes = new Nat64Prefix[3];
        Property.ForAll(Seed, r =>
        {
            var bytes = new byte[r.Next(0, 20)];
            r.NextBytes(bytes);
            bool v6FromBytes = IPv6Address.TryFromBytes(bytes, out var fromBytes);
            Assert.Equal(bytes.Length == 16, v6FromBytes);
            Assert.Equal(v6FromBytes, fromBytes.IsValid);
            bool v4FromBytes = IPv4Address.TryFromBytes(bytes, out var v4Bytes);
            Assert.Equal(bytes.Length == 4, v4FromBytes);
            Assert.Equal(v4FromBytes, v4Bytes.IsValid);

            // System.Net conversions: either family, with a scope id, or null.
            var system = bytes.Length is 4 or 16 && r.Next(4) != 0
                ? (bytes.Length == 16 ? new System.Net.IPAddress(bytes, r.Next(3) == 0 ? r.Next(0, 1000) : 0) : new System.Net.IPAddress(bytes))
                : null;
            Assert.Equal(system is { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 }, IPv6Address.TryFromIPAddress(system, out var fromSystem6));
            Assert.Equal(system is { AddressFamily: System.Net.Sockets.AddressFamily.InterNetwork }, IPv4Address.TryFromIPAddress(system, out var fromSystem4));
            if (fromSystem6.IsValid) Assert.Equal(system, fromSystem6.ToIPAddress());
            if (fromSystem4.IsValid) Assert.Equal(system, fromSystem4.ToIPAddress());

            var v6 = r.Next(16) == 0 ? default : RandomValues.IPv6(r);
            var v4 = r.Next(16) == 0 ? default : RandomValues.IPv4(r);
            int length = r.Next(-3, 141);
            var mode = r.Next(2) == 0 ? PrefixParseMode.Strict : PrefixParseMode.Normalize;

            Verdict(IPv6Prefix.TryCreate(v6, length, mode, out var p6, out var e1), p6.IsValid, e1);
            Verdict(IPv4Prefix.TryCreate(v4, length, mode, out var p4, out var e2), p4.IsValid, e2);
            Verdict(Nat64Prefix.TryCreate(p6, out var nat64, out var e3), nat64.IsValid, e3);

            // A real NAT64 prefix half of the time, otherwise whatever TryCreate gave (often invalid).
            if (r.Next(2) == 0) nat64 = RandomValues.Nat64Prefix(r, RandomValues.Pick(r, RandomValues.Nat64Lengths));
            bool embedded = nat64.TryEmbed(v4, out var embeddedAddress);
            Assert.Equal(nat64.IsValid && v4.IsValid, embedded);
            Assert.Equal(embedded, embeddedAddress.IsValid);
            var candidate = embedded && r.Next(2) == 0 ? embeddedAddress : v6;
            bool extracted = nat64.TryExtract(candidate, out var extractedIPv4, out var e4);
            Verdict(extracted, extractedIPv4.IsValid, e4);
            if (embedded && candidate == embeddedAddress) Assert.Equal(v4, extractedIPv4);
            _ = Nat64Discovery.TryDiscover(v6, out var discovered);
            if (discovered.IsValid) Assert.True(discovered.TryExtract(v6, out var wka, out _) && wka.IsRfc7050WellKnown);
            // Check is not a Try method: it refuses the invalid defaults with ArgumentException.
            if (nat64.IsValid && v4.IsValid) Assert.False(string.IsNullOrEmpty(Nat64Policy.Check(nat64, v4).Describe()));
            else Assert.Throws<ArgumentException>(() => Nat64Policy.Check(nat64, v4));

            Verdict(Addressing.Isatap.TryCreateAddress(p6, v4, out var isatap, out var e5), isatap.IsValid, e5);
            Verdict(Addressing.Isatap.TryCreateSubnet(p6, p4, out var subnet, out var e6), subnet.IsValid, e6);
            bool isIsatap = Addressing.Isatap.TryDecode(v6, out var isatapInfo);
            Assert.Equal(isIsatap, isatapInfo.IPv4.IsValid);

            Verdict(Addressing.SixToFour.TryCreateSitePrefix(v4, out var site, out var e7), site.IsValid, e7);
            Verdict(Addressing.SixToFour.TryCreatePrefix(p4, out var block, out var e8), block.IsValid, e8);
            bool is6to4 = Addressing.SixToFour.TryDecode(v6, out var sixToFourInfo);
            Assert.Equal(is6to4, sixToFourInfo.IPv4.IsValid);

            bool isTeredo = Addressing.Teredo.TryDecode(v6, out var teredo);
            Assert.Equal(isTeredo, teredo.Server.IsValid);
            if (isTeredo && !Addressing.Teredo.IsLegacy(v6)) Assert.Equal(v6.WithZone(null), Addressing.Teredo.Encode(teredo));

            Verdict(DirectAccessPrefixes.TryDerive(v4, out var da, out var e9), da.SixToFour.IsValid, e9);

            _ = v6.TryUnmap(out _);
            _ = IPv4SpecialRegistry.TryFind(v4, out _);
            if (v6.IsValid)
            {
                for (int k = 0; k < knownPrefixes.Length; k++)
                    knownPrefixes[k] = r.Next(3) == 0 ? default : RandomValues.Nat64Prefix(r, RandomValues.Pick(r, RandomValues.Nat64Lengths));
                var inspection = AddressInspector.Inspect(v6, knownPrefixes);
                foreach (var e in inspection.EmbeddedIPv4) Assert.True(e.IPv4.IsValid);
            }
            if (v4.IsValid) _ = AddressInspector.Inspect(v4);
        });
    }

    private static void Verdict(bool ok, bool resultIsValid, AddressError error)
    {
        Assert.Equal(ok, resultIsValid);
        Assert.Equal(ok, error == AddressError.None);
    }
}
