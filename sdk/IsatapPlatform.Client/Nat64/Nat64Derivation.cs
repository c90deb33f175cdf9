using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts;

namespace IsatapPlatform.Client;

/// <summary>An IPv4 address embedded in a NAT64 prefix (RFC 6052 §2.2), in every form an administrator needs:
/// the answer of <see cref="IsatapPlatformClient.DeriveNat64Async"/>.</summary>
/// <param name="Prefix">The prefix used (after normalisation, if the service cleared host bits).</param>
/// <param name="Ipv4">The embedded IPv4 address.</param>
/// <param name="Ipv6">The IPv4-embedded IPv6 address.</param>
/// <param name="Ipv6Mixed">The address as text with the IPv4 as a dotted quad in the last 32 bits (/96 prefixes,
/// RFC 5952 §5); for the other lengths, where the IPv4 is not in the last 32 bits, the canonical text.</param>
/// <param name="ReverseName">The ip6.arpa name for a PTR record.</param>
/// <param name="Warnings">What to know although the derivation succeeded (for example <c>nat64.wkp-non-global</c>
/// under <see cref="Contracts.Nat64.DerivePolicy.Permissive"/>); empty when nothing.</param>
public sealed record Nat64Derivation(
    Nat64Prefix Prefix, IPv4Address Ipv4, IPv6Address Ipv6, string Ipv6Mixed, string ReverseName, IReadOnlyList<ApiWarning> Warnings);
