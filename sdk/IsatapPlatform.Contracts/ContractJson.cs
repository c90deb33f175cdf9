using System.Text.Json;
using System.Text.Json.Serialization;

namespace IsatapPlatform.Contracts;

/// <summary>The JSON conventions of the API v1 wire format, applied by the service to every endpoint and by
/// the client to every request and response: camelCase names (the web defaults) and enums as kebab-case
/// strings, with numbers refused so that <c>"policy": 1</c> is an error rather than a guess.</summary>
public static class ContractJson
{
    /// <summary>Adds the contract conventions to <paramref name="options"/> (which should start from
    /// <see cref="JsonSerializerDefaults.Web"/>).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
    }

    /// <summary>New options with the web defaults and the contract conventions.</summary>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}
