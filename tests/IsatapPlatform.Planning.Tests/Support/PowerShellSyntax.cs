using System.Collections.Frozen;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Planning.Tests.Support;

/// <summary>What generated PowerShell may contain: the plan engine's allow-list, and where its scripts are. The parser
/// walk itself is <see cref="PowerShellSafety"/> (tests/IsatapPlatform.Testing).</summary>
internal static class PowerShellSyntax
{
    /// <summary>Every command a generated script may invoke. Anything else (Invoke-Expression, iex, &amp; $x,
    /// Start-Process, an injected name) fails the tests.</summary>
    public static readonly FrozenSet<string> AllowList = new[]
    {
        // DNS Server module (REFERENCE §2.4) and the DNS client
        "Get-DnsServerGlobalQueryBlockList", "Set-DnsServerGlobalQueryBlockList", "Get-DnsServerResourceRecord",
        "Add-DnsServerResourceRecordA", "Add-DnsServerResourceRecordAAAA", "Add-DnsServerResourceRecordCName",
        "Remove-DnsServerResourceRecord", "Resolve-DnsName",
        // NetworkTransition / NetTCPIP / NetAdapter / RemoteAccess (REFERENCE §4.1, §4.2)
        "Get-NetIsatapConfiguration", "Set-NetIsatapConfiguration", "Reset-NetIsatapConfiguration",
        "Get-NetAdapter", "Get-RemoteAccess", "Get-NetIPInterface", "Set-NetIPInterface", "Get-NetIPAddress",
        "Get-NetRoute", "New-NetRoute", "Remove-NetRoute",
        // Scheduled tasks (REFERENCE §5.3)
        "Register-ScheduledTask", "Unregister-ScheduledTask", "Get-ScheduledTask", "New-ScheduledTaskAction", "New-ScheduledTaskTrigger",
        // GroupPolicy and ActiveDirectory modules
        "New-GPO", "Get-GPO", "Remove-GPO", "Get-GPRegistryValue", "Set-GPRegistryValue", "Remove-GPRegistryValue",
        "Get-GPPermission", "Set-GPPermission", "Get-GPInheritance", "New-GPLink", "Remove-GPLink",
        "Get-ADGroupMember", "Add-ADGroupMember", "Remove-ADGroupMember",
        // Registry, files, services, state
        "Get-ItemProperty", "New-ItemProperty", "Set-ItemProperty", "Remove-ItemProperty", "Get-Service",
        "Get-Content", "Set-Content", "Add-Content", "Test-Path", "New-Item", "Remove-Item", "Join-Path",
        "ConvertTo-Json", "ConvertFrom-Json",
        // Pipeline plumbing and output
        "Where-Object", "ForEach-Object", "Select-Object", "Write-Output", "Write-Warning", "Out-Null", "Start-Sleep",
        "Test-Connection",
        // Native tools
        "netsh", "gpupdate",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Zero parse errors, every command on <see cref="AllowList"/>, and (when given) the marker only inside
    /// single-quoted string literals, which PowerShell never expands or executes.</summary>
    public static void AssertSafe(string script, string context, string? marker = null)
        => PowerShellSafety.AssertSafe(script, context, AllowList, marker);

    /// <summary>Every PowerShell text of a plan: each step's script, verify and rollback, and every .ps1 artifact.</summary>
    public static IEnumerable<(string Context, string Script)> Scripts(Plan plan)
    {
        foreach (var s in plan.Steps)
        {
            yield return ($"step {s.Order} {s.Id} powershell", s.Powershell);
            yield return ($"step {s.Order} {s.Id} verify", s.Verify.Powershell);
            yield return ($"step {s.Order} {s.Id} rollback", s.Rollback.Powershell);
        }
        foreach (var a in plan.Artifacts.Where(a => a.FileName.EndsWith(".ps1", StringComparison.Ordinal)))
            yield return ($"artifact {a.FileName}", a.Content);
    }
}
