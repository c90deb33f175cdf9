using System.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IsatapPlatform.Api.Infrastructure.Problems;

/// <summary>Writes every problem as <c>application/problem+json</c> with a <c>code</c>, whatever the
/// request's Accept header says. The framework's default writer declines when Accept does not list
/// JSON, and the status code pages would then answer in plain text; automation must always get the
/// same machine-readable shape (RFC 9457 §3 allows a server to answer with problem+json regardless).</summary>
internal sealed class ProblemJsonWriter(IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        int status = problem.Status ?? http.Response.StatusCode;
        problem.Status = status;
        if (!problem.Extensions.TryGetValue(ApiProblems.CodeKey, out var code) || code is null)
        {
            string fallback = ProblemCodes.ForStatus(status);
            problem.Extensions[ApiProblems.CodeKey] = fallback;
            problem.Title ??= ProblemCodes.TitleFor(fallback);
            problem.Detail ??= ApiExceptionHandler.StatusDetail(http, status);
        }
        problem.Type ??= ApiProblems.TypeFor(status);
        problem.Title ??= ProblemCodes.TitleFor((string)problem.Extensions[ApiProblems.CodeKey]!);
        // The trace id lets an operator find the log lines of a failed call; it reveals nothing else.
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;

        http.Response.StatusCode = status;
        var typeInfo = jsonOptions.Value.SerializerOptions.GetTypeInfo(problem.GetType());
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, typeInfo, "application/problem+json", http.RequestAborted));
    }
}
