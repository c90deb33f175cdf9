namespace IsatapPlatform.Contracts.Plans;

/// <summary>The response of <c>POST /api/v1/isatap/plans</c>: warnings, ordered steps and artifacts.</summary>
public sealed record Plan(IReadOnlyList<PlanWarning> Warnings, IReadOnlyList<PlanStep> Steps, IReadOnlyList<PlanArtifact> Artifacts);

/// <summary>A warning with a stable code (see <see cref="WarningCodes"/>).</summary>
public sealed record PlanWarning(string Code, string Message);

/// <summary>One step. Run steps in <see cref="Order"/>; each is idempotent where its commands allow it
/// (check, then act) and carries its own verification and rollback.</summary>
/// <param name="Order">1-based position.</param>
/// <param name="Id">Stable id, unique within the plan (kebab case).</param>
/// <param name="Target">Where it runs.</param>
/// <param name="Title">One line.</param>
/// <param name="Why">Why the step exists and what to watch out for.</param>
/// <param name="Powershell">The Windows PowerShell script (runs as administrator on the step's target).</param>
/// <param name="Netsh">The cmd.exe equivalent (netsh, or dnscmd for DNS steps), or null when there is none.</param>
/// <param name="Verify">How to check the step worked.</param>
/// <param name="Rollback">How to undo it.</param>
public sealed record PlanStep(
    int Order, string Id, StepTarget Target, string Title, string Why,
    string Powershell, string? Netsh, StepVerification Verify, StepRollback Rollback);

/// <summary>A verification script (throws on failure) and what a healthy result looks like.</summary>
public sealed record StepVerification(string Powershell, string Expect);

/// <summary>A rollback script.</summary>
public sealed record StepRollback(string Powershell);

/// <summary>A file of the plan: every step's scripts plus the .reg, HOSTS and scheduled-task files.</summary>
/// <param name="FileName">A flat file name (no directories).</param>
/// <param name="MediaType">For example <c>text/plain</c>; PowerShell is <c>text/x-powershell</c>.</param>
/// <param name="Content">The text. The bundle writes .reg files as UTF-16LE with BOM, .ps1 as UTF-8 with
/// BOM (Windows PowerShell 5.1 reads BOM-less files in the ANSI code page), the rest as UTF-8; line ends CRLF.</param>
public sealed record PlanArtifact(string FileName, string MediaType, string Content);
