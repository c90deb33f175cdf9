using IsatapPlatform.Addressing;

namespace IsatapPlatform.Planning.Rendering;

/// <summary>HOSTS file entries: <c>&lt;IPv4&gt; whitespace &lt;hostname&gt; [# comment]</c>, one per line
/// (REFERENCE §2.3). The file has no quoting at all, so the host name is re-checked here.</summary>
public static class HostsFileLine
{
    /// <summary>Where Windows keeps the file (<c>%SystemRoot%\System32\drivers\etc\hosts</c>).</summary>
    public const string WindowsPath = @"%SystemRoot%\System32\drivers\etc\hosts";

    /// <summary>The path below <c>$env:SystemRoot</c>, for Join-Path.</summary>
    public const string PathBelowSystemRoot = @"System32\drivers\etc\hosts";

    /// <summary>The marker comment that identifies our lines.</summary>
    public const string Comment = "# ISATAP router for DirectAccess manage-out (IsatapPlatform)";

    /// <summary>The line for <paramref name="hostName"/>.</summary>
    /// <exception cref="UnsafeShellValueException">The host name contains anything but letters, digits, '.' and '-'.</exception>
    public static string Line(IPv4Address address, string hostName)
    {
        if (hostName.Length == 0) throw new UnsafeShellValueException("HOSTS", "the host name is empty");
        foreach (char c in hostName)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
                throw new UnsafeShellValueException("HOSTS", "a HOSTS host name may contain only letters, digits, '.' and '-'");
        return $"{address}    {hostName}    {Comment}";
    }
}
