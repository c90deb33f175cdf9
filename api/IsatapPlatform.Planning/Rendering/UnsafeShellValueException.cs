namespace IsatapPlatform.Planning.Rendering;

/// <summary>A value holds a character that cannot be carried safely in the target syntax (cmd.exe,
/// a .reg file, a HOSTS line). Validation refuses such values first; this is the second line.</summary>
public sealed class UnsafeShellValueException(string syntax, string reason)
    : ArgumentException($"A value cannot be written safely as {syntax}: {reason}.")
{
    /// <summary>The syntax that refused the value ("cmd.exe", ".reg", "HOSTS").</summary>
    public string Syntax { get; } = syntax;
}
