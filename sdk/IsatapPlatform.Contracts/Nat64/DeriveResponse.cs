
namespace IsatapPlatform.Contracts.Nat64;

/// <summary>The derived address in every form an administrator needs.</summary>
/// <param name="Prefix">The prefix used, in canonical form (after normalisation, if requested).</param>
/// <param name="Ipv4">The embedded IPv4 address.</param>
/// <param name="Ipv6">The IPv4-embedded IPv6 address, RFC 5952 canonical.</param>
/// <param name="Ipv6Mixed">The same address with the IPv4 address as a dotted quad in the last 32 bits (/96 prefixes, RFC 5952 §5);
/// for the other lengths, where the IPv4 address is not in the last 32 bits, the same as <c>ipv6</c>.</param>
/// <param name="ReverseName">The ip6.arpa name for a PTR record.</param>
/// <param name="Warnings">What the caller should know although the derivation succeeded; empty when nothing.</param>
public sealed record DeriveResponse(string Prefix, string Ipv4, string Ipv6, string Ipv6Mixed, string ReverseName, IReadOnlyList<ApiWarning> Warnings);
