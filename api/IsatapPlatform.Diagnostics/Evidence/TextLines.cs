using System.Globalization;
using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Diagnostics;

namespace IsatapPlatform.Diagnostics.Evidence;

/// <summary>Span helpers shared by the text parsers. Nothing here throws on any input.</summary>
internal static class TextLines
{
    /// <summary>Longest evidence line echoed in a finding.</summary>
    public const int MaxEchoLength = 300;

    /// <summary>Most lines a parser looks at (a 200-line ipconfig is far below; the request limit caps the rest).</summary>
    public const int MaxLines = 50_000;

    /// <summary>Every line (any of CR, LF, CRLF, NEL, LS, PS), trailing white space removed, no-break spaces (text
    /// copied from a web page or a chat) read as spaces.</summary>
    public static List<string> Split(string text)
    {
        var lines = new List<string>(Math.Min(1024, text.Length / 32 + 4));
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (lines.Count >= MaxLines) break;
            var s = line.TrimEnd().ToString();
            lines.Add(s.Contains('\u00A0') ? s.Replace('\u00A0', ' ') : s);
        }
        return lines;
    }

    /// <summary>A line as echoed in a finding or a fact: trimmed, control characters and unpaired surrogates
    /// replaced, at most 300 characters (never cutting a surrogate pair), so the response always serializes.</summary>
    public static string Echo(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        int n = Math.Min(line.Length, MaxEchoLength);
        if (n < line.Length && n > 0 && char.IsHighSurrogate(line[n - 1])) n--;
        var sb = new System.Text.StringBuilder(n + 1);
        for (int i = 0; i < n; i++)
        {
            char c = line[i];
            if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(line[i + 1])) { sb.Append(c).Append(line[++i]); continue; }
            sb.Append(char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c);
        }
        if (n < line.Length) sb.Append('…');
        return sb.ToString();
    }

    /// <summary>True when the text has no control characters and no unpaired surrogates (safe to quote into a script
    /// and to serialize).</summary>
    public static bool IsWellFormed(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085') return false;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return false;
        }
        return true;
    }

    public static bool IsIndented(string line) => line.Length > 0 && (line[0] == ' ' || line[0] == '\t' || line[0] == '\u3000');

    /// <summary>A decimal interface index of 1-9 digits (ifIndex is a positive 32-bit number).</summary>
    public static bool TryIndex(ReadOnlySpan<char> s, out int index)
    {
        index = 0;
        s = s.Trim();
        if (s.Length is 0 or > 9) return false;
        foreach (char c in s) if (!char.IsAsciiDigit(c)) return false;
        return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index > 0;
    }

    public static bool TryIndex(string? s, out int index)
    {
        index = 0;
        return s is not null && TryIndex(s.AsSpan(), out index);
    }

    /// <summary>True when the text has more '(' or '{' than closing ones: a console wrap cut it (REFERENCE §6.1).</summary>
    public static bool HasUnclosedBracket(ReadOnlySpan<char> s)
    {
        int round = 0, curly = 0;
        foreach (char c in s)
        {
            if (c is '(' or '（') round++;
            else if (c is ')' or '）') round = Math.Max(0, round - 1);
            else if (c == '{') curly++;
            else if (c == '}') curly = Math.Max(0, curly - 1);
        }
        return round > 0 || curly > 0;
    }

    /// <summary>A hardware address: at least six hex pairs joined by '-' (ISATAP: 00-00-00-00-00-00-00-E0).</summary>
    public static bool IsMacAddress(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (s.Length < 17 || (s.Length + 1) % 3 != 0) return false;
        for (int i = 0; i < s.Length; i++)
        {
            bool dash = i % 3 == 2;
            if (dash ? s[i] != '-' : !char.IsAsciiHexDigit(s[i])) return false;
        }
        return true;
    }

    /// <summary>Parses an address value as ipconfig, netsh and Get-NetIPAddress print it: optional <c>%zone</c>,
    /// optional state suffix in parentheses (<c>(Preferred)</c>, <c>(Bevorzugt)</c>, <c>(優先)</c>, full-width
    /// parentheses too, or cut off by a wrap), surrounding white space.</summary>
    public static bool TryParseAddress(ReadOnlySpan<char> value, string line, out ParsedAddress address)
    {
        address = null!;
        value = value.Trim();
        if (value.Length is 0 or > 200) return false;
        var state = AddressState.Unknown;
        int open = value.LastIndexOfAny('(', '（');
        if (open >= 0)
        {
            var suffix = value[(open + 1)..];
            int close = suffix.IndexOfAny(')', '）');
            if (close >= 0)
            {
                if (!suffix[(close + 1)..].Trim().IsEmpty) return false;
                suffix = suffix[..close];
            }
            state = StateOf(suffix);
            value = value[..open].TrimEnd();
        }
        string? zone = null;
        int pct = value.IndexOf('%');
        if (pct >= 0)
        {
            var z = value[(pct + 1)..].Trim();
            if (z.IsEmpty || z.Length > 64) return false;
            zone = z.ToString();
            value = value[..pct];
        }
        if (value.Contains(':'))
        {
            if (!IPv6Address.TryParse(value, out var v6, out _)) return false;
            address = new ParsedAddress(v6, null, zone, null, state, line);
            return true;
        }
        if (zone is null && value.Length >= 7 && IPv4Address.TryParse(value, out var v4, out _))
        {
            address = new ParsedAddress(null, v4, null, null, state, line);
            return true;
        }
        return false;
    }

    /// <summary>The address state for a state word. English words are what Windows prints; the German, French,
    /// Chinese and Japanese "preferred" words are from real ipconfig samples (REFERENCE §6.1). The localized
    /// words for the other states are UNVERIFIED guesses; an unknown word yields <see cref="AddressState.Unknown"/>.</summary>
    public static AddressState StateOf(ReadOnlySpan<char> word)
    {
        word = word.Trim();
        if (word.IsEmpty || word.Length > 40) return AddressState.Unknown;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        ReadOnlySpan<char> w = lower;
        if (w is "preferred" or "bevorzugt" or "préféré" or "préférée" or "prefere" or "首选" or "優先" or "preferido" or "preferito") return AddressState.Preferred;
        // A console wrap inside the word: REFERENCE §6.1 shows "(Pre" + newline + "erred)".
        if (w.StartsWith("pre") && w.EndsWith("erred")) return AddressState.Preferred;
        if (w is "deprecated" or "veraltet" or "déconseillé" or "deconseille" or "obsolète" or "已弃用" or "已否决" or "不推荐" or "非推奨") return AddressState.Deprecated;
        if (w is "tentative" or "vorläufig" or "provisoire" or "暂定" or "仮") return AddressState.Tentative;
        if (w is "duplicate" or "doppelt" or "dupliqué" or "重复" or "重複") return AddressState.Duplicate;
        if (w is "invalid" or "ungültig" or "non valide") return AddressState.Invalid;
        return AddressState.Unknown;
    }

    /// <summary>Whole-word, case-insensitive search for the first of <paramref name="words"/>.</summary>
    public static bool ContainsAny(ReadOnlySpan<char> text, ReadOnlySpan<string> words)
    {
        foreach (var w in words)
            if (text.Contains(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Splits on runs of white space, at most <paramref name="max"/> tokens (the last takes the rest).</summary>
    public static int Tokens(ReadOnlySpan<char> line, Span<Range> tokens, int max)
    {
        int count = 0, i = 0;
        while (i < line.Length && count < max)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
            if (i >= line.Length) break;
            int start = i;
            if (count == max - 1)
            {
                int end = line.Length;
                while (end > start && char.IsWhiteSpace(line[end - 1])) end--;
                tokens[count++] = start..end;
                break;
            }
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
            tokens[count++] = start..i;
        }
        return count;
    }
}
