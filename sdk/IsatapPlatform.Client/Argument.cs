using IsatapPlatform.Addressing;

namespace IsatapPlatform.Client;

/// <summary>Argument checks every endpoint method runs before any I/O: <c>default</c> of an addressing value
/// type is invalid, and sending it would only turn a programming error into a 400 from the service.</summary>
internal static class Argument
{
    public static void Valid(IPv4Address value, string paramName)
    {
        if (!value.IsValid) throw Invalid(nameof(IPv4Address), paramName);
    }

    public static void Valid(IPv6Address value, string paramName)
    {
        if (!value.IsValid) throw Invalid(nameof(IPv6Address), paramName);
    }

    public static void Valid(IPv6Prefix value, string paramName)
    {
        if (!value.IsValid) throw Invalid(nameof(IPv6Prefix), paramName);
    }

    public static void Valid(Nat64Prefix value, string paramName)
    {
        if (!value.IsValid) throw Invalid(nameof(Nat64Prefix), paramName);
    }

    /// <summary>An optional prefix may be null, but not <c>default(Nat64Prefix)</c>.</summary>
    public static void ValidOrNull(Nat64Prefix? value, string paramName)
    {
        if (value is { IsValid: false }) throw Invalid(nameof(Nat64Prefix), paramName);
    }

    public static void Defined<TEnum>(TEnum value, string paramName) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
            throw new ArgumentOutOfRangeException(paramName, value, $"{value} is not a defined {typeof(TEnum).Name} value.");
    }

    private static ArgumentException Invalid(string type, string paramName)
        => new($"The {type} is not valid (default({type}) is never a valid value); parse or create one first.", paramName);
}
