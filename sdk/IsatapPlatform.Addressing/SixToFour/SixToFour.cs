namespace IsatapPlatform.Addressing;

/// <summary>What a 6to4 address says.</summary>
/// <param name="IPv4">The site's IPv4 address, from bits 16-47.</param>
/// <param name="WindowsHostForm">True for Windows' host form 2002:V4::V4, where the interface
/// identifier repeats the IPv4 address (ipv6calc calls it "6to4-microsoft").</param>
public readonly record struct SixToFourInfo(IPv4Address IPv4, bool WindowsHostForm);

/// <summary>6to4 (RFC 3056): a global IPv4 address V4 owns the site prefix 2002:V4::/48.
/// RFC 7526 deprecates only the anycast relay 192.88.99.0/24, not 2002::/16.</summary>
public static class SixToFour
{
    /// <summary>2002::/16.</summary>
    public static IPv6Prefix Prefix { get; } = IPv6Prefix.FromBits(0x2002UL << 48, 0, 16);

    /// <summary>The /48 site prefix of a global IPv4 (RFC 3056 §2). A non-global IPv4 is refused with
    /// <see cref="AddressError.NonGlobalIPv4"/>: RFC 3056 §9 has such traffic discarded.</summary>
    public static bool TryCreateSitePrefix(IPv4Address ipv4, out IPv6Prefix prefix, out AddressError error)
    {
        prefix = default;
        if (!ipv4.IsValid) { error = AddressError.InvalidValue; return false; }
        if (!ipv4.IsGlobal) { error = AddressError.NonGlobalIPv4; return false; }
        prefix = IPv6Prefix.FromBits((0x2002UL << 48) | ((ulong)ipv4.Value << 16), 0, 48);
        error = AddressError.None;
        return true;
    }

    /// <summary>The /48 site prefix, or <see cref="ArgumentException"/>.</summary>
    public static IPv6Prefix CreateSitePrefix(IPv4Address ipv4)
        => TryCreateSitePrefix(ipv4, out var p, out var e) ? p : throw new ArgumentException(e.ToMessage(), nameof(ipv4));

    /// <summary>The 6to4 prefix of an IPv4 block: w.x.y.z/n maps to 2002:WWXX:YYZZ::/(16+n)
    /// (7.0.0.0/8 gives 2002:700::/24). A block that contains any non-global address (for example
    /// 128.0.0.0/1, which holds 172.16.0.0/12) is refused, as RFC 3056 §9 has such traffic discarded.</summary>
    public static bool TryCreatePrefix(IPv4Prefix block, out IPv6Prefix prefix, out AddressError error)
    {
        prefix = default;
        if (!block.IsValid) { error = AddressError.InvalidValue; return false; }
        if (!IPv4SpecialRegistry.IsEntirelyGlobalUnicast(block)) { error = AddressError.NonGlobalIPv4; return false; }
        prefix = IPv6Prefix.FromBits((0x2002UL << 48) | ((ulong)block.Address.Value << 16), 0, 16 + block.Length);
        error = AddressError.None;
        return true;
    }

    /// <summary>Windows' 6to4 host address 2002:V4::V4.</summary>
    public static IPv6Address WindowsHostAddress(IPv4Address ipv4)
        => IPv6Address.FromUInt64((0x2002UL << 48) | ((ulong)ipv4.Value << 16), ipv4.Value);

    /// <summary>Decodes any address in 2002::/16.</summary>
    public static bool TryDecode(IPv6Address address, out SixToFourInfo info)
    {
        info = default;
        if (!address.IsValid || (address.High >> 48) != 0x2002) return false;
        uint v4 = (uint)(address.High >> 16);
        info = new SixToFourInfo(IPv4Address.FromUInt32(v4), address.Low == v4 && (address.High & 0xFFFF) == 0);
        return true;
    }
}
