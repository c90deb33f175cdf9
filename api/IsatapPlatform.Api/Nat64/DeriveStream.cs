using System.ComponentModel.DataAnnotations;
using FluentValidation;
using IsatapPlatform.Api.Infrastructure.Validation;

namespace IsatapPlatform.Api.Nat64;

/// <summary>The query string of <c>POST /api/v1/nat64/derive/stream</c>; the addresses come in the body.</summary>
/// <param name="Prefix">The NAT64 prefix, for example <c>fd03:b402:e10c:7777::/96</c>.</param>
/// <param name="Policy"><c>strict</c> (default) or <c>permissive</c> RFC 6052 §3.1 handling, per line.</param>
public sealed record DeriveStreamQuery(
    [property: Required] string? Prefix,
    [property: AllowedValues("strict", "permissive")] string? Policy);

/// <summary>Validates <see cref="DeriveStreamQuery"/>. Host bits are never normalised here: a stream
/// has no envelope in which to warn about it.</summary>
internal sealed class DeriveStreamQueryValidator : AbstractValidator<DeriveStreamQuery>
{
    public DeriveStreamQueryValidator()
    {
        RuleFor(x => x.Prefix).MustBeNat64Prefix(_ => false);
        RuleFor(x => x.Policy).MustBeKebabCase<DeriveStreamQuery, DerivePolicy>();
    }
}
