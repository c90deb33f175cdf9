using System.Text;
using IsatapPlatform.Api.Tests.Support;

namespace IsatapPlatform.Api.Tests.OpenApi;

/// <summary>Every request in api/IsatapPlatform.Api/IsatapPlatform.Api.http works.</summary>
public sealed class HttpFileTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>One request of the .http file: its "###" title, method, URL, headers and body.</summary>
    private sealed record HttpFileRequest(string Title, string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body);

    private static readonly IReadOnlyList<HttpFileRequest> s_requests =
        Parse(File.ReadAllText(RepositoryPaths.Of("api", "IsatapPlatform.Api", "IsatapPlatform.Api.http"))).ToList();

    public static TheoryData<string> Titles() => new(s_requests.Select(r => r.Title));

    [Fact]
    public void There_is_a_request_for_every_endpoint()
    {
        var requests = s_requests;
        string[] endpoints =
        [
            "POST /api/v1/nat64/derive", "GET /api/v1/nat64/derive", "POST /api/v1/nat64/derive/batch", "POST /api/v1/nat64/derive/stream",
            "POST /api/v1/nat64/extract", "POST /api/v1/nat64/discover", "GET /api/v1/addresses/", "POST /api/v1/addresses/inspect",
            "POST /api/v1/isatap/address", "POST /api/v1/6to4/prefix", "POST /api/v1/directaccess/prefixes", "GET /health/live", "GET /health/ready",
            "POST /api/v1/isatap/plans", "POST /api/v1/isatap/plans/bundle", "POST /api/v1/diagnostics", "GET /api/v1/diagnostics/catalog",
            "GET /api/v1/collectors/windows.ps1",
        ];
        foreach (var endpoint in endpoints)
            Assert.Contains(requests, r => $"{r.Method} {new Uri(r.Url).AbsolutePath}".StartsWith(endpoint, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Titles))]
    public async Task The_request_succeeds(string title)
    {
        var request = s_requests.Single(r => r.Title == title);
        var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Url).PathAndQuery);
        string? contentType = request.Headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
        if (request.Body.Length > 0 || contentType is not null)
            message.Content = Json.Raw(Encoding.UTF8.GetBytes(request.Body), contentType);

        var response = await _client.SendAsync(message);

        Assert.True(response.IsSuccessStatusCode, $"{request.Title}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    // The subset of the .http format the file uses: "@name = value" variables, "###" separators,
    // a request line, headers, a blank line and a body.
    private static IEnumerable<HttpFileRequest> Parse(string text)
    {
        var variables = new Dictionary<string, string>();
        foreach (var block in text.ReplaceLineEndings("\n").Split("\n###"))
        {
            var lines = block.Split('\n').ToList();
            string title = lines[0].Trim().TrimStart('#').Trim();
            int i = 1;
            if (block.StartsWith('#') && !block.StartsWith("###", StringComparison.Ordinal)) i = 0; // the file header
            string? method = null, url = null;
            var headers = new List<KeyValuePair<string, string>>();
            for (; i < lines.Count; i++)
            {
                string line = lines[i].Trim();
                if (line.StartsWith('@'))
                {
                    var parts = line[1..].Split('=', 2);
                    variables[parts[0].Trim()] = parts[1].Trim();
                    continue;
                }
                if (line.Length == 0 || line.StartsWith('#')) continue;
                var request = line.Split(' ', 2);
                method = request[0];
                url = Substitute(request[1], variables);
                i++;
                break;
            }
            if (method is null || url is null) continue;
            for (; i < lines.Count && lines[i].Trim().Length > 0; i++)
            {
                var header = lines[i].Split(':', 2);
                headers.Add(KeyValuePair.Create(header[0].Trim(), header[1].Trim()));
            }
            string body = string.Join('\n', lines.Skip(i + 1)).Trim('\n');
            yield return new HttpFileRequest(title, method, url, headers, body.Length > 0 ? body + "\n" : "");
        }
    }

    private static string Substitute(string text, Dictionary<string, string> variables)
    {
        foreach (var (name, value) in variables) text = text.Replace("{{" + name + "}}", value, StringComparison.Ordinal);
        return text;
    }
}
