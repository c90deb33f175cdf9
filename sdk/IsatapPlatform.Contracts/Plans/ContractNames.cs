using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace IsatapPlatform.Contracts.Plans;

/// <summary>The contract strings of the enums (<c>Topology.SingleServer</c> ↔ <c>"single-server"</c>),
/// read from their <see cref="JsonStringEnumMemberNameAttribute"/>s so JSON and this helper cannot disagree.</summary>
public static class ContractNames
{
    /// <summary>The contract string of <paramref name="value"/>, e.g. <c>"windows-10-1703-or-later"</c>.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
        => Cache<TEnum>.ToName.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, "not a defined contract value");

    /// <summary>Parses a contract string (exact, lower case).</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        if (text is not null && Cache<TEnum>.FromName.TryGetValue(text, out value)) return true;
        value = default;
        return false;
    }

    /// <summary>Every contract string of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Cache<TEnum>.Names;

    /// <summary>True when <paramref name="value"/> is a declared member (not a cast integer).</summary>
    public static bool IsDefined<TEnum>(TEnum value) where TEnum : struct, Enum => Cache<TEnum>.ToName.ContainsKey(value);

    private static class Cache<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ToName;
        public static readonly FrozenDictionary<string, TEnum> FromName;
        public static readonly string[] Names;

        static Cache()
        {
            var pairs = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => (Value: (TEnum)f.GetValue(null)!,
                              Name: f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                                    ?? throw new InvalidOperationException($"{typeof(TEnum).Name}.{f.Name} has no contract name")))
                .ToArray();
            ToName = pairs.ToFrozenDictionary(p => p.Value, p => p.Name);
            FromName = pairs.ToFrozenDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
            Names = pairs.Select(p => p.Name).ToArray();
        }
    }
}
