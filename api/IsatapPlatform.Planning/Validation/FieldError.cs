namespace IsatapPlatform.Planning.Validation;

/// <summary>One refused field: its JSON path (<c>deployment.servers[0].name</c>), a stable code
/// (<see cref="ValidationCodes"/>) and an English message.</summary>
public sealed record FieldError(string Path, string Code, string Message);

/// <summary>The outcome of <see cref="PlanRequestValidator.Validate"/>.</summary>
public sealed class ValidationResult
{
    internal ValidationResult(IReadOnlyList<FieldError> errors) => Errors = errors;

    /// <summary>True when there is no error.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Every error, in field order.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Messages grouped by JSON path: the <c>errors</c> member of a 400 validation problem
    /// (<c>TypedResults.ValidationProblem(result.ToProblemErrors())</c>).</summary>
    public Dictionary<string, string[]> ToProblemErrors()
        => Errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);

    /// <summary>Codes grouped by JSON path, parallel to <see cref="ToProblemErrors"/>: suggested as a
    /// <c>codes</c> extension member of the problem details.</summary>
    public Dictionary<string, string[]> ToProblemCodes()
        => Errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray(), StringComparer.Ordinal);
}
