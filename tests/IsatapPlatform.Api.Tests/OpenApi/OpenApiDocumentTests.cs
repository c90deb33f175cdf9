using System.Net;
using System.Text.Json.Nodes;
using IsatapPlatform.Api.Tests.Support;

namespace IsatapPlatform.Api.Tests.OpenApi;

/// <summary>The contract is the committed document: a change to it is a deliberate, reviewed diff.</summary>
public sealed class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string RegenerateCommand = "UPDATE_OPENAPI=1 dotnet test tests/IsatapPlatform.Api.Tests --filter FullyQualifiedName~OpenApiDocumentTests";
    private static readonly string CommittedPath = RepositoryPaths.Of("api", "openapi", "v1.json");
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> ServedDocumentAsync()
    {
        var response = await _client.GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_served_document_is_the_committed_one()
    {
        string served = await ServedDocumentAsync();
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CommittedPath)!);
            // Swashbuckle's own indented text, so that the committed file reads like the served one.
            await File.WriteAllTextAsync(CommittedPath, served.ReplaceLineEndings("\n").TrimEnd('\n') + "\n");
        }

        Assert.True(File.Exists(CommittedPath), $"{CommittedPath} is missing. Create it with: {RegenerateCommand}");
        string committed = await File.ReadAllTextAsync(CommittedPath);
        Assert.True(Json.Canonical(served) == Json.Canonical(committed),
            $"The served OpenAPI document differs from api/openapi/v1.json (first difference: {FirstDifference(committed, served)}). "
            + $"If the contract change is intended, regenerate the file and commit it: {RegenerateCommand}");
    }

    [Fact]
    public async Task Every_operation_has_a_summary_a_description_and_examples()
    {
        var document = JsonNode.Parse(await ServedDocumentAsync())!;
        int operations = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                operations++;
                string name = $"{method.ToUpperInvariant()} {path}";
                Assert.False(string.IsNullOrWhiteSpace((string?)operation!["summary"]), $"{name} has no summary");
                Assert.False(string.IsNullOrWhiteSpace((string?)operation["description"]), $"{name} has no description");
                Assert.False(string.IsNullOrWhiteSpace((string?)operation["operationId"]), $"{name} has no operationId");

                if (operation["requestBody"] is { } body)
                    foreach (var (mediaType, content) in body["content"]!.AsObject())
                        Assert.True(content!["example"] is not null, $"{name} has no {mediaType} request example");
                foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                    if ((bool?)parameter!["required"] == true)
                        Assert.True(parameter["example"] is not null, $"{name} has no example for parameter {parameter["name"]}");
                foreach (var (status, response) in operation["responses"]!.AsObject())
                    foreach (var (mediaType, content) in response!["content"]?.AsObject() ?? [])
                    {
                        // A binary answer (the plan bundle's zip) has no meaningful example; its description says what is in it.
                        if ((string?)content!["schema"]?["format"] == "binary") continue;
                        Assert.True(content["example"] is not null, $"{name} has no {status} {mediaType} example");
                    }
            }
        }
        Assert.Equal(16, operations); // fifteen paths; derive has GET and POST
    }

    [Fact]
    public async Task Swagger_UI_is_served_at_swagger()
    {
        var response = await _client.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", Json.MediaType(response));
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static string FirstDifference(string committed, string served)
    {
        var a = JsonNode.Parse(committed);
        var b = JsonNode.Parse(served);
        return Diff(a, b, "$") ?? "none";
    }

    private static string? Diff(JsonNode? a, JsonNode? b, string path)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                if (!oa.ContainsKey(key)) return $"{path}.{key} added";
                if (!ob.ContainsKey(key)) return $"{path}.{key} removed";
                if (Diff(oa[key], ob[key], $"{path}.{key}") is { } d) return d;
            }
            return null;
        }
        if (a is JsonArray aa && b is JsonArray ab)
        {
            for (int i = 0; i < Math.Max(aa.Count, ab.Count); i++)
            {
                if (i >= aa.Count) return $"{path}[{i}] added";
                if (i >= ab.Count) return $"{path}[{i}] removed";
                if (Diff(aa[i], ab[i], $"{path}[{i}]") is { } d) return d;
            }
            return null;
        }
        return Json.Canonical(a) == Json.Canonical(b) ? null : $"{path}: {Json.Canonical(a)} -> {Json.Canonical(b)}";
    }
}
