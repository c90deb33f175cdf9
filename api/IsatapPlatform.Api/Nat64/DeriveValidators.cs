using FluentValidation;
using IsatapPlatform.Api.Infrastructure.Validation;

namespace IsatapPlatform.Api.Nat64;

/// <summary>The rules every derivation input obeys, shared by the body and the query string.</summary>
internal static class DeriveRules
{
    public static void Apply<T>(AbstractValidator<T> validator) where T : IDeriveInput
    {
        validator.RuleFor(x => x.Prefix).MustBeNat64Prefix(x => x.Normalize == true);
        validator.RuleFor(x => x.Ipv4).MustBeIPv4();
    }
}

/// <summary>Validates <see cref="DeriveRequest"/>.</summary>
internal sealed class DeriveRequestValidator : AbstractValidator<DeriveRequest>
{
    public DeriveRequestValidator() => DeriveRules.Apply(this);
}

/// <summary>Validates <see cref="DeriveQuery"/>.</summary>
internal sealed class DeriveQueryValidator : AbstractValidator<DeriveQuery>
{
    public DeriveQueryValidator()
    {
        DeriveRules.Apply(this);
        RuleFor(x => x.Policy).MustBeKebabCase<DeriveQuery, DerivePolicy>();
    }
}
