using System.Collections.Frozen;
using System.Text.Json;

namespace IsatapPlatform.Api.Infrastructure.Json;

/// <summary>Enum values as the API spells them everywhere (JSON bodies and query strings): kebab-case,
/// exactly as <see cref="System.Text.Json.Serialization.JsonStringEnumConverter"/> with
/// <see cref="JsonNamingPolicy.KebabCaseLower"/> writes them. Query strings need this because minimal
/// API binding parses enums by their C# names.</summary>
public static class KebabCaseEnum<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> s_values =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()), StringComparer.Ordinal);

    /// <summary>Every accepted spelling, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())).ToArray();

    /// <summary>Parses a kebab-case name; null text gives null.</summary>
    public static bool TryParse(string? text, out TEnum? value)
    {
        value = null;
        if (text is null) return true;
        if (!s_values.TryGetValue(text, out var parsed)) return false;
        value = parsed;
        return true;
    }

    /// <summary>Parses a value a validator has accepted.</summary>
    public static TEnum? Parse(string? text)
        => TryParse(text, out var value) ? value : throw new InvalidOperationException("The value was not validated before use.");
}
