using System.Runtime.CompilerServices;

namespace IsatapPlatform.Addressing;

/// <summary>Classifies any address and finds every IPv4 address embedded in it. Allocation-free.</summary>
public static class AddressInspector
{
    /// <summary>Inspects an IPv6 address. Addresses under <paramref name="knownNat64Prefixes"/> are decoded
    /// as RFC 6052; the well-known prefix always is. The local-use prefix is recognised but not decoded
    /// unless named, because RFC 8215 §5 says nothing may be assumed about its layout.</summary>
    public static AddressInspection Inspect(IPv6Address address, ReadOnlySpan<Nat64Prefix> knownNat64Prefixes = default)
    {
        if (!address.IsValid) throw new ArgumentException(AddressError.InvalidValue.ToMessage(), nameof(address));
        return InspectIPv6(address.High, address.Low, address.Zone, knownNat64Prefixes);
    }

    // Only the kinds are computed here; AddressInspection decodes the fields on access. The one
    // thing it cannot recompute is which of the caller's prefixes matched, so that is kept.
    // Not inlined, like the other paths TryInspect rarely takes: their temporaries (IPv6Address
    // values hold a string) would otherwise sit in the caller's frame and be zeroed on every call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static AddressInspection InspectIPv6(ulong hi, ulong lo, string? zone, ReadOnlySpan<Nat64Prefix> knownNat64Prefixes)
    {
        var kinds = Kinds(hi, lo);
        if ((kinds & AddressKinds.Nat64WellKnown) == 0)
        {
            foreach (var p in knownNat64Prefixes)
            {
                if (p.IsValid && p.TryExtract(IPv6Address.FromUInt64(hi, lo), out _, out _))
                    return new AddressInspection(hi, lo, zone, kinds | AddressKinds.Nat64NetworkSpecific, p);
            }
        }
        return new AddressInspection(hi, lo, zone, kinds);
    }

    /// <summary>Every kind of an IPv6 address that does not depend on the caller's NAT64 prefixes.
    /// Plain bit tests on the two halves; the decoders agree (SixToFour, Teredo and Isatap.TryDecode
    /// accept exactly these bit patterns).</summary>
    /// <remarks>The first four bits decide which tests can apply at all, so an address only goes
    /// through its own few tests instead of a chain of a dozen dependent ones. Inlined: the JIT
    /// leaves a switch this size as a call otherwise.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static AddressKinds Kinds(ulong hi, ulong lo)
    {
        var kinds = AddressKinds.None;
        // Multicast and the ::/96 forms cannot carry an interface identifier; everything else can.
        bool interfaceId = true;
        switch (hi >> 60)
        {
            case 0x0:
                if (hi == 0 && (lo >> 32) == 0)
                {
                    kinds = lo == 0 ? AddressKinds.Unspecified : lo == 1 ? AddressKinds.Loopback : AddressKinds.IPv4Compatible;
                    interfaceId = false;
                }
                else if (hi == 0 && (lo >> 32) == 0xFFFF)
                {
                    kinds = AddressKinds.IPv4Mapped;
                    interfaceId = false;
                }
                else if (hi == 0x0064_FF9B_0000_0000UL && (lo >> 32) == 0)
                {
                    kinds = AddressKinds.Nat64WellKnown; // 64:ff9b::/96
                }
                else if ((hi >> 16) == 0x0064_FF9B_0001UL)
                {
                    kinds = AddressKinds.Nat64LocalUse;  // 64:ff9b:1::/48
                }
                break;
            case 0x2:
            case 0x3:
                // 2001:db8::/32 (RFC 3849) and 3fff::/20 (RFC 9637); the rest of 2000::/3 is global.
                kinds = (hi >> 32) == 0x2001_0DB8 || (hi >> 44) == 0x3FFF0 ? AddressKinds.Documentation : AddressKinds.GlobalUnicast;
                if ((hi >> 48) == 0x2002) kinds |= AddressKinds.SixToFour; // 2002::/16
                if ((hi >> 32) == 0x2001_0000UL || (hi >> 32) == 0x3FFE_831FUL) kinds |= AddressKinds.Teredo; // and the legacy prefix
                break;
            case 0xF:
                if ((hi >> 56) == 0xFF)
                {
                    kinds = AddressKinds.Multicast; // ff00::/8
                    interfaceId = false;
                }
                else if ((hi >> 57) == 0x7E)
                {
                    kinds = AddressKinds.UniqueLocal; // fc00::/7
                }
                else if ((hi >> 54) == 0x3FA)
                {
                    kinds = AddressKinds.LinkLocal; // fe80::/10
                }
                else if ((hi >> 54) == 0x3FB)
                {
                    kinds = AddressKinds.SiteLocal; // fec0::/10
                }
                break;
        }

        // ISATAP interface identifier: group 6 is 5efe, group 5 has no bits but u and g.
        if (interfaceId && ((lo >> 32) & 0xFFFF) == 0x5EFE && ((lo >> 48) & ~0x0300UL) == 0)
            kinds |= AddressKinds.Isatap;
        return kinds;
    }

