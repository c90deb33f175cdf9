using System.Text;

namespace IsatapPlatform.Planning.Rendering;

/// <summary>Writes "Windows Registry Editor Version 5.00" files.</summary>
/// <remarks>String data is written in double quotes with <c>\</c> and <c>"</c> escaped by a backslash; a .reg
/// string cannot span lines, so control characters are refused.</remarks>
public static class RegFile
{
    /// <summary>The header line.</summary>
    public const string Header = "Windows Registry Editor Version 5.00";

    /// <summary>A double-quoted .reg string (value name or REG_SZ data).</summary>
    /// <exception cref="UnsafeShellValueException">The value contains a control character.</exception>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            if (char.IsControl(c)) throw new UnsafeShellValueException(".reg", "a .reg string cannot hold control characters or line breaks");
            if (c is '\\' or '"') sb.Append('\\');
            sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    /// <summary>A whole file that sets REG_SZ values under one key (the key is a constant of ours).</summary>
    public static string StringValues(string key, IEnumerable<(string Name, string Data)> values)
    {
        var sb = new StringBuilder().Append(Header).Append("\n\n[").Append(key).Append("]\n");
        foreach (var (name, data) in values) sb.Append(Quote(name)).Append('=').Append(Quote(data)).Append('\n');
        return sb.ToString();
    }

    /// <summary>A file that deletes values under one key (<c>"name"=-</c>).</summary>
    public static string DeleteValues(string key, IEnumerable<string> names)
    {
        var sb = new StringBuilder().Append(Header).Append("\n\n[").Append(key).Append("]\n");
        foreach (var name in names) sb.Append(Quote(name)).Append("=-\n");
        return sb.ToString();
    }
}
