using System.ComponentModel.DataAnnotations;
using FluentValidation;
using IsatapPlatform.Api.Infrastructure;
using IsatapPlatform.Api.Infrastructure.Validation;

namespace IsatapPlatform.Api.Nat64;

/// <summary>Validates <see cref="ExtractRequest"/>.</summary>
internal sealed class ExtractRequestValidator : AbstractValidator<ExtractRequest>
{
    public ExtractRequestValidator()
    {
        RuleFor(x => x.Ipv6).MustBeIPv6();
        RuleFor(x => x.Prefix).MustBeNat64PrefixIfPresent();
    }
}
