using System.ComponentModel.DataAnnotations;

namespace IsatapPlatform.Contracts.Nat64;

/// <summary>The inputs of one derivation, whether they came as a JSON body or as a query string.</summary>
public interface IDeriveInput
{
    /// <summary>The NAT64 prefix.</summary>
    string? Prefix { get; }

    /// <summary>The IPv4 address to embed.</summary>
    string? Ipv4 { get; }

    /// <summary>Strict (default) or permissive RFC 6052 §3.1 handling.</summary>
    DerivePolicy? Policy { get; }

    /// <summary>Accept host bits by clearing them.</summary>
    bool? Normalize { get; }
}

/// <summary>Derive the RFC 6052 IPv4-embedded IPv6 address of an IPv4 address under a NAT64 prefix.</summary>
/// <param name="Prefix">The NAT64 prefix: /32, /40, /48, /56, /64 or /96, u octet (bits 64-71) zero, for example <c>fd03:b402:e10c:7777::/96</c>.</param>
/// <param name="Ipv4">The IPv4 address as a dotted quad, for example <c>172.16.1.225</c>.</param>
/// <param name="Policy">RFC 6052 §3.1 handling: <c>strict</c> (default) refuses the well-known prefix with a non-global IPv4 (422 <c>nat64.wkp-non-global</c>); <c>permissive</c> answers with a warning.</param>
/// <param name="Normalize">When true, a prefix with bits set past its length is accepted with those bits cleared, and a warning says so. Default false (400 <c>prefix.host-bits</c>).</param>
public sealed record DeriveRequest([property: Required] string? Prefix, [property: Required] string? Ipv4, DerivePolicy? Policy = null, bool? Normalize = null) : IDeriveInput;
