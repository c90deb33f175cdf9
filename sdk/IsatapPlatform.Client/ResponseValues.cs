using IsatapPlatform.Addressing;

namespace IsatapPlatform.Client;

/// <summary>Reads the service's canonical strings back into the addressing value types. The service
/// writes every address and prefix in canonical form, so a value that does not parse means the response
/// is not the API v1 contract (a different service, a proxy, a newer incompatible version): that is a
/// <see cref="FormatException"/> here, which the caller turns into the <c>client.unexpected-response</c>
/// exception (see <see cref="IsatapPlatformClient.Map{TWire, TResult}"/>).</summary>
internal static class ResponseValues
{
    public static IPv4Address Ipv4(string? text, string member)
        => IPv4Address.TryParse(text, out var value) ? value : throw Bad(text, member, "an IPv4 address");

    public static IPv6Address Ipv6(string? text, string member)
        => IPv6Address.TryParse(text, out var value) ? value : throw Bad(text, member, "an IPv6 address");

    public static IPv6Prefix Ipv6Prefix(string? text, string member)
        => IPv6Prefix.TryParse(text, out var value) ? value : throw Bad(text, member, "an IPv6 prefix");

    public static Nat64Prefix Nat64Prefix(string? text, string member)
        => IsatapPlatform.Addressing.Nat64Prefix.TryParse(text, out var value) ? value : throw Bad(text, member, "a NAT64 prefix");

    public static string Text(string? text, string member)
        => text ?? throw new FormatException($"'{member}' is missing.");

    public static T Required<T>(T? value, string member) where T : class
        => value ?? throw new FormatException($"'{member}' is missing.");

    /// <summary>A list member, empty when the service left it out (lists are never null in the client's results).</summary>
    public static IReadOnlyList<T> List<T>(IReadOnlyList<T>? items) => items ?? [];

    private static FormatException Bad(string? text, string member, string what)
        => new(text is null ? $"'{member}' is missing." : $"'{member}' is not {what}: '{Truncate(text)}'.");

    private static string Truncate(string text) => text.Length <= 100 ? text : text[..100] + "...";
}
