using System.Text;

namespace IsatapPlatform.Planning.Rendering;

/// <summary>The only way a value enters a generated PowerShell script: as a single-quoted string literal.</summary>
/// <remarks>Inside single quotes PowerShell expands nothing (no <c>$</c>, no backtick escapes, no
/// subexpressions); the only special characters are the quote characters themselves, and PowerShell's
/// tokenizer treats the typographic quotes U+2018 ‘, U+2019 ’, U+201A ‚ and U+201B ‛ exactly like
/// <c>'</c>. A quote is escaped by doubling it, so every one of those five is doubled; everything else,
/// newlines and NUL included, is literal. The tests prove this with the real parser over a hostile
/// corpus, independently of validation.</remarks>
public static class PowerShellQuoter
{
    /// <summary>True for the characters PowerShell accepts as a single quote.</summary>
    public static bool IsSingleQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B';

    /// <summary>The single-quoted literal for <paramref name="value"/>.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 2);
        Append(sb, value);
        return sb.ToString();
    }

    /// <summary>Appends the single-quoted literal for <paramref name="value"/>.</summary>
    public static StringBuilder Append(StringBuilder sb, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        sb.Append('\'');
        foreach (char c in value)
        {
            if (IsSingleQuote(c)) sb.Append(c);
            sb.Append(c);
        }
        return sb.Append('\'');
    }

    /// <summary>A PowerShell array literal of single-quoted strings: <c>@('a', 'b')</c>.</summary>
    public static string Array(IEnumerable<string> values)
    {
        var sb = new StringBuilder("@(");
        bool first = true;
        foreach (var v in values)
        {
            if (!first) sb.Append(", ");
            Append(sb, v);
            first = false;
        }
        return sb.Append(')').ToString();
    }
}
