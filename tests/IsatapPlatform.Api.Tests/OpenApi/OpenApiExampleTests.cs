using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IsatapPlatform.Api.Tests.Support;

namespace IsatapPlatform.Api.Tests.OpenApi;

/// <summary>The examples in the OpenAPI document are real: sending each operation's request example
/// gives exactly its 200 example (or, for a binary answer, a 200 of the documented media type). This is
/// also what Swagger UI's "Try it out" sends.</summary>
public sealed class OpenApiExampleTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string> Operations()
    {
        using var server = new ApiFactory();
        var document = JsonNode.Parse(server.CreateClient().GetStringAsync("/swagger/v1/swagger.json").GetAwaiter().GetResult())!;
        var data = new TheoryData<string, string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, _) in item!.AsObject())
                data.Add(method, path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_request_example_gives_the_200_example(string method, string path)
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var operation = document["paths"]![path]![method]!;

        string url = path;
        var query = new List<string>();
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            if (parameter!["example"] is not { } example) continue;
            string name = (string)parameter["name"]!;
            string value = Uri.EscapeDataString((string)example!);
            if ((string?)parameter["in"] == "path") url = url.Replace("{" + name + "}", value, StringComparison.Ordinal);
            else query.Add($"{name}={value}");
        }
        if (query.Count > 0) url += "?" + string.Join('&', query);

        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
        if (operation["requestBody"]?["content"]?.AsObject().First() is { } content)
        {
            var example = content.Value!["example"]!;
            string text = example.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)example! : example.ToJsonString();
            request.Content = new StringContent(text, Encoding.UTF8, content.Key);
        }

        var response = await _client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {url}: {(int)response.StatusCode} {body}");

        var (expectedMediaType, expectedContent) = operation["responses"]!["200"]!["content"]!.AsObject().First();
        if ((string?)expectedContent!["schema"]?["format"] == "binary")
        {
            Assert.Equal(expectedMediaType, response.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
            return;
        }
        var expected = expectedContent["example"]!;
        if (expected.GetValueKind() == System.Text.Json.JsonValueKind.String)
            Assert.Equal((string)expected!, body);
        else
            Assert.Equal(Json.Canonical(expected), Json.Canonical(body));
    }
}
