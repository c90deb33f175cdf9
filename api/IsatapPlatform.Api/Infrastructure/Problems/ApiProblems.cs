using System.Text.Json;
using FluentValidation.Results;
using IsatapPlatform.Addressing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IsatapPlatform.Api.Infrastructure.Problems;

/// <summary>Builds the RFC 9457 problem details every 4xx of the API returns: a fixed title per
/// <c>code</c>, a <c>detail</c> saying what was wrong and where, and for field errors an
/// <c>errors</c> map keyed by the JSON property name.</summary>
public static class ApiProblems
{
    /// <summary>The extension member holding the stable code.</summary>
    public const string CodeKey = "code";

    /// <summary>The extension member holding the field errors.</summary>
    public const string ErrorsKey = "errors";

    /// <summary>The extension member holding the stable code of every field error, keyed like
    /// <see cref="ErrorsKey"/> (the plan and diagnostics engines report several codes at once).</summary>
    public const string CodesKey = "codes";

    /// <summary>A problem with a code; the status follows from the code.</summary>
    public static ProblemHttpResult Create(string code, string detail, IDictionary<string, string[]>? errors = null)
        => TypedResults.Problem(CreateDetails(code, detail, errors));

    /// <summary>A problem about one field.</summary>
    public static ProblemHttpResult Field(string field, string code, string message)
        => Create(code, $"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A problem about one field that failed to parse.</summary>
    public static ProblemHttpResult Field(string field, AddressError error, string message) => Field(field, error.ToCode(), message);

    /// <summary>The problem for failed FluentValidation rules. The first failure decides the code and
    /// status (validators list their most decisive rule first); every failure is in <c>errors</c>.</summary>
    public static ProblemHttpResult FromValidation(ValidationResult result)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in result.Errors.GroupBy(f => JsonPropertyPath(f.PropertyName)))
            errors[group.Key] = group.Select(f => f.ErrorMessage).ToArray();
        var first = result.Errors[0];
        string code = string.IsNullOrEmpty(first.ErrorCode) ? ProblemCodes.RequestMalformed : first.ErrorCode;
        string detail = $"{JsonPropertyPath(first.PropertyName)}: {first.ErrorMessage}";
        if (result.Errors.Count > 1) detail += $" (and {result.Errors.Count - 1} more; see 'errors')";
        return Create(code, detail, errors);
    }

    /// <summary>The problem details object, for writers outside the endpoint results (exception
    /// handler, status code pages).</summary>
    public static ProblemDetails CreateDetails(string code, string? detail, IDictionary<string, string[]>? errors = null,
        IDictionary<string, string[]>? codes = null)
    {
        int status = ProblemCodes.StatusFor(code);
        var problem = new ProblemDetails
        {
            Type = TypeFor(status),
            Title = ProblemCodes.TitleFor(code),
            Status = status,
            Detail = detail,
        };
        problem.Extensions[CodeKey] = code;
        if (errors is { Count: > 0 }) problem.Extensions[ErrorsKey] = errors;
        if (codes is { Count: > 0 }) problem.Extensions[CodesKey] = codes;
        return problem;
    }

    /// <summary>The RFC 9110 section describing a status, as ASP.NET Core's own problem details use.</summary>
    public static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };

    /// <summary>FluentValidation names members in C# ("Addresses[2]"); clients know the JSON names
    /// ("addresses[2]"). Each dotted segment is camel-cased; indexers are kept.</summary>
    public static string JsonPropertyPath(string propertyPath)
    {
        if (string.IsNullOrEmpty(propertyPath)) return propertyPath;
        var segments = propertyPath.Split('.');
        for (int i = 0; i < segments.Length; i++)
            segments[i] = JsonNamingPolicy.CamelCase.ConvertName(segments[i]);
        return string.Join('.', segments);
    }

    /// <summary>Quotes user input inside a message, cut short so a hostile megabyte never echoes back whole.</summary>
    public static string Quote(string? text)
    {
        if (text is null) return "null";
        const int Max = 64;
        return text.Length <= Max ? $"'{text}'" : $"'{text.AsSpan(0, Max)}...' ({text.Length} characters)";
    }
}
