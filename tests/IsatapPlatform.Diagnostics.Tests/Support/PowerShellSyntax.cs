using System.Collections.Frozen;
using System.Management.Automation.Language;
using IsatapPlatform.Diagnostics.Contract;

namespace IsatapPlatform.Diagnostics.Tests.Support;

/// <summary>Checks PowerShell with the real parser (Microsoft.PowerShell.SDK 7.6.9). Adapted from the plan
/// engine's tests (tests/IsatapPlatform.Planning.Tests/Support/PowerShellSyntax.cs): a test project cannot
/// reference another test project, so the walker is copied; only the allow-lists differ.</summary>
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

    public sealed record Result(IReadOnlyList<string> Errors, IReadOnlyList<CommandAst> Commands, IReadOnlyList<Token> Tokens, Ast Ast)
    {
        public IEnumerable<string?> CommandNames => Commands.Select(c => c.GetCommandName());
    }

    public static Result Parse(string script)
    {
        var ast = Parser.ParseInput(script, out Token[] tokens, out ParseError[] errors);
        var commands = ast.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>().ToArray();
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
    /// single-quoted string literals or comments, which PowerShell never expands or executes.</summary>
    public static void AssertSafe(string script, string context, string? marker = null, FrozenSet<string>? allowList = null)
    {
        allowList ??= RemediationAllowList;
        var r = Parse(script);
        Assert.True(r.Errors.Count == 0, $"{context}: parse errors: {string.Join(" | ", r.Errors)}\n{script}");
        foreach (var c in r.CommandNames)
            Assert.True(c is not null && allowList.Contains(c), $"{context}: command '{c ?? "<dynamic>"}' is not on the allow-list\n{script}");
        if (marker is null) return;
        foreach (var t in r.Tokens)
            if (t.Text.Contains(marker, StringComparison.OrdinalIgnoreCase))
                Assert.True(t.Kind is TokenKind.StringLiteral or TokenKind.Comment, $"{context}: '{marker}' appears in a {t.Kind} token '{t.Text}'\n{script}");
        foreach (var s in r.Ast.FindAll(a => a is StringConstantExpressionAst, true).Cast<StringConstantExpressionAst>())
            if (s.Value.Contains(marker, StringComparison.OrdinalIgnoreCase))
                Assert.True(s.StringConstantType == StringConstantType.SingleQuoted, $"{context}: '{marker}' is in a {s.StringConstantType} string");
    }

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
