using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Planning.Plans;

/// <summary>A step before it is numbered.</summary>
internal sealed record StepDraft(
    string Id, StepTarget Target, string Title, string Why,
    string Powershell, string? Netsh, string Verify, string Expect, string Rollback);

/// <summary>An extra file (not a step script).</summary>
internal sealed record ExtraArtifact(string FileName, string MediaType, string Content);

/// <summary>Media types of artifacts.</summary>
public static class MediaTypes
{
    /// <summary>PowerShell scripts (.ps1).</summary>
    public const string PowerShell = "text/x-powershell";
    /// <summary>cmd.exe scripts (.cmd).</summary>
    public const string Cmd = "text/x-msdos-batch";
    /// <summary>Registry files (.reg).</summary>
    public const string Reg = "text/x-ms-regedit";
    /// <summary>Plain text (.txt).</summary>
    public const string Text = "text/plain";
}
