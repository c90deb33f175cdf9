namespace IsatapPlatform.Contracts.Diagnostics;

/// <summary>The documentation of one finding code: served by the API and rendered to
/// <c>docs/finding-catalog.md</c>.</summary>
/// <param name="Code">The stable code.</param>
/// <param name="Severity">The usual severity (the detail of a finding says when it differs).</param>
/// <param name="Title">One line.</param>
/// <param name="AppliesTo">The host roles the rule runs for.</param>
/// <param name="Condition">Exactly what in the evidence triggers it.</param>
/// <param name="Why">Why it breaks (or endangers) manage-out.</param>
/// <param name="RemediationPowershell">The fix in PowerShell. Example values on the first lines stand for what the
/// evidence proves; a diagnosis fills them in.</param>
/// <param name="RemediationNetsh">The fix with netsh (or another cmd.exe tool), or null when there is none.</param>
/// <param name="Verification">How to check the fix worked.</param>
/// <param name="Rollback">How to undo the fix.</param>
/// <param name="Sources">REFERENCE.md sections and source keys.</param>
/// <param name="Unverified">What the rule relies on that REFERENCE.md marks UNVERIFIED, or null.</param>
public sealed record CatalogEntry(
    string Code, Severity Severity, string Title, IReadOnlyList<HostRole> AppliesTo, string Condition, string Why,
    string RemediationPowershell, string? RemediationNetsh, string Verification, string Rollback,
    IReadOnlyList<string> Sources, string? Unverified);
