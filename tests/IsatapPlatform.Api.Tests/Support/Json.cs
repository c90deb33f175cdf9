using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

// In the tests' root namespace, not in .Support: the PowerShell SDK brings a global namespace named Json
// (JsonSchema.Net's Json.Schema, Json.More), and C# finds a namespace of the global level before a type that a
// using directive imports, so Json.Body(...) would not compile. A type in an enclosing namespace is found first.
namespace IsatapPlatform.Api.Tests;

/// <summary>JSON helpers for requests and comparisons.</summary>
public static class Json
{
    /// <summary>A body with exactly this text and Content-Type application/json.</summary>
    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A body with exactly these bytes and the given Content-Type (or none).</summary>
    public static ByteArrayContent Raw(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    /// <summary>Canonical text of a JSON value: objects with sorted members, no whitespace. Two
    /// documents are equal as JSON exactly when their canonical texts are equal.</summary>
    public static string Canonical(JsonNode? node) => Sort(node)?.ToJsonString() ?? "null";

    /// <inheritdoc cref="Canonical(JsonNode?)"/>
    public static string Canonical(string json) => Canonical(JsonNode.Parse(json));

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sort).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };

    /// <summary>Asserts that <paramref name="actual"/> is the same JSON as <paramref name="expected"/>.</summary>
    public static void AssertEqual(string expected, string actual) => Assert.Equal(Canonical(expected), Canonical(actual));

    /// <summary>The media type of a response.</summary>
    public static string? MediaType(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;

    /// <summary>Parses a response body.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Content-Type header value of a body.</summary>
    public static MediaTypeHeaderValue? ContentType(HttpContent content) => content.Headers.ContentType;
}
