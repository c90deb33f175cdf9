using IsatapPlatform.Planning.Bundles;
using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Plans;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Planning;

/// <summary>The planning engine's entry point: request in, plan (or field errors) out. No HTTP.</summary>
/// <example>
/// <code>
/// var result = IsatapPlanner.CreatePlan(request);
/// if (!result.IsValid) return TypedResults.ValidationProblem(result.Validation.ToProblemErrors());
/// return TypedResults.Ok(result.Plan);                       // or IsatapPlanner.CreateBundle(result.Plan)
/// </code>
/// </example>
public static class IsatapPlanner
{
    /// <summary>Validates without building.</summary>
    public static ValidationResult Validate(PlanRequest? request) => PlanRequestValidator.Validate(request);

    /// <summary>Validates and, when valid, builds the plan.</summary>
    public static PlanResult CreatePlan(PlanRequest? request)
    {
        var (errors, spec) = PlanRequestValidator.Check(request);
        return spec is null
            ? new PlanResult(null, new ValidationResult(errors))
            : new PlanResult(PlanBuilder.Build(spec), new ValidationResult([]));
    }

    /// <summary>The zip of <c>POST /plans/bundle</c> (<see cref="PlanBundleWriter.MediaType"/>).</summary>
    public static byte[] CreateBundle(Plan plan) => PlanBundleWriter.Write(plan);
}

/// <summary>The outcome of <see cref="IsatapPlanner.CreatePlan"/>: a plan, or validation errors.</summary>
public sealed class PlanResult
{
    internal PlanResult(Plan? plan, ValidationResult validation)
    {
        Plan = plan;
        Validation = validation;
    }

    /// <summary>True when the request was valid and <see cref="Plan"/> is set.</summary>
    public bool IsValid => Plan is not null;

    /// <summary>The plan (null when invalid).</summary>
    public Plan? Plan { get; }

    /// <summary>The field errors (empty when valid).</summary>
    public ValidationResult Validation { get; }
}
