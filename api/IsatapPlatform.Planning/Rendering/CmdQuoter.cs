namespace IsatapPlatform.Planning.Rendering;

/// <summary>Quotes one argument for a cmd.exe command line (netsh, dnscmd) typed at a prompt or placed in a .cmd file.</summary>
/// <remarks>cmd.exe has no escape inside double quotes: a <c>"</c> ends the quoting, <c>%VAR%</c> expands even
/// inside quotes (and needs <c>%%</c> in a batch file but not at the prompt, so no single spelling is safe in
/// both), <c>!</c> expands under delayed expansion, and control characters or non-ASCII text depend on the
/// console code page. Those are refused. Anything else inside double quotes is literal
/// (<c>&amp; | &lt; &gt; ^ ( )</c> included). A value made only of <c>A-Z a-z 0-9 . - _ : /</c> and <c>\</c>
/// is written bare, as Microsoft's examples do.</remarks>
public static class CmdQuoter
{
    private static bool IsBareSafe(char c)
        => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' or '_' or ':' or '/' or '\\';

    /// <summary>The argument, bare when that is safe, otherwise in double quotes; refuses what cmd.exe cannot carry.</summary>
    /// <exception cref="UnsafeShellValueException">The value contains <c>" % !</c>, a control character or non-ASCII text, or is empty.</exception>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0) throw new UnsafeShellValueException("cmd.exe", "the value is empty");
        bool bare = true;
        foreach (char c in value)
        {
            if (c is '"' or '%' or '!') throw new UnsafeShellValueException("cmd.exe", $"'{c}' cannot be quoted for cmd.exe");
            if (c < 0x20 || c >= 0x7F) throw new UnsafeShellValueException("cmd.exe", "control characters and non-ASCII text depend on the console code page");
            if (!IsBareSafe(c)) bare = false;
        }
        // A trailing backslash would escape the closing quote for programs that parse with CommandLineToArgvW.
        if (!bare && value[^1] == '\\') throw new UnsafeShellValueException("cmd.exe", "a quoted value cannot end with a backslash");
        return bare ? value : "\"" + value + "\"";
    }

    /// <summary>A netsh <c>key=value</c> token with the value quoted by <see cref="Quote"/>.</summary>
    public static string KeyValue(string key, string value) => key + "=" + Quote(value);
}
