using IsatapPlatform.Api.Infrastructure;
using IsatapPlatform.Api.Infrastructure.OpenApi;
using IsatapPlatform.Api.Infrastructure.Problems;
using IsatapPlatform.Diagnostics;
using IsatapPlatform.Diagnostics.Catalog;
using IsatapPlatform.Contracts.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IsatapPlatform.Api.Diagnostics;

/// <summary>Host diagnosis (issue 5): the diagnostics engine (<c>api/IsatapPlatform.Diagnostics</c>) behind HTTP. The
/// engine validates, parses the evidence and writes the remediation; this class maps its answer to HTTP and nothing else.</summary>
public static class DiagnosticsApi
{
    /// <summary>Maps <c>/api/v1/diagnostics</c>, <c>/api/v1/diagnostics/catalog</c> and <c>/api/v1/collectors/windows.ps1</c>.</summary>
    public static IEndpointRouteBuilder MapDiagnosticsApi(this IEndpointRouteBuilder app)
    {
        // Each operation's OpenAPI summary is its handler's XML summary (Swashbuckle reads it).
        var diagnostics = app.MapGroup("api/v1/diagnostics").WithTags("Diagnostics");

        diagnostics.MapPost("", Diagnose)
            .WithName("DiagnoseHost")
            .WithDescription("Reads a Windows host's evidence (pasted ipconfig /all in English or a localized shape, netsh interface ipv6 "
                + "show interfaces/addresses, Get-NetIPAddress list output, and/or the JSON printed by GET /api/v1/collectors/windows.ps1) "
                + "and answers what breaks ISATAP manage-out: findings with the evidence lines that prove them, the parsed host facts, "
                + "and the remediation as ordered steps (the ISATAP plan step shape) plus one idempotent PowerShell script that uses "
                + "the interface index the evidence proved. healthy is true when no finding is an error. Evidence is never refused "
                + "for its content: what cannot be read is the finding evidence.unrecognized. A refused field (host.name, host.role, "
                + "expected.*, sizes) is 400 with its JSON path in 'errors' and every error's code in 'codes'. Body up to 1 MiB; each "
                + "text evidence field up to 524,288 characters. Finding codes: GET /api/v1/diagnostics/catalog.")
            .WithRequestBodyLimit(RequestLimits.MaxDiagnosisBodyBytes)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithExamples(DiagnosticsExamples.Diagnose);

        diagnostics.MapGet("catalog", GetCatalog)
            .WithName("GetFindingCatalog")
            .WithDescription("Every finding code the diagnosis can report, in catalog order: usual severity, the host roles it applies "
                + "to, the exact condition, why it breaks manage-out, the PowerShell and netsh remediation (example values where a "
                + "diagnosis fills in what the evidence proves), verification, rollback, sources, and what rests on UNVERIFIED facts.")
            .WithExamples(DiagnosticsExamples.Catalog);

        var collectors = app.MapGroup("api/v1/collectors").WithTags("Diagnostics");

        collectors.MapGet("windows.ps1", GetWindowsCollector)
            .WithName("GetWindowsCollector")
            .WithDescription("The read-only evidence collector for Windows PowerShell 5.1 and PowerShell 7 (no module installs; only "
                + "Get-* cmdlets and netsh ... show). Run it on the host, elevated, and send what it prints (one JSON document) as "
                + "evidence.collector of POST /api/v1/diagnostics. Served as text/plain; save it with a .ps1 extension.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .WithExamples(DiagnosticsExamples.Collector);

        return app;
    }

    /// <summary>Diagnose a host's ISATAP manage-out from its evidence.</summary>
    public static Results<Ok<Diagnosis>, ProblemHttpResult> Diagnose(DiagnosisRequest request)
    {
        var result = HostDiagnostics.Diagnose(request);
        return result.Diagnosis is { } diagnosis ? TypedResults.Ok(diagnosis) : EngineProblems.FromValidation(result.Validation);
    }

    /// <summary>List every finding code with its documentation.</summary>
    public static Ok<IReadOnlyList<CatalogEntry>> GetCatalog() => TypedResults.Ok(HostDiagnostics.Catalog);

    /// <summary>Download the read-only Windows evidence collector.</summary>
    public static ContentHttpResult GetWindowsCollector() => TypedResults.Text(HostDiagnostics.CollectorScript(), HostDiagnostics.CollectorMediaType);
}
