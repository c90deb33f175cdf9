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
        ulong hi = address.High, lo = address.Low;
        var kinds = AddressKinds.None;
        TeredoAddress? teredo = null;
        IsatapInfo? isatap = null;
        SixToFourInfo? sixToFour = null;
        Nat64Info? nat64 = null;
        IPv4Address? mapped = null;

        if (hi == 0 && (lo >> 32) == 0)
        {
            kinds |= lo == 0 ? AddressKinds.Unspecified : lo == 1 ? AddressKinds.Loopback : AddressKinds.IPv4Compatible;
        }
        else if (hi == 0 && (lo >> 32) == 0xFFFF)
        {
            kinds |= AddressKinds.IPv4Mapped;
            mapped = IPv4Address.FromUInt32((uint)lo);
        }

        if (address.IsLinkLocal) kinds |= AddressKinds.LinkLocal;
        if ((hi >> 54) == 0x3FB) kinds |= AddressKinds.SiteLocal; // fec0::/10
        if (address.IsUniqueLocal) kinds |= AddressKinds.UniqueLocal;
        if (address.IsMulticast) kinds |= AddressKinds.Multicast;

        // 2001:db8::/32 (RFC 3849) and 3fff::/20 (RFC 9637).
        bool documentation = (hi >> 32) == 0x2001_0DB8 || (hi >> 44) == 0x3FFF0;
        if (documentation) kinds |= AddressKinds.Documentation;
        else if ((hi >> 61) == 1) kinds |= AddressKinds.GlobalUnicast; // 2000::/3

        if (Addressing.SixToFour.TryDecode(address, out var s))
        {
            kinds |= AddressKinds.SixToFour;
            sixToFour = s;
        }
        if (Addressing.Teredo.TryDecode(address, out var t))
        {
            kinds |= AddressKinds.Teredo;
            teredo = t;
        }
        // Multicast and the ::/96 forms cannot carry an interface identifier.
        if ((kinds & (AddressKinds.Multicast | AddressKinds.Unspecified | AddressKinds.Loopback | AddressKinds.IPv4Compatible | AddressKinds.IPv4Mapped)) == 0
            && Addressing.Isatap.TryDecode(address, out var i))
        {
            kinds |= AddressKinds.Isatap;
            isatap = i;
        }

        if (Nat64Prefix.WellKnown.Prefix.Contains(address))
        {
            kinds |= AddressKinds.Nat64WellKnown;
            nat64 = new Nat64Info(Nat64Prefix.WellKnown, IPv4Address.FromUInt32((uint)lo));
        }
        else if (Nat64Prefix.LocalUse.Prefix.Contains(address))
        {
            kinds |= AddressKinds.Nat64LocalUse;
        }
        foreach (var p in knownNat64Prefixes)
        {
            if (nat64 is null && p.IsValid && p.TryExtract(address, out var v4, out _))
            {
                kinds |= AddressKinds.Nat64NetworkSpecific;
                nat64 = new Nat64Info(p, v4);
            }
        }

        return new AddressInspection(address, kinds, teredo, isatap, sixToFour, nat64, mapped);
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
