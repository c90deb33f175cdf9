namespace IsatapPlatform.Addressing;

/// <summary>What an address is; several kinds can apply at once (an ISATAP address under a 6to4
/// prefix is <see cref="SixToFour"/>, <see cref="Isatap"/> and <see cref="GlobalUnicast"/>).
/// <see cref="AddressKindNames"/> gives each flag its stable kebab-case name.</summary>
[Flags]
public enum AddressKinds : uint
{
    /// <summary>Nothing recognised.</summary>
    None = 0,
    /// <summary>:: or 0.0.0.0.</summary>
    Unspecified = 1 << 0,
    /// <summary>::1 or 127.0.0.0/8.</summary>
    Loopback = 1 << 1,
    /// <summary>::ffff:0:0/96 (RFC 4291 §2.5.5.2).</summary>
    IPv4Mapped = 1 << 2,
    /// <summary>::/96 other than :: and ::1, the deprecated IPv4-compatible form (RFC 4291 §2.5.5.1).</summary>
    IPv4Compatible = 1 << 3,
    /// <summary>fe80::/10 or 169.254.0.0/16.</summary>
    LinkLocal = 1 << 4,
    /// <summary>fec0::/10, deprecated by RFC 3879.</summary>
    SiteLocal = 1 << 5,
    /// <summary>fc00::/7 (RFC 4193).</summary>
    UniqueLocal = 1 << 6,
    /// <summary>ff00::/8 or 224.0.0.0/4.</summary>
    Multicast = 1 << 7,
    /// <summary>2001:db8::/32, 3fff::/20 (RFC 3849, RFC 9637) or the RFC 5737 IPv4 blocks.</summary>
    Documentation = 1 << 8,
    /// <summary>Globally reachable unicast: 2000::/3 outside documentation space, or an IPv4 address the
    /// IANA special-purpose registry does not mark as non-global.</summary>
    GlobalUnicast = 1 << 9,
    /// <summary>2002::/16 (RFC 3056).</summary>
    SixToFour = 1 << 10,
    /// <summary>2001::/32 (RFC 4380) or the legacy 3ffe:831f::/32.</summary>
    Teredo = 1 << 11,
    /// <summary>An ISATAP interface identifier (RFC 5214 §6.1), under any prefix.</summary>
    Isatap = 1 << 12,
    /// <summary>64:ff9b::/96 (RFC 6052 §2.1).</summary>
    Nat64WellKnown = 1 << 13,
    /// <summary>64:ff9b:1::/48 (RFC 8215).</summary>
    Nat64LocalUse = 1 << 14,
    /// <summary>Inside a NAT64 prefix the caller named.</summary>
    Nat64NetworkSpecific = 1 << 15,
    /// <summary>RFC 1918 space.</summary>
    Private = 1 << 16,
    /// <summary>100.64.0.0/10 (RFC 6598).</summary>
    SharedAddressSpace = 1 << 17,
    /// <summary>255.255.255.255.</summary>
    Broadcast = 1 << 18,
    /// <summary>240.0.0.0/4 and other registry blocks reserved for future use.</summary>
    Reserved = 1 << 19,
    /// <summary>198.18.0.0/15 (RFC 2544).</summary>
    Benchmarking = 1 << 20,
    /// <summary>192.0.0.170/171, the RFC 7050 addresses of ipv4only.arpa.</summary>
    Nat64Discovery = 1 << 21,
}

/// <summary>Stable kebab-case names for <see cref="AddressKinds"/>, as the REST API emits them.</summary>
public static class AddressKindNames
{
    private static readonly (AddressKinds Kind, string Name)[] s_names =
    [
        (AddressKinds.Unspecified, "unspecified"),
        (AddressKinds.Loopback, "loopback"),
        (AddressKinds.IPv4Mapped, "ipv4-mapped"),
        (AddressKinds.IPv4Compatible, "ipv4-compatible"),
        (AddressKinds.LinkLocal, "link-local"),
        (AddressKinds.SiteLocal, "site-local"),
        (AddressKinds.UniqueLocal, "unique-local"),
        (AddressKinds.Multicast, "multicast"),
        (AddressKinds.Documentation, "documentation"),
        (AddressKinds.GlobalUnicast, "global-unicast"),
        (AddressKinds.SixToFour, "6to4"),
        (AddressKinds.Teredo, "teredo"),
        (AddressKinds.Isatap, "isatap"),
        (AddressKinds.Nat64WellKnown, "nat64-well-known"),
        (AddressKinds.Nat64LocalUse, "nat64-local-use"),
        (AddressKinds.Nat64NetworkSpecific, "nat64-network-specific"),
        (AddressKinds.Private, "private"),
        (AddressKinds.SharedAddressSpace, "shared-address-space"),
        (AddressKinds.Broadcast, "broadcast"),
        (AddressKinds.Reserved, "reserved"),
        (AddressKinds.Benchmarking, "benchmarking"),
        (AddressKinds.Nat64Discovery, "nat64-discovery"),
    ];

    /// <summary>The name of a single flag; throws for combinations or unknown values.</summary>
    public static string GetName(AddressKinds kind)
    {
        foreach (var (k, n) in s_names)
            if (k == kind) return n;
        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a single known AddressKinds flag.");
    }

    /// <summary>The names of every flag set in <paramref name="kinds"/>, in declaration order.</summary>
    public static IEnumerable<string> GetNames(AddressKinds kinds)
    {
        foreach (var (k, n) in s_names)
            if ((kinds & k) != 0) yield return n;
    }

    /// <summary>Every known name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = Array.ConvertAll(s_names, x => x.Name);
}
