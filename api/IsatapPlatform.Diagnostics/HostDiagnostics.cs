using IsatapPlatform.Diagnostics.Catalog;
using IsatapPlatform.Diagnostics.Collector;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Facts;
using IsatapPlatform.Diagnostics.Remediation;
using IsatapPlatform.Diagnostics.Rules;
using IsatapPlatform.Diagnostics.Validation;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Diagnostics;

/// <summary>The diagnostics engine's entry point: evidence in, findings and the exact fix out. No HTTP.</summary>
/// <example>
/// <code>
/// var result = HostDiagnostics.Diagnose(request);
/// if (!result.IsValid) return TypedResults.ValidationProblem(result.Validation.ToProblemErrors());
/// return TypedResults.Ok(result.Diagnosis);
/// </code>
/// </example>
public static class HostDiagnostics
{
    /// <summary>Validates without diagnosing.</summary>
    public static ValidationResult Validate(DiagnosisRequest? request) => DiagnosisRequestValidator.Validate(request);

    /// <summary>Validates and, when valid, diagnoses. Never throws for any evidence content: what cannot be read
    /// becomes the finding <c>evidence.unrecognized</c>.</summary>
    public static DiagnosisResult Diagnose(DiagnosisRequest? request)
    {
        var (errors, spec) = DiagnosisRequestValidator.Check(request);
        return spec is null
            ? new DiagnosisResult(null, new ValidationResult(errors))
            : new DiagnosisResult(Run(spec), new ValidationResult([]));
    }

    private static Diagnosis Run(DiagnosisSpec spec)
    {
        var model = new HostModel(spec);
        EvidenceReader.Read(model);
        var ctx = RuleEngine.Run(model);
        var findings = ctx.Findings.ToList();
        return new Diagnosis(!findings.Any(f => f.Severity == Severity.Error), FactsWriter.Write(ctx), findings, RemediationAssembler.Assemble(ctx));
    }

    /// <summary>The read-only evidence collector (<c>GET /api/v1/collectors/windows.ps1</c>, <see cref="CollectorMediaType"/>).</summary>
    public static string CollectorScript() => CollectorScriptResource.Text;

    /// <summary>The media type to serve <see cref="CollectorScript"/> with.</summary>
    public const string CollectorMediaType = "text/plain; charset=utf-8";

    /// <summary>The finding catalog (<c>GET /api/v1/diagnostics/catalog</c>).</summary>
    public static IReadOnlyList<CatalogEntry> Catalog => FindingCatalog.Entries;
}

/// <summary>The outcome of <see cref="HostDiagnostics.Diagnose"/>: a diagnosis, or validation errors.</summary>
public sealed class DiagnosisResult
{
    internal DiagnosisResult(Diagnosis? diagnosis, ValidationResult validation)
    {
        Diagnosis = diagnosis;
        Validation = validation;
    }

    /// <summary>True when the request was valid and <see cref="Diagnosis"/> is set.</summary>
    public bool IsValid => Diagnosis is not null;

    /// <summary>The diagnosis (null when invalid).</summary>
    public Diagnosis? Diagnosis { get; }

    /// <summary>The field errors (empty when valid).</summary>
    public ValidationResult Validation { get; }
}
