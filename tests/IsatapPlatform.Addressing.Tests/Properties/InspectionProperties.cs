using IsatapPlatform.Addressing.Tests.Support;

namespace IsatapPlatform.Addressing.Tests.Properties;

/// <summary>AddressInspection computes its decoded fields on access. Over 100,000 seeded addresses
/// (random ones and ones built under every transition prefix), each field must equal what the public
/// decoders give for the address, as the inspector computed them eagerly before, and the text path
/// (TryInspect) must give the same inspection as inspecting the parsed value.</summary>
public sealed class InspectionProperties
{
    private const int Seed = 6_000_010;

    [Fact]
    public void Every_decoded_field_equals_what_the_decoders_give_for_the_address()
    {
        Property.ForAll(Seed, r =>
        {
            var (address, under) = NextAddress(r);
            if (r.Next(8) == 0) address = address.WithZone("eth" + r.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var known = NextKnownPrefixes(r, under);

            var inspection = AddressInspector.Inspect(address, known);

            Assert.Equal(IPFamily.IPv6, inspection.Family);
            Assert.Equal(address, inspection.IPv6);
            Assert.False(inspection.IPv4.IsValid);
            CheckFields(address, known, inspection);

            // The text path: same inspection from the canonical text (with its zone).
            Assert.True(AddressInspector.TryInspect(address.ToString(), out var fromText, out var failure, known), failure.Message);
            Assert.Equal(address, fromText.IPv6);
            Assert.Equal(inspection.Kinds, fromText.Kinds);
            CheckFields(address, known, fromText);
        });
    }

    [Fact]
    public void An_IPv4_inspection_has_no_IPv6_fields()
    {
        Property.ForAll(Seed + 1, r =>
        {
            var v4 = RandomValues.IPv4(r);

            Assert.True(AddressInspector.TryInspect(v4.ToString(), out var inspection, out _));

            Assert.Equal(IPFamily.IPv4, inspection.Family);
            Assert.Equal(v4, inspection.IPv4);
            Assert.False(inspection.IPv6.IsValid);
            Assert.Null(inspection.Teredo);
            Assert.Null(inspection.Isatap);
            Assert.Null(inspection.SixToFour);
            Assert.Null(inspection.Nat64);
            Assert.Null(inspection.MappedIPv4);
            Assert.False(inspection.EmbeddedIPv4.MoveNext());
        }, cases: Property.Cases / 10);
    }

    private static void CheckFields(IPv6Address address, Nat64Prefix[] known, AddressInspection inspection)
    {
        ulong hi = address.High, lo = address.Low;
        TeredoAddress? teredo = Addressing.Teredo.TryDecode(address, out var t) ? t : null;
        SixToFourInfo? sixToFour = Addressing.SixToFour.TryDecode(address, out var s) ? s : null;
        // Multicast and the ::/96 forms carry no interface identifier.
        bool noInterfaceId = address.IsMulticast || (hi == 0 && ((lo >> 32) == 0 || (lo >> 32) == 0xFFFF));
        IsatapInfo? isatap = !noInterfaceId && Addressing.Isatap.TryDecode(address, out var i) ? i : null;
        IPv4Address? mapped = address.TryUnmap(out var m) ? m : null;
        Nat64Info? nat64 = null;
        if (Nat64Prefix.WellKnown.Prefix.Contains(address))
        {
            nat64 = new Nat64Info(Nat64Prefix.WellKnown, IPv4Address.FromUInt32((uint)lo));
        }
        else
        {
            foreach (var p in known)
            {
                if (p.IsValid && p.TryExtract(address, out var v4, out _))
                {
                    nat64 = new Nat64Info(p, v4);
                    break;
                }
            }
        }

        Assert.Equal(ReferenceKinds(address, nat64), inspection.Kinds);
        Assert.Equal(teredo, inspection.Teredo);
        Assert.Equal(sixToFour, inspection.SixToFour);
        Assert.Equal(isatap, inspection.Isatap);
        Assert.Equal(mapped, inspection.MappedIPv4);
        Assert.Equal(nat64, inspection.Nat64);

        Assert.Equal(teredo is not null, inspection.Is(AddressKinds.Teredo));
        Assert.Equal(sixToFour is not null, inspection.Is(AddressKinds.SixToFour));
        Assert.Equal(isatap is not null, inspection.Is(AddressKinds.Isatap));
        Assert.Equal(mapped is not null, inspection.Is(AddressKinds.IPv4Mapped));
        Assert.Equal(nat64 is not null && nat64.Value.Prefix == Nat64Prefix.WellKnown, inspection.Is(AddressKinds.Nat64WellKnown));
        Assert.Equal(nat64 is not null && nat64.Value.Prefix != Nat64Prefix.WellKnown, inspection.Is(AddressKinds.Nat64NetworkSpecific));

        var expected = new List<EmbeddedIPv4>();
        if (mapped is { } mv) expected.Add(new(EmbeddedIPv4Role.IPv4Mapped, mv));
        if (sixToFour is { } sv) expected.Add(new(EmbeddedIPv4Role.SixToFour, sv.IPv4));
        if (teredo is { } tv)
        {
            expected.Add(new(EmbeddedIPv4Role.TeredoServer, tv.Server));
            expected.Add(new(EmbeddedIPv4Role.TeredoClient, tv.Client));
        }
        if (isatap is { } iv) expected.Add(new(EmbeddedIPv4Role.Isatap, iv.IPv4));
        if (nat64 is { } nv) expected.Add(new(EmbeddedIPv4Role.Nat64, nv.IPv4));
        var actual = new List<EmbeddedIPv4>();
        foreach (var e in inspection.EmbeddedIPv4) actual.Add(e);
        Assert.Equal(expected, actual);
    }

    /// <summary>The kinds as the inspector used to compute them, one test after the other, from the
    /// address's public properties and the decoders.</summary>
    private static AddressKinds ReferenceKinds(IPv6Address address, Nat64Info? nat64)
    {
        ulong hi = address.High, lo = address.Low;
        var kinds = AddressKinds.None;
        if (hi == 0 && (lo >> 32) == 0) kinds |= lo == 0 ? AddressKinds.Unspecified : lo == 1 ? AddressKinds.Loopback : AddressKinds.IPv4Compatible;
        if (address.IsIPv4Mapped) kinds |= AddressKinds.IPv4Mapped;
        if (address.IsLinkLocal) kinds |= AddressKinds.LinkLocal;
        if ((hi >> 54) == 0x3FB) kinds |= AddressKinds.SiteLocal;
        if (address.IsUniqueLocal) kinds |= AddressKinds.UniqueLocal;
        if (address.IsMulticast) kinds |= AddressKinds.Multicast;
        bool documentation = IPv6Prefix.Parse("2001:db8::/32").Contains(address) || IPv6Prefix.Parse("3fff::/20").Contains(address);
        if (documentation) kinds |= AddressKinds.Documentation;
        else if (IPv6Prefix.Parse("2000::/3").Contains(address)) kinds |= AddressKinds.GlobalUnicast;
        if (Addressing.SixToFour.TryDecode(address, out _)) kinds |= AddressKinds.SixToFour;
        if (Addressing.Teredo.TryDecode(address, out _)) kinds |= AddressKinds.Teredo;
        bool noInterfaceId = address.IsMulticast || (hi == 0 && ((lo >> 32) == 0 || (lo >> 32) == 0xFFFF));
        if (!noInterfaceId && Addressing.Isatap.TryDecode(address, out _)) kinds |= AddressKinds.Isatap;
        if (Nat64Prefix.WellKnown.Prefix.Contains(address)) kinds |= AddressKinds.Nat64WellKnown;
        else if (Nat64Prefix.LocalUse.Prefix.Contains(address)) kinds |= AddressKinds.Nat64LocalUse;
        if (nat64 is { } n && n.Prefix != Nat64Prefix.WellKnown) kinds |= AddressKinds.Nat64NetworkSpecific;
        return kinds;
    }

    /// <summary>Random addresses and addresses under every prefix the inspector decodes; for an
    /// address built under a network-specific NAT64 prefix, that prefix too.</summary>
    private static (IPv6Address Address, Nat64Prefix Under) NextAddress(Random r) => r.Next(10) == 6
        ? UnderNetworkSpecificPrefix(r)
        : (NextPlainAddress(r), default);

    private static (IPv6Address, Nat64Prefix) UnderNetworkSpecificPrefix(Random r)
    {
        var prefix = RandomValues.Nat64Prefix(r, RandomValues.Pick(r, RandomValues.Nat64Lengths));
        return (prefix.Embed(RandomValues.IPv4(r)), prefix);
    }

    private static IPv6Address NextPlainAddress(Random r)
    {
        ulong rand = RandomValues.UInt64(r);
        uint v4 = RandomValues.IPv4(r).Value;
        switch (r.Next(10))
        {
            case 0: // Teredo, sometimes under the legacy prefix
                var teredo = Addressing.Teredo.Encode(new TeredoAddress(IPv4Address.FromUInt32(v4), (ushort)r.Next(0x10000), (ushort)r.Next(0x10000), RandomValues.IPv4(r)));
                return r.Next(4) == 0 ? IPv6Address.FromUInt64((0x3FFE_831FUL << 32) | (uint)teredo.High, teredo.Low) : teredo;
            case 1: // ISATAP interface identifier, any u/g bits, under any prefix (multicast and ::/96 included)
                ulong prefix = r.Next(4) switch { 0 => 0, 1 => 0xFF02UL << 48, 2 => 0xFE80UL << 48, _ => rand };
                return IPv6Address.FromUInt64(prefix, ((ulong)r.Next(4) << 56) | (0x5EFEUL << 32) | v4);
            case 2: // 6to4, sometimes Windows' host form
                ulong high = (0x2002UL << 48) | ((ulong)v4 << 16) | (r.Next(2) == 0 ? 0 : (ulong)r.Next(0x10000));
                return IPv6Address.FromUInt64(high, r.Next(2) == 0 ? v4 : RandomValues.UInt64(r));
            case 3: // NAT64 well-known prefix, and just outside it
                return IPv6Address.FromUInt64(0x0064_FF9B_0000_0000UL, r.Next(4) == 0 ? RandomValues.UInt64(r) : v4);
            case 4: // NAT64 local-use prefix
                return IPv6Address.FromUInt64(0x0064_FF9B_0001_0000UL | (rand & 0xFFFF), RandomValues.UInt64(r));
            case 5: // IPv4-mapped and the other ::/96 forms
                return IPv6Address.FromUInt64(0, r.Next(3) switch { 0 => 0xFFFF_0000_0000UL | v4, 1 => v4, _ => (ulong)r.Next(2) });
            case 6: // the edges of every prefix a kind is defined by: fixed top bits, random rest
                ulong[] tops = [0xFE80, 0xFEBF, 0xFEC0, 0xFEFF, 0xFC00, 0xFDFF, 0xFF00, 0xFF02, 0x2001, 0x2002, 0x3FFF, 0x3FFE, 0x2000, 0x1FFF, 0x4000, 0x0064, 0];
                ulong top = tops[r.Next(tops.Length)] << 48;
                ulong second = r.Next(3) switch { 0 => 0x0DB8UL << 32, 1 => 0x831FUL << 32, _ => rand & 0x0000_FFFF_0000_0000UL };
                return IPv6Address.FromUInt64(top | second | (rand & 0xFFFF_FFFFUL), r.Next(2) == 0 ? RandomValues.UInt64(r) : ((ulong)r.Next(4) << 56) | (0x5EFEUL << 32) | v4);
            default:
                return RandomValues.IPv6(r);
        }
    }

    /// <summary>Zero to two random prefixes, usually the one the address was built under, and sometimes
    /// the invalid default, which the inspector skips.</summary>
    private static Nat64Prefix[] NextKnownPrefixes(Random r, Nat64Prefix under)
    {
        var list = new List<Nat64Prefix>();
        int count = r.Next(3);
        for (int k = 0; k < count; k++) list.Add(RandomValues.Nat64Prefix(r, RandomValues.Pick(r, RandomValues.Nat64Lengths)));
        if (under.IsValid && r.Next(4) != 0) list.Insert(r.Next(list.Count + 1), under);
        if (r.Next(8) == 0) list.Add(default);
        return [.. list];
    }
}
