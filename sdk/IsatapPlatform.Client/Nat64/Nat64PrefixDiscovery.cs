using IsatapPlatform.Addressing;

namespace IsatapPlatform.Client;

/// <summary>The NAT64 prefix (RFC 7050) read from a DNS64 resolver's AAAA answers for <c>ipv4only.arpa</c>:
/// the answer of <see cref="IsatapPlatformClient.DiscoverNat64PrefixAsync"/>.</summary>
/// <param name="Prefix">The first prefix found.</param>
/// <param name="Prefixes">Every distinct prefix found, in answer order (a network may run several translators);
/// the first is <paramref name="Prefix"/>.</param>
public sealed record Nat64PrefixDiscovery(Nat64Prefix Prefix, IReadOnlyList<Nat64Prefix> Prefixes);
