using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace IsatapPlatform.Client;

/// <summary>An RFC 9457 problem details document as the service sent it, with this service's
/// <c>code</c>, <c>errors</c> and <c>traceId</c> extensions.</summary>
public sealed class ServiceProblem
{
    /// <summary>The most problem text the client keeps from an error response (a proxy's HTML error page can be large).</summary>
    internal const int MaxBodyChars = 64 * 1024;

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoErrors = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Creates a problem.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="code">The stable machine-readable code.</param>
    /// <param name="title">A short summary of the problem type.</param>
    /// <param name="detail">What was wrong and where.</param>
    /// <param name="type">The problem type URI.</param>
    /// <param name="traceId">The service's trace id.</param>
    /// <param name="errors">Field errors keyed by JSON property path.</param>
    /// <param name="retryAfter">The Retry-After delay, if any.</param>
    public ServiceProblem(HttpStatusCode status, string? code, string? title, string? detail, string? type = null, string? traceId = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? errors = null, TimeSpan? retryAfter = null)
    {
        Status = status;
        Code = code;
        Title = title;
        Detail = detail;
        Type = type;
        TraceId = traceId;
        Errors = errors ?? NoErrors;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The stable machine-readable code; null when the body was not this service's problem document.</summary>
    public string? Code { get; }

    /// <summary>A short summary of the problem type.</summary>
    public string? Title { get; }

    /// <summary>What was wrong and where.</summary>
    public string? Detail { get; }

    /// <summary>The problem type URI.</summary>
    public string? Type { get; }

    /// <summary>The service's trace id for the request.</summary>
    public string? TraceId { get; }

    /// <summary>Field errors keyed by JSON property path; empty when none.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; }

    /// <summary>The Retry-After delay the response asked for, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Reads the problem from an error response. Never throws for a malformed body: a body that is
    /// not problem JSON becomes the <see cref="Detail"/> (truncated), so the caller still sees what came back.</summary>
    internal static async Task<ServiceProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var retryAfter = RetryAfterOf(response.Headers.RetryAfter);
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return new ServiceProblem(status, null, response.ReasonPhrase, $"The error response could not be read: {e.Message}", retryAfter: retryAfter);
        }

        if (body.Length > MaxBodyChars) body = body[..MaxBodyChars];
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        bool json = mediaType is not null && (mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        if (json && TryParse(body, status, retryAfter) is { } problem) return problem;
        return new ServiceProblem(status, null, response.ReasonPhrase, body.Length == 0 ? null : body, retryAfter: retryAfter);
    }

    private static ServiceProblem? TryParse(string body, HttpStatusCode status, TimeSpan? retryAfter)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            Dictionary<string, IReadOnlyList<string>>? errors = null;
            if (root.TryGetProperty("errors", out var errorsElement) && errorsElement.ValueKind == JsonValueKind.Object)
            {
                errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                foreach (var field in errorsElement.EnumerateObject())
                {
                    var messages = new List<string>();
                    if (field.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var message in field.Value.EnumerateArray())
                            if (message.ValueKind == JsonValueKind.String) messages.Add(message.GetString()!);
                    }
                    else if (field.Value.ValueKind == JsonValueKind.String)
                    {
                        messages.Add(field.Value.GetString()!);
                    }
                    errors[field.Name] = messages;
                }
            }
            return new ServiceProblem(status, StringOf(root, "code"), StringOf(root, "title"), StringOf(root, "detail"), StringOf(root, "type"),
                StringOf(root, "traceId"), errors, retryAfter);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringOf(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header)
    {
        if (header is null) return null;
        if (header.Delta is { } delta) return delta;
        if (header.Date is { } date) return date - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero;
        return null;
    }
}
