namespace IsatapPlatform.Contracts;

/// <summary>Something the caller should know although the request succeeded (a permissive policy let
/// an RFC violation through, host bits were cleared). Codes are the same stable codes problems use.</summary>
/// <param name="Code">The stable machine-readable code, for example <c>nat64.wkp-non-global</c>.</param>
/// <param name="Message">A sentence for humans.</param>
public sealed record ApiWarning(string Code, string Message);
