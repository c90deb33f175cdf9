namespace IsatapPlatform.Addressing;

/// <summary>What an ISATAP interface identifier says (RFC 5214 §6.1).</summary>
/// <param name="IPv4">The embedded IPv4 address of the ISATAP node.</param>
/// <param name="Universal">The u bit: set when the IPv4 is globally unique ("200:5efe").</param>
/// <param name="Group">The g bit (individual/group); zero in every real address.</param>
public readonly record struct IsatapInfo(IPv4Address IPv4, bool Universal, bool Group);

/// <summary>ISATAP addressing (RFC 5214): the interface identifier is the IANA OUI 00-00-5E, the type
/// 0xFE and the IPv4 address, in modified EUI-64 form ("0:5efe:a.b.c.d", or "200:5efe:a.b.c.d" with
/// the u bit when the IPv4 is globally unique).</summary>
public static class Isatap
{
    /// <summary>fe80::/64, the prefix of ISATAP link-local addresses.</summary>
    public static IPv6Prefix LinkLocalPrefix { get; } = IPv6Prefix.FromBits(0xFE80_0000_0000_0000UL, 0, 64);

    private const ulong TypeField = 0x5EFEUL << 32;
    private const ulong UniversalBit = 0x0200UL << 48;
    private const ulong GroupBit = 0x0100UL << 48;

    /// <summary>The 64-bit interface identifier: u bit set only for a globally unique IPv4 (RFC 5214
    /// §6.1); Windows does the same (fe80::5efe:10.x next to fe80::200:5efe:129.x on one host).</summary>
    public static ulong InterfaceId(IPv4Address ipv4)
        => (ipv4.IsGlobal ? UniversalBit : 0) | TypeField | ipv4.Value;

    /// <summary>The ISATAP address for <paramref name="ipv4"/> under a /64 prefix; false (never throws)
    /// when the prefix is not a /64 or a value is the invalid default.</summary>
    public static bool TryCreateAddress(IPv6Prefix prefix, IPv4Address ipv4, out IPv6Address address, out AddressError error)
    {
        address = default;
        if (!prefix.IsValid || !ipv4.IsValid) { error = AddressError.InvalidValue; return false; }
        if (prefix.Length != 64) { error = AddressError.WrongPrefixLength; return false; }
        address = IPv6Address.FromUInt64(prefix.High, InterfaceId(ipv4));
        error = AddressError.None;
        return true;
    }

    /// <summary>The ISATAP address under a /64 prefix, or <see cref="ArgumentException"/>.</summary>
    public static IPv6Address CreateAddress(IPv6Prefix prefix, IPv4Address ipv4)
        => TryCreateAddress(prefix, ipv4, out var a, out var e) ? a : throw new ArgumentException(e.ToMessage(), nameof(prefix));

    /// <summary>The link-local ISATAP address fe80::[200:]5efe:a.b.c.d.</summary>
    public static IPv6Address LinkLocal(IPv4Address ipv4) => CreateAddress(LinkLocalPrefix, ipv4);

    /// <summary>True when the interface identifier is an ISATAP one: group 6 is 5efe and group 5 has no
    /// bits but u and g. Accepts both the 0:5efe and 200:5efe forms under any prefix.</summary>
    public static bool TryDecode(IPv6Address address, out IsatapInfo info)
    {
        info = default;
        if (!address.IsValid) return false;
        ulong lo = address.Low;
        if (((lo >> 32) & 0xFFFF) != 0x5EFE || ((lo >> 48) & ~0x0300UL) != 0) return false;
        info = new IsatapInfo(IPv4Address.FromUInt32((uint)lo), (lo & UniversalBit) != 0, (lo & GroupBit) != 0);
        return true;
    }

    /// <summary>The IPv6 subnet equivalent to an IPv4 subnet under an ISATAP /64: P:0:5efe:w.x.y.z/(96+n),
    /// as Active Directory Sites needs (Microsoft's "Manage DirectAccess Clients Remotely", step 1).</summary>
    public static bool TryCreateSubnet(IPv6Prefix isatapPrefix, IPv4Prefix ipv4Subnet, out IPv6Prefix subnet, out AddressError error)
    {
        subnet = default;
        if (!isatapPrefix.IsValid || !ipv4Subnet.IsValid) { error = AddressError.InvalidValue; return false; }
        if (isatapPrefix.Length != 64) { error = AddressError.WrongPrefixLength; return false; }
        // The u bit is left clear: the subnet object covers every host, and Windows configures the
        // 0:5efe form for the private IPv4 space these subnets normally describe.
        subnet = IPv6Prefix.FromBits(isatapPrefix.High, TypeField | ipv4Subnet.Address.Value, 96 + ipv4Subnet.Length);
        error = AddressError.None;
        return true;
    }
}
