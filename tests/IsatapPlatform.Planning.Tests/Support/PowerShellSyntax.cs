using System.Collections.Frozen;
using System.Management.Automation.Language;
using IsatapPlatform.Planning.Contract;

namespace IsatapPlatform.Planning.Tests.Support;

/// <summary>Checks generated PowerShell with the real parser (Microsoft.PowerShell.SDK 7.6.9).</summary>
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

    public sealed record Result(IReadOnlyList<string> Errors, IReadOnlyList<string?> Commands, IReadOnlyList<Token> Tokens, Ast Ast);

    public static Result Parse(string script)
    {
        var ast = Parser.ParseInput(script, out Token[] tokens, out ParseError[] errors);
        var commands = ast.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>().Select(c => c.GetCommandName()).ToArray();
        return new Result(errors.Select(e => $"{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber} {e.Message}").ToArray(), commands, Flatten(tokens).ToArray(), ast);
    }

    private static IEnumerable<Token> Flatten(IEnumerable<Token> tokens)
    {
        foreach (var t in tokens)
        {
            yield return t;
            if (t is StringExpandableToken { NestedTokens: { } nested })
                foreach (var n in Flatten(nested)) yield return n;
        }
    }

    /// <summary>Zero parse errors, every command on the allow-list, and (when given) the marker only inside
    /// single-quoted string literals, which PowerShell never expands or executes.</summary>
    public static void AssertSafe(string script, string context, string? marker = null)
    {
        var r = Parse(script);
        Assert.True(r.Errors.Count == 0, $"{context}: parse errors: {string.Join(" | ", r.Errors)}\n{script}");
        foreach (var c in r.Commands)
            Assert.True(c is not null && AllowList.Contains(c), $"{context}: command '{c ?? "<dynamic>"}' is not on the allow-list\n{script}");
        if (marker is null) return;
        foreach (var t in r.Tokens)
            if (t.Text.Contains(marker, StringComparison.OrdinalIgnoreCase))
                Assert.True(t.Kind == TokenKind.StringLiteral, $"{context}: '{marker}' appears in a {t.Kind} token '{t.Text}'\n{script}");
        foreach (var s in r.Ast.FindAll(a => a is StringConstantExpressionAst, true).Cast<StringConstantExpressionAst>())
            if (s.Value.Contains(marker, StringComparison.OrdinalIgnoreCase))
                Assert.True(s.StringConstantType == StringConstantType.SingleQuoted, $"{context}: '{marker}' is in a {s.StringConstantType} string");
    }

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