    /// <summary>Inspects an IPv4 address against the IANA special-purpose registry.</summary>
    public static AddressInspection Inspect(IPv4Address address)
    {
        if (!address.IsValid) throw new ArgumentException(AddressError.InvalidValue.ToMessage(), nameof(address));
        uint v = address.Value;
        var kinds = AddressKinds.None;
        if (v == 0) kinds |= AddressKinds.Unspecified;
        if (address.IsLoopback) kinds |= AddressKinds.Loopback;
        if (address.IsLinkLocal) kinds |= AddressKinds.LinkLocal;
        if (address.IsPrivate) kinds |= AddressKinds.Private;
        if (address.IsSharedAddressSpace) kinds |= AddressKinds.SharedAddressSpace;
        if (address.IsMulticast) kinds |= AddressKinds.Multicast;
        if (address.IsDocumentation) kinds |= AddressKinds.Documentation;
        if (address.IsRfc7050WellKnown) kinds |= AddressKinds.Nat64Discovery;
        if (address.IsBroadcast) kinds |= AddressKinds.Broadcast;
        if (address.IsReserved) kinds |= AddressKinds.Reserved;
        if ((v >> 17) == (0xC612_0000u >> 17)) kinds |= AddressKinds.Benchmarking;
        if (address.IsGlobal) kinds |= AddressKinds.GlobalUnicast;
        return new AddressInspection(address, kinds);
    }

    /// <summary>Parses either family (text with ':' is IPv6) and inspects it. Never throws.</summary>
    public static bool TryInspect(ReadOnlySpan<char> text, out AddressInspection inspection, out ParseFailure failure, ReadOnlySpan<Nat64Prefix> knownNat64Prefixes = default)
    {
        // Nearly every IPv6 text takes the parser's fast path; text it accepts always contains ':',
        // so the family scan (in TryInspectOther) is only needed when it does not.
        if (Text.IPv6Text.TryParseFast(text, out ulong hi, out ulong lo, out int zoneStart))
        {
            failure = default;
            inspection = zoneStart < 0 && knownNat64Prefixes.IsEmpty
                ? new AddressInspection(hi, lo, zone: null, Kinds(hi, lo))
                : InspectIPv6(hi, lo, zoneStart < 0 ? null : new string(text[zoneStart..]), knownNat64Prefixes);
            return true;
        }
        // Through a local: passing inspection itself to a call that is not inlined would force the
        // caller's variable into memory, and every read of it through a store and a reload.
        bool parsed = TryInspectOther(text, out var other, out failure, knownNat64Prefixes);
        inspection = other;
        return parsed;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryInspectOther(ReadOnlySpan<char> text, out AddressInspection inspection, out ParseFailure failure, ReadOnlySpan<Nat64Prefix> knownNat64Prefixes)
    {
        inspection = default;
        if (text.Contains(':'))
        {
            if (!IPv6Address.TryParse(text, out var v6, out failure)) return false;
            inspection = Inspect(v6, knownNat64Prefixes);
            return true;
        }
        if (!IPv4Address.TryParse(text, out var v4, out failure)) return false;
        inspection = Inspect(v4);
        return true;
    }
}
