using System.ComponentModel.DataAnnotations;

namespace IsatapPlatform.Contracts.Nat64;

/// <summary>Recover the IPv4 address embedded in an IPv4-embedded IPv6 address (RFC 6052 §2.3).</summary>
/// <param name="Ipv6">The IPv6 address, for example <c>fd03:b402:e10c:7777::ac10:1e1</c>.</param>
/// <param name="Prefix">The NAT64 prefix it was built with. Optional: without it the well-known prefix
/// <c>64:ff9b::/96</c> and then the local-use prefix <c>64:ff9b:1::/48</c> are tried.</param>
public sealed record ExtractRequest([property: Required] string? Ipv6, string? Prefix = null);

/// <summary>The embedded IPv4 address.</summary>
/// <param name="Ipv4">The IPv4 address.</param>
/// <param name="Prefix">The NAT64 prefix it was extracted with.</param>
/// <param name="Warnings">What the caller should know; empty when nothing.</param>
public sealed record ExtractResponse(string Ipv4, string Prefix, IReadOnlyList<ApiWarning> Warnings);
