using IsatapPlatform.Api.Infrastructure.OpenApi;
using IsatapPlatform.Api.Infrastructure.Problems;
using IsatapPlatform.Planning;
using IsatapPlatform.Planning.Bundles;
using IsatapPlatform.Contracts.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IsatapPlatform.Api.IsatapPlans;

/// <summary>ISATAP manage-out plans (issue 4): the planning engine (<c>api/IsatapPlatform.Planning</c>) behind HTTP.
/// The engine validates the request and builds the plan; this class maps its answer to HTTP and nothing else.</summary>
public static class IsatapPlanApi
{
    /// <summary>Maps the endpoints under <c>/api/v1/isatap/plans</c>.</summary>
    public static IEndpointRouteBuilder MapIsatapPlanApi(this IEndpointRouteBuilder app)
    {
        // Each operation's OpenAPI summary is its handler's XML summary (Swashbuckle reads it).
        var group = app.MapGroup("api/v1/isatap/plans").WithTags("ISATAP plans");

        group.MapPost("", CreatePlan)
            .WithName("CreateIsatapPlan")
            .WithDescription("Turns a description of a DirectAccess deployment into ordered, idempotent, reversible steps with exact "
                + "PowerShell and cmd.exe commands, a verification and a rollback each, plus warnings and script artifacts. "
                + "mode 'deploy' targets ISATAP at the listed manage-out hosts only (a unique router name, never a DNS record named "
                + "isatap); mode 'decommission' removes a global ISATAP deployment without cutting off the hosts that still need it. "
                + "Every value that reaches a script is validated: a refused field is 400 with its JSON path in 'errors' and every "
                + "error's code in 'codes' (the router name 'isatap' in deploy mode is 400 router.global-name unless "
                + "router.allowGlobalName is true). Warning codes: router.global-name, topology.unsupported, topology.nlb-unsupported, "
                + "os.isatap-default-off, os.dns-client-bug, method.hosts-not-scalable, deprecation, request.ignored-field, "
                + "server.public-internal-ipv4, decommission.no-manage-out-hosts. Body up to 1 MiB.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithExamples(IsatapPlanExamples.Plan);

        group.MapPost("bundle", CreateBundle)
            .WithName("CreateIsatapPlanBundle")
            .WithDescription("The same plan as POST /api/v1/isatap/plans, as an application/zip download: every artifact plus a "
                + "README.txt listing the warnings and the steps in order. .ps1 files are UTF-8 with BOM (Windows PowerShell 5.1 "
                + "reads BOM-less files in the ANSI code page), .reg files UTF-16LE with BOM, line ends CRLF. The file name is "
                + "isatap-plan-{mode}[-{router name}].zip. Errors are the same 400 problems as for the plan.")
            .Produces(StatusCodes.Status200OK, typeof(Stream), PlanBundleWriter.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithExamples(IsatapPlanExamples.Bundle);

        return app;
    }

    /// <summary>Plan a targeted ISATAP deployment or the decommissioning of a global one.</summary>
    public static Results<Ok<Plan>, ProblemHttpResult> CreatePlan(PlanRequest request)
    {
        var result = IsatapPlanner.CreatePlan(request);
        return result.Plan is { } plan ? TypedResults.Ok(plan) : EngineProblems.FromValidation(result.Validation);
    }

    /// <summary>Download the plan as a zip of its scripts and a README.</summary>
    public static Results<FileContentHttpResult, ProblemHttpResult> CreateBundle(PlanRequest request)
    {
        var result = IsatapPlanner.CreatePlan(request);
        if (result.Plan is not { } plan) return EngineProblems.FromValidation(result.Validation);
        return TypedResults.File(IsatapPlanner.CreateBundle(plan), PlanBundleWriter.MediaType, BundleFileName(request));
    }

    /// <summary>The download name: <c>isatap-plan-deploy-isatap-mo.zip</c>, or <c>isatap-plan-decommission.zip</c>
    /// without a router. Only validated values reach it (the mode is an enum, the router name an RFC 1123 label of
    /// letters, digits and '-'), so it needs no escaping in the Content-Disposition header.</summary>
    public static string BundleFileName(PlanRequest request)
    {
        string name = "isatap-plan-" + ContractNames.Of(request.Mode!.Value);
        if (request.Router?.Name is { Length: > 0 } router) name += "-" + router.ToLowerInvariant();
        return name + ".zip";
    }
}
