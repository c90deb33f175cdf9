using IsatapPlatform.Addressing;

namespace IsatapPlatform.Client;

/// <summary>What an address is and every IPv4 address embedded in it: the answer of
/// <see cref="IsatapPlatformClient.InspectAddressAsync(IPv6Address, Nat64Prefix?, CancellationToken)"/>. The
/// optional parts are non-null only when they apply.</summary>
/// <param name="Family">IPv4 or IPv6: which of <paramref name="Ipv4"/> and <paramref name="Ipv6"/> is set.</param>
/// <param name="Ipv4">The inspected address, when it is an IPv4 address.</param>
/// <param name="Ipv6">The inspected address, with its zone, when it is an IPv6 address.</param>
/// <param name="Mixed">The IPv6 address as text with its last 32 bits as a dotted quad, when those bits hold an
/// IPv4 address (ISATAP, IPv4-mapped, NAT64 /96, Windows' 6to4 host form); otherwise null.</param>
/// <param name="Kinds">Every kind that applies, as flags. Kinds a newer service reports that this client does not
/// know are only in <paramref name="KindNames"/>.</param>
/// <param name="KindNames">Every kind as the service named it (for example <c>global-unicast</c>, <c>teredo</c>),
/// in the service's order.</param>
/// <param name="EmbeddedIpv4">Every IPv4 address inside the address, with its role (ISATAP, 6to4, Teredo server and
/// client, NAT64, IPv4-mapped); empty for an IPv4 address.</param>
/// <param name="Teredo">The Teredo fields (server, flags, external port and client address, already un-inverted)
/// for an address under 2001::/32.</param>
/// <param name="Isatap">The ISATAP interface identifier fields (RFC 5214 §6.1).</param>
/// <param name="SixToFour">The 6to4 site IPv4, for an address under 2002::/16.</param>
/// <param name="Nat64">The RFC 6052 decoding, under 64:ff9b::/96 or the NAT64 prefix named in the request.</param>
/// <param name="ReverseName">The reverse-lookup name (ip6.arpa or in-addr.arpa).</param>
public sealed record InspectedAddress(
    IPFamily Family,
    IPv4Address? Ipv4,
    IPv6Address? Ipv6,
    string? Mixed,
    AddressKinds Kinds,
    IReadOnlyList<string> KindNames,
    IReadOnlyList<EmbeddedIPv4> EmbeddedIpv4,
    TeredoAddress? Teredo,
    IsatapInfo? Isatap,
    SixToFourInfo? SixToFour,
    Nat64Info? Nat64,
    string ReverseName)
{
    /// <summary>True when every flag of <paramref name="kind"/> applies.</summary>
    /// <param name="kind">One kind or a combination.</param>
    public bool Is(AddressKinds kind) => kind != AddressKinds.None && (Kinds & kind) == kind;

    /// <summary>The inspected address in canonical text (RFC 5952 for IPv6, with its zone).</summary>
    public override string ToString() => Ipv6?.ToString() ?? Ipv4?.ToString() ?? string.Empty;
}
