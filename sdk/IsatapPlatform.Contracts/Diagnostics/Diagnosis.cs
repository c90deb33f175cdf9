using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Contracts.Diagnostics;

/// <summary>The response of <c>POST /api/v1/diagnostics</c>.</summary>
/// <param name="Healthy">True when no finding is an <see cref="Severity.Error"/>.</param>
/// <param name="Host">The facts the engine read from the evidence.</param>
/// <param name="Findings">What is wrong (or worth knowing), errors first.</param>
/// <param name="Remediation">The fix: ordered steps in the ISATAP plan step shape, plus the host's steps as one script.</param>
public sealed record Diagnosis(bool Healthy, HostFacts Host, IReadOnlyList<Finding> Findings, Remediation Remediation);

/// <summary>One finding. Each code appears at most once per diagnosis; the catalog
/// (<c>GET /api/v1/diagnostics/catalog</c>) documents every code.</summary>
/// <param name="Code">Stable code, e.g. <c>isatap.link-local-only</c> (the catalog lists every code).</param>
/// <param name="Severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Title">One line.</param>
/// <param name="Detail">What the evidence shows, why it matters and what to do, for this host.</param>
/// <param name="Evidence">The evidence lines that triggered it, as pasted (trimmed, at most 300 characters each), or
/// <c>collector.&lt;path&gt; = value</c> for collector values. Hostile input is echoed here: render as text, never as HTML.</param>
public sealed record Finding(string Code, Severity Severity, string Title, string Detail, IReadOnlyList<string> Evidence);

/// <summary>The fix, in order.</summary>
/// <param name="Steps">Every step, in the same shape as ISATAP plan steps. Steps whose <c>target</c> is not the
/// diagnosed host (a DNS server, a GPO) are included but are not part of <see cref="Powershell"/>.</param>
/// <param name="Powershell">One idempotent script with the diagnosed host's steps in order; it refuses to run on
/// any other computer. When nothing is to be done it only says so.</param>
/// <param name="Netsh">The cmd.exe equivalents (netsh and friends) of every step that has one, in order.</param>
public sealed record Remediation(IReadOnlyList<PlanStep> Steps, string Powershell, string Netsh);
