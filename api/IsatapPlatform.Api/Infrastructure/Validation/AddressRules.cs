using FluentValidation;
using FluentValidation.Results;
using IsatapPlatform.Addressing;
using IsatapPlatform.Api.Infrastructure.Problems;

namespace IsatapPlatform.Api.Infrastructure.Validation;

/// <summary>FluentValidation rules that ask the addressing library whether a text parses, and carry its
/// stable error code and the position where parsing stopped into the validation failure. No address
/// logic lives here: every decision is the library's.</summary>
public static class AddressRules
{
    /// <summary>The value must be present and a dotted-quad IPv4 address.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeIPv4<T>(this IRuleBuilder<T, string?> rule)
        => rule.Custom((text, context) =>
        {
            if (IsMissing(text, context)) return;
            if (!IPv4Address.TryParse(text.AsSpan(), out _, out var failure))
                Fail(context, failure, $"{ApiProblems.Quote(text)} is not a valid IPv4 address: {failure.Message}");
        });

    /// <summary>The value must be present and an IPv6 address (a zone id is allowed).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeIPv6<T>(this IRuleBuilder<T, string?> rule)
        => rule.Custom((text, context) =>
        {
            if (IsMissing(text, context)) return;
            if (!IPv6Address.TryParse(text.AsSpan(), out _, out var failure))
                Fail(context, failure, $"{ApiProblems.Quote(text)} is not a valid IPv6 address: {failure.Message}");
        });

    /// <summary>The value must be present and an IPv4 or IPv6 address.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeAddress<T>(this IRuleBuilder<T, string?> rule)
        => rule.Custom((text, context) =>
        {
            if (IsMissing(text, context)) return;
            if (!AddressInspector.TryInspect(text, out _, out var failure))
                Fail(context, failure, $"{ApiProblems.Quote(text)} is not a valid IPv4 or IPv6 address: {failure.Message}");
        });

    /// <summary>The value must be present and an IPv6 prefix with no host bits.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeIPv6Prefix<T>(this IRuleBuilder<T, string?> rule)
        => rule.Custom((text, context) =>
        {
            if (IsMissing(text, context)) return;
            if (!IPv6Prefix.TryParse(text.AsSpan(), PrefixParseMode.Strict, out _, out var failure))
                Fail(context, failure, $"{ApiProblems.Quote(text)} is not a valid IPv6 prefix: {failure.Message}");
        });

    /// <summary>The value must be present and an RFC 6052 NAT64 prefix. When <paramref name="normalize"/>
    /// says so, host bits are accepted (the handler clears them and warns).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeNat64Prefix<T>(this IRuleBuilder<T, string?> rule, Func<T, bool> normalize)
        => rule.Custom((text, context) =>
        {
            if (IsMissing(text, context)) return;
            var mode = normalize(context.InstanceToValidate) ? PrefixParseMode.Normalize : PrefixParseMode.Strict;
            if (!Nat64Prefix.TryParse(text.AsSpan(), mode, out _, out var failure))
                Fail(context, failure, $"{ApiProblems.Quote(text)} is not a valid NAT64 prefix: {failure.Message}");
        });

    /// <summary>An optional RFC 6052 NAT64 prefix: null passes, anything else must parse strictly.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeNat64PrefixIfPresent<T>(this IRuleBuilder<T, string?> rule)
        => rule.Custom((text, context) =>
        {
            if (text is null) return;
            if (!Nat64Prefix.TryParse(text.AsSpan(), PrefixParseMode.Strict, out _, out var failure))
                Fail(context, failure, $"{ApiProblems.Quote(text)} is not a valid NAT64 prefix: {failure.Message}");
        });

    /// <summary>Adds a failure with an explicit code.</summary>
    public static void Fail<T>(ValidationContext<T> context, string code, string message)
        => context.AddFailure(new ValidationFailure(context.PropertyPath, message) { ErrorCode = code });

    private static void Fail<T>(ValidationContext<T> context, ParseFailure failure, string message)
        => Fail(context, failure.Code, message);

    private static bool IsMissing<T>([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] string? text, ValidationContext<T> context)
    {
        if (text is not null) return false;
        Fail(context, ProblemCodes.FieldRequired, "a value is required");
        return true;
    }
}
