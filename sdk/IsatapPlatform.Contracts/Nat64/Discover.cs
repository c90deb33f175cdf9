using System.ComponentModel.DataAnnotations;

namespace IsatapPlatform.Contracts.Nat64;

/// <summary>Discover the NAT64 prefix (RFC 7050) from the AAAA answers a DNS64 resolver gave for <c>ipv4only.arpa</c>.</summary>
/// <param name="Addresses">The AAAA answers, for example <c>64:ff9b::c000:aa</c> (up to 1,000).</param>
public sealed record DiscoverRequest([property: Required] IReadOnlyList<string?>? Addresses);

/// <summary>The discovered prefix.</summary>
/// <param name="Prefix">The first prefix found.</param>
/// <param name="Prefixes">Every distinct prefix found, in answer order (a network may run several translators).</param>
public sealed record DiscoverResponse(string Prefix, IReadOnlyList<string> Prefixes);
