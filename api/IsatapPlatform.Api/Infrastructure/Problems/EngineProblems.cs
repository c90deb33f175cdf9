using IsatapPlatform.Planning.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IsatapPlatform.Api.Infrastructure.Problems;

/// <summary>The 400 problem for the field errors of the plan and diagnostics engines, which validate their own
/// requests (<see cref="FieldError"/>: JSON path, stable code, message). It follows the FluentValidation problem
/// (<see cref="ApiProblems.FromValidation"/>): the first error decides <c>code</c> and <c>detail</c>, every message
/// is in <c>errors</c> under the engine's JSON path (<c>deployment.servers[0].name</c>), and because an engine
/// reports a code per error, <c>codes</c> holds them under the same keys.</summary>
public static class EngineProblems
{
    /// <summary>The problem result of a failed engine validation.</summary>
    public static ProblemHttpResult FromValidation(ValidationResult validation) => TypedResults.Problem(CreateDetails(validation));

    /// <summary>The problem details of a failed engine validation (also used for the OpenAPI examples).</summary>
    public static ProblemDetails CreateDetails(ValidationResult validation)
    {
        if (validation.IsValid) throw new ArgumentException("The validation has no error to report.", nameof(validation));

        var first = validation.Errors[0];
        string detail = first.Path.Length == 0 ? first.Message : $"{first.Path}: {first.Message}";
        if (validation.Errors.Count > 1) detail += $" (and {validation.Errors.Count - 1} more; see 'errors')";

        var codes = validation.ToProblemCodes().ToDictionary(
            pair => pair.Key, pair => pair.Value.Select(ToApiCode).ToArray(), StringComparer.Ordinal);
        return ApiProblems.CreateDetails(ToApiCode(first.Code), detail, validation.ToProblemErrors(), codes);
    }

    /// <summary>An engine code as the API spells it. Two engine codes mean exactly what an API-wide code already
    /// says, so clients see one code for one situation on every endpoint; every other engine code is passed through
    /// unchanged (<c>router.global-name</c>, <c>computer-name.invalid</c>, <c>prefix.length</c>...).</summary>
    public static string ToApiCode(string engineCode) => engineCode switch
    {
        ValidationCodes.Required => ProblemCodes.FieldRequired,
        // Not reachable through JSON (the enum converters refuse unknown strings and integers first), kept aligned anyway.
        ValidationCodes.EnumInvalid => ProblemCodes.RequestMalformed,
        _ => engineCode,
    };
}
