using System.ComponentModel.DataAnnotations;
using FluentValidation;
using IsatapPlatform.Api.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;

namespace IsatapPlatform.Api.Addresses;

/// <summary>The route and query of <c>GET /api/v1/addresses/{address}</c>.</summary>
/// <param name="Address">The address (URL-encode a zone's '%' as %25).</param>
/// <param name="Nat64Prefix">Optional network-specific NAT64 prefix.</param>
public sealed record InspectQuery(
    [property: FromRoute, Required] string? Address,
    [property: FromQuery] string? Nat64Prefix) : IInspectInput;

/// <summary>The rules of every inspection input.</summary>
internal static class InspectRules
{
    public static void Apply<T>(AbstractValidator<T> validator) where T : IInspectInput
    {
        validator.RuleFor(x => x.Address).MustBeAddress();
        validator.RuleFor(x => x.Nat64Prefix).MustBeNat64PrefixIfPresent();
    }
}

/// <summary>Validates <see cref="InspectRequest"/>.</summary>
internal sealed class InspectRequestValidator : AbstractValidator<InspectRequest>
{
    public InspectRequestValidator() => InspectRules.Apply(this);
}

/// <summary>Validates <see cref="InspectQuery"/>.</summary>
internal sealed class InspectQueryValidator : AbstractValidator<InspectQuery>
{
    public InspectQueryValidator() => InspectRules.Apply(this);
}
