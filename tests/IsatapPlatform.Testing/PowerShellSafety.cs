using System.Management.Automation.Language;
using Xunit;

namespace IsatapPlatform.Testing;

/// <summary>Checks PowerShell with the real parser (Microsoft.PowerShell.SDK 7.6.9). Each test project keeps its own
/// allow-lists and its own enumeration of the scripts it generates; the walker is shared.</summary>
public static class PowerShellSafety
{
    public sealed record Result(IReadOnlyList<string> Errors, IReadOnlyList<CommandAst> Commands, IReadOnlyList<Token> Tokens, Ast Ast)
    {
        /// <summary>Each command's name; null where it is dynamic (<c>&amp; $x</c>).</summary>
        public IEnumerable<string?> CommandNames => Commands.Select(c => c.GetCommandName());
    }

    public static Result Parse(string script)
    {
        var ast = Parser.ParseInput(script, out Token[] tokens, out ParseError[] errors);
        var commands = ast.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>().ToArray();
        return new Result(errors.Select(e => $"{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber} {e.Message}").ToArray(), commands, Flatten(tokens).ToArray(), ast);
    }

    /// <summary>The tokens, with the tokens nested in expandable strings (<c>"$(...)"</c>) after their string.</summary>
    public static IEnumerable<Token> Flatten(IEnumerable<Token> tokens)
    {
        foreach (var t in tokens)
        {
            yield return t;
            if (t is StringExpandableToken { NestedTokens: { } nested })
                foreach (var n in Flatten(nested)) yield return n;
        }
    }

    /// <summary>Zero parse errors, every command on the allow-list, and (when given) the marker only inside
    /// single-quoted string literals, which PowerShell never expands or executes; or also inside comments, when
    /// <paramref name="markerMayBeInComments"/>.</summary>
    public static void AssertSafe(string script, string context, IReadOnlySet<string> allowList, string? marker = null, bool markerMayBeInComments = false)
    {
        var r = Parse(script);
        Assert.True(r.Errors.Count == 0, $"{context}: parse errors: {string.Join(" | ", r.Errors)}\n{script}");
        foreach (var c in r.CommandNames)
            Assert.True(c is not null && allowList.Contains(c), $"{context}: command '{c ?? "<dynamic>"}' is not on the allow-list\n{script}");
        if (marker is null) return;
        foreach (var t in r.Tokens)
            if (t.Text.Contains(marker, StringComparison.OrdinalIgnoreCase))
                Assert.True(t.Kind == TokenKind.StringLiteral || (markerMayBeInComments && t.Kind == TokenKind.Comment), $"{context}: '{marker}' appears in a {t.Kind} token '{t.Text}'\n{script}");
        foreach (var s in r.Ast.FindAll(a => a is StringConstantExpressionAst, true).Cast<StringConstantExpressionAst>())
            if (s.Value.Contains(marker, StringComparison.OrdinalIgnoreCase))
                Assert.True(s.StringConstantType == StringConstantType.SingleQuoted, $"{context}: '{marker}' is in a {s.StringConstantType} string");
    }
}
