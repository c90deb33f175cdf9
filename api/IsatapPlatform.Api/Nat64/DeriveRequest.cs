using System.ComponentModel.DataAnnotations;
using IsatapPlatform.Api.Infrastructure.Json;

namespace IsatapPlatform.Api.Nat64;

/// <summary>The query string of <c>GET /api/v1/nat64/derive</c>: the same fields as the JSON body.
/// <c>policy</c> is text here because query binding would want the C# enum names.</summary>
/// <param name="Prefix">The NAT64 prefix, for example <c>fd03:b402:e10c:7777::/96</c> (URL-encode the slash as %2F or leave it).</param>
/// <param name="Ipv4">The IPv4 address, for example <c>172.16.1.225</c>.</param>
/// <param name="Policy"><c>strict</c> (default) or <c>permissive</c>.</param>
/// <param name="Normalize">Accept host bits by clearing them (default false).</param>
public sealed record DeriveQuery(
    [property: Required] string? Prefix,
    [property: Required] string? Ipv4,
    [property: AllowedValues("strict", "permissive")] string? Policy,
    bool? Normalize) : IDeriveInput
{
    DerivePolicy? IDeriveInput.Policy => KebabCaseEnum<DerivePolicy>.Parse(Policy);
}
