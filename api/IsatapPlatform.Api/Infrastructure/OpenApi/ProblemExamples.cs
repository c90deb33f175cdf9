using IsatapPlatform.Api.Infrastructure.Problems;
using Microsoft.AspNetCore.Mvc;

namespace IsatapPlatform.Api.Infrastructure.OpenApi;

/// <summary>Problem details examples for the OpenAPI document, built by the same factory the API uses.</summary>
internal static class ProblemExamples
{
    public static ProblemDetails Field(string field, string code, string message)
        => ApiProblems.CreateDetails(code, $"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemDetails Plain(string code, string detail) => ApiProblems.CreateDetails(code, detail);
}
