using System.ComponentModel.DataAnnotations;
using FluentValidation;
using IsatapPlatform.Api.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;

namespace IsatapPlatform.Api.Addresses;

/// <summary>The inputs of an inspection, from a JSON body or from the route and query string.</summary>
public interface IInspectInput
{
    /// <summary>The address to inspect.</summary>
    string? Address { get; }

    /// <summary>An optional network-specific NAT64 prefix to decode the address with.</summary>
    string? Nat64Prefix { get; }
}

/// <summary>Inspect an IPv4 or IPv6 address.</summary>
/// <param name="Address">The address, either family, for example <c>2001:0:4136:e378:8000:63bf:3fff:fdd2</c> or <c>fe80::5efe:10.0.0.5%12</c>.</param>
/// <param name="Nat64Prefix">Optional: the network-specific NAT64 prefix in use (for example <c>fd03:b402:e10c:7777::/96</c>), so that
/// addresses under it are decoded. The well-known prefix 64:ff9b::/96 is always decoded.</param>
public sealed record InspectRequest([property: Required] string? Address, string? Nat64Prefix = null) : IInspectInput;

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
