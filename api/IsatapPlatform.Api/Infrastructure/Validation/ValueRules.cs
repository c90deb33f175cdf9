using FluentValidation;
using IsatapPlatform.Api.Infrastructure.Json;
using IsatapPlatform.Api.Infrastructure.Problems;

namespace IsatapPlatform.Api.Infrastructure.Validation;

/// <summary>Rules for values that are not addresses.</summary>
public static class ValueRules
{
    /// <summary>An optional kebab-case enum value given as text (a query parameter).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeKebabCase<T, TEnum>(this IRuleBuilder<T, string?> rule) where TEnum : struct, Enum
        => rule.Custom((text, context) =>
        {
            if (!KebabCaseEnum<TEnum>.TryParse(text, out _))
                AddressRules.Fail(context, ProblemCodes.RequestMalformed,
                    $"{ApiProblems.Quote(text)} is not one of: {string.Join(", ", KebabCaseEnum<TEnum>.Names)}");
        });
}
