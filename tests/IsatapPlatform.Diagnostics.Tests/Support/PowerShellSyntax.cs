using System.Collections.Frozen;
using IsatapPlatform.Contracts.Diagnostics;

namespace IsatapPlatform.Diagnostics.Tests.Support;

/// <summary>What PowerShell the diagnostics engine serves may contain: its allow-lists, and where its scripts are. The
/// parser walk itself is <see cref="PowerShellSafety"/> (tests/IsatapPlatform.Testing), shared with the plan engine's tests.</summary>
internal static class PowerShellSyntax
{
    /// <summary>Every command a remediation script may invoke. Anything else (Invoke-Expression, iex, &amp; $x,
    /// Start-Process, an injected name) fails the tests.</summary>
    public static readonly FrozenSet<string> RemediationAllowList = new[]
    {
        "Get-NetIsatapConfiguration", "Set-NetIsatapConfiguration", "Reset-NetIsatapConfiguration",
        "Get-NetAdapter", "Get-RemoteAccess", "Get-NetIPInterface", "Set-NetIPInterface", "Get-NetIPAddress",
        "Get-NetRoute", "New-NetRoute", "Remove-NetRoute",
        "Get-DnsServerResourceRecord", "Add-DnsServerResourceRecordA", "Remove-DnsServerResourceRecord", "Resolve-DnsName",
        "Get-NetFirewallRule", "Set-NetFirewallRule",
        "Get-ItemProperty", "New-ItemProperty", "Set-ItemProperty", "Remove-ItemProperty",
        "Get-Service", "Set-Service", "Start-Service", "Stop-Service",
        "Get-Content", "Set-Content", "Test-Path", "New-Item", "Remove-Item", "Join-Path", "ConvertTo-Json", "ConvertFrom-Json",
        "Where-Object", "ForEach-Object", "Select-Object", "Write-Output", "Out-Null",
        "gpupdate",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The catalog's example commands: the remediation list plus a reachability check.</summary>
    public static readonly FrozenSet<string> CatalogAllowList = RemediationAllowList.Append("Test-Connection").ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The collector may only read: Get- cmdlets, pipeline plumbing, netsh's show commands and its own functions.</summary>
    public static readonly FrozenSet<string> CollectorAllowList = new[]
    {
        "Get-CimInstance", "Get-ItemProperty", "Get-NetIsatapConfiguration", "Get-NetAdapter", "Get-NetIPInterface", "Get-NetIPAddress",
        "Get-NetRoute", "Get-Service", "Resolve-DnsName", "Get-Command", "Get-RemoteAccess", "Get-NetFirewallRule",
        "Select-Object", "Where-Object", "ForEach-Object", "ConvertTo-Json", "netsh",
        "Add-CollectorError", "Get-RegistryValue", "ConvertTo-UInt32",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Zero parse errors, every command on the allow-list (<see cref="RemediationAllowList"/> unless given), and
    /// (when given) the marker only inside single-quoted string literals or comments, which PowerShell never expands or executes.</summary>
    public static void AssertSafe(string script, string context, string? marker = null, FrozenSet<string>? allowList = null)
        => PowerShellSafety.AssertSafe(script, context, allowList ?? RemediationAllowList, marker, markerMayBeInComments: true);

    /// <summary>Every PowerShell text of a diagnosis: each step's script, verify and rollback, and the combined script.</summary>
    public static IEnumerable<(string Context, string Script)> Scripts(Diagnosis d)
    {
        foreach (var s in d.Remediation.Steps)
        {
            yield return ($"step {s.Order} {s.Id} powershell", s.Powershell);
            yield return ($"step {s.Order} {s.Id} verify", s.Verify.Powershell);
            yield return ($"step {s.Order} {s.Id} rollback", s.Rollback.Powershell);
        }
        yield return ("remediation.powershell", d.Remediation.Powershell);
    }
}
