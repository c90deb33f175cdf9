using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace IsatapPlatform.Api.Infrastructure.Problems;

/// <summary>Turns exceptions into problem details. Request-binding failures (malformed JSON, wrong
/// types, unknown enum values, empty or oversized bodies, unsupported media types, unparsable query
/// values) become 4xx with a stable code; anything else is a 500 whose detail reveals nothing of the
/// internals (the exception goes to the log, never to the client).</summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (code, detail, errors) = Describe(context, exception);
        if (ProblemCodes.StatusFor(code) >= 500)
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        else
            logger.LogDebug(exception, "Refused {Method} {Path}: {Code}", context.Request.Method, context.Request.Path, code);

        if (context.Response.HasStarted) return false;
        var problem = ApiProblems.CreateDetails(code, detail, errors);
        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>True for exceptions that describe a bad request rather than a fault; they are logged
    /// at debug level only.</summary>
    public static bool IsClientError(Exception exception) => exception is BadHttpRequestException or JsonException;

    private static (string Code, string Detail, Dictionary<string, string[]>? Errors) Describe(HttpContext context, Exception exception)
    {
        switch (exception)
        {
            case BadHttpRequestException { InnerException: JsonException json }:
                return DescribeJson(json);
            case JsonException json:
                return DescribeJson(json);
            case BadHttpRequestException bad when BindFailure().Match(bad.Message) is { Success: true } m:
            {
                string field = ApiProblems.JsonPropertyPath(m.Groups["name"].Value);
                string message = $"{ApiProblems.Quote(m.Groups["value"].Value)} is not a valid value";
                return (ProblemCodes.RequestMalformed, $"{field}: {message}", new() { [field] = [message] });
            }
            // "Implicit body inferred for parameter "request" but no body was provided..."
            case BadHttpRequestException bad when bad.Message.Contains("no body", StringComparison.OrdinalIgnoreCase)
                || bad.Message.Contains("from body", StringComparison.OrdinalIgnoreCase):
                return (ProblemCodes.RequestMalformed, "The request body is empty; send a JSON object.", null);
            case BadHttpRequestException bad:
                return (ProblemCodes.ForStatus(bad.StatusCode), StatusDetail(context, bad.StatusCode), null);
            default:
                return (ProblemCodes.ServerError, StatusDetail(context, StatusCodes.Status500InternalServerError), null);
        }
    }

    // System.Text.Json reports where it stopped ("$.ipv4[3]", line, byte); that is the useful part.
    // Its message names .NET types, which clients neither know nor need.
    private static (string, string, Dictionary<string, string[]>?) DescribeJson(JsonException json)
    {
        string where = $"line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}";
        string? field = json.Path is { Length: > 1 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        if (field is null)
            return (ProblemCodes.RequestMalformed, $"The request body is not a valid JSON object for this operation ({where}).", null);
        string message = $"malformed JSON, a value of the wrong type, or an unknown value ({where})";
        return (ProblemCodes.RequestMalformed, $"{field}: {message}", new() { [field] = [message] });
    }

    /// <summary>The detail of a problem that has only a status (from routing, the server or the
    /// framework's binding): what a client needs to fix it.</summary>
    public static string StatusDetail(HttpContext context, int status)
    {
        var request = context.Request;
        switch (status)
        {
            case StatusCodes.Status404NotFound:
                return $"No resource at {ApiProblems.Quote(request.Path.Value)}; the API is described at /swagger.";
            case StatusCodes.Status405MethodNotAllowed:
                return $"{ApiProblems.Quote(request.Method)} is not allowed at {ApiProblems.Quote(request.Path.Value)}; the API is described at /swagger.";
            case StatusCodes.Status413PayloadTooLarge:
                long? limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
                return limit is { } bytes
                    ? $"The request body exceeds this endpoint's limit of {bytes} bytes."
                    : "The request body exceeds this endpoint's limit.";
            case StatusCodes.Status415UnsupportedMediaType:
                return $"Content-Type {ApiProblems.Quote(request.ContentType)} is not supported here; send application/json.";
            case >= 500:
                return "The service failed to process the request. The trace id identifies it in the service log.";
            default:
                return "The request could not be read.";
        }
    }

    // RequestDelegateFactory's message for query, route and header values it cannot convert:
    // Failed to bind parameter "DerivePolicy? Policy" from "bogus".
    [GeneratedRegex("""^Failed to bind parameter "(?:[^"]*\s)?(?<name>[^"\s]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailure();
}
