using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using IsatapPlatform.Api.Tests.Support;
using Xunit.Abstractions;

namespace IsatapPlatform.Api.Tests.Hostile;

/// <summary>Thousands of generated malformed and hostile requests across every endpoint: the service
/// never answers 5xx, and every error is RFC 9457 problem+json with a code.</summary>
public sealed class HostileInputTests(ApiFactory factory, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    // Fixed so that a failure reproduces: rerun with the same seed and the same requests are sent.
    private const int Seed = 20261126;
    private const int RequestCount = 12_000;

    [Fact]
    public async Task Hostile_requests_never_get_a_5xx_and_every_error_is_problem_json()
    {
        var generator = new HostileRequestGenerator(Seed);
        var requests = Enumerable.Range(0, RequestCount).Select(_ => generator.Next()).ToList();
        // The test server's own client: no redirect handling, bodies streamed as a real client sends them.
        var client = factory.Server.CreateClient();
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var targets = new ConcurrentDictionary<string, int>();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, cancellation) =>
        {
            targets.AddOrUpdate(request.Target, 1, (_, n) => n + 1);
            string? failure;
            try
            {
                failure = await SendAndCheckAsync(client, request, statuses, cancellation);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failure = $"threw {ex.GetType().Name}: {ex.Message}";
            }
            if (failure is not null) failures.Enqueue($"{failure}\n    request: {request}");
        });

        output.WriteLine($"{requests.Count} requests (seed {Seed}); statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Value}"))}");
        output.WriteLine($"targets: {string.Join(", ", targets.OrderBy(t => t.Key).Select(t => $"{t.Key}x{t.Value}"))}");
        Assert.True(failures.IsEmpty,
            $"{failures.Count} of {RequestCount} hostile requests were mishandled (seed {Seed}); first ones:\n" + string.Join("\n", failures.Take(15)));
        Assert.True(requests.Count >= 10_000);
        // The generator must actually reach the endpoints, not just produce 404s.
        foreach (var target in new[] { "/api/v1/nat64/derive", "/api/v1/nat64/derive/batch", "/api/v1/nat64/extract", "/api/v1/nat64/discover",
                     "/api/v1/addresses/inspect", "/api/v1/isatap/address", "/api/v1/6to4/prefix", "/api/v1/directaccess/prefixes",
                     "/api/v1/isatap/plans", "/api/v1/isatap/plans/bundle", "/api/v1/diagnostics",
                     "GET /api/v1/nat64/derive", "POST /api/v1/nat64/derive/stream", "GET /api/v1/addresses/{address}",
                     "GET /api/v1/collectors/windows.ps1", "GET /api/v1/diagnostics/catalog", "random path", "wrong method" })
            Assert.True(targets.GetValueOrDefault(target) >= 200, $"only {targets.GetValueOrDefault(target)} requests for {target}");
        foreach (int status in new[] { 200, 400, 404, 405, 413, 415, 422 })
            Assert.True(statuses.ContainsKey(status), $"no {status} among the answers: {string.Join(", ", statuses.OrderBy(s => s.Key))}");
    }

    private static async Task<string?> SendAndCheckAsync(HttpClient client, HostileRequest request, ConcurrentDictionary<int, int> statuses, CancellationToken cancellation)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.Body is not null) message.Content = Json.Raw(request.Body, request.ContentType);

        using var response = await client.SendAsync(message, cancellation);
        int status = (int)response.StatusCode;
        statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        string body = await response.Content.ReadAsStringAsync(cancellation);
        string? mediaType = Json.MediaType(response);

        if (status >= 500) return $"{status}: {Cut(body)}";
        if (status >= 400)
        {
            if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal))
                return $"{status} leaks internals: {Cut(body)}";
            if (mediaType != "application/problem+json") return $"{status} is {mediaType ?? "untyped"}, not problem+json: {Cut(body)}";
            if (request.Method == "HEAD") return null; // no body to inspect
            try
            {
                var problem = JsonDocument.Parse(body).RootElement;
                if (problem.GetProperty("status").GetInt32() != status) return $"{status} problem says status {problem.GetProperty("status")}";
                if (string.IsNullOrEmpty(problem.GetProperty("code").GetString())) return $"{status} problem has an empty code";
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return $"{status} problem is not a JSON object with status and code ({ex.Message}): {Cut(body)}";
            }
            return null;
        }

        // Successes carry PowerShell (plans, remediation, the collector), where "Exception" is a legitimate word; a
        // .NET stack frame never is.
        if (s_stackFrame.IsMatch(body)) return $"{status} leaks internals: {Cut(body)}";

        // Successes must be well-formed too: JSON, one JSON object per NDJSON line, a zip, or the collector's text.
        if (mediaType == "application/zip")
            return request.Method == "HEAD" || body.StartsWith("PK\u0003\u0004", StringComparison.Ordinal) ? null : $"{status} application/zip body is not a zip";
        if (mediaType == "text/plain" && request.Method != "HEAD" && body.Length == 0) return $"{status} text/plain body is empty";
        try
        {
            if (mediaType == "application/json") JsonDocument.Parse(body).Dispose();
            if (mediaType == "application/x-ndjson")
                foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries)) JsonDocument.Parse(line).Dispose();
        }
        catch (JsonException ex)
        {
            return $"{status} {mediaType} body is not valid JSON ({ex.Message}): {Cut(body)}";
        }
        return null;
    }

    private static readonly System.Text.RegularExpressions.Regex s_stackFrame = new(@"\s at (System|Microsoft|IsatapPlatform)\.[\w.`<>]+\(", System.Text.RegularExpressions.RegexOptions.Compiled);

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
