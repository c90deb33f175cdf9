using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts;

namespace IsatapPlatform.Client;

/// <summary>The IPv4 address recovered from an IPv4-embedded IPv6 address (RFC 6052 §2.3): the answer of
/// <see cref="IsatapPlatformClient.ExtractNat64Async"/>.</summary>
/// <param name="Ipv4">The embedded IPv4 address.</param>
/// <param name="Prefix">The NAT64 prefix it was extracted with (the one given, or the well-known or local-use
/// prefix the service found).</param>
/// <param name="Warnings">What to know although the extraction succeeded; empty when nothing.</param>
public sealed record Nat64Extraction(IPv4Address Ipv4, Nat64Prefix Prefix, IReadOnlyList<ApiWarning> Warnings);
