using System.Text;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Diagnostics.Catalog;

/// <summary>Renders <see cref="FindingCatalog"/> as the Markdown document <c>docs/finding-catalog.md</c>
/// (a test keeps the committed file equal to this output).</summary>
public static class CatalogMarkdown
{
    /// <summary>The whole document, LF line ends.</summary>
    public static string Render()
    {
        var sb = new StringBuilder(32 * 1024);
        sb.Append("# Diagnosis finding catalog\n\n")
          .Append("Generated from `FindingCatalog` (IsatapPlatform.Diagnostics) by `CatalogMarkdown.Render()`; do not edit by hand. ")
          .Append("Section numbers refer to `../shared/domain/REFERENCE.md`. Example values in the commands (index 12, `isatap-mo.corp.contoso.com`, ")
          .Append("`10.0.0.1`, `fd7f:f787:2112:1::/64`) stand for what a diagnosis fills in from the evidence.\n\n")
          .Append("| Code | Severity | Applies to | Title |\n|---|---|---|---|\n");
        foreach (var e in FindingCatalog.Entries)
            sb.Append("| [`").Append(e.Code).Append("`](#").Append(Anchor(e.Code)).Append(") | ").Append(ContractNames.Of(e.Severity))
              .Append(" | ").Append(string.Join(", ", e.AppliesTo.Select(r => ContractNames.Of(r)))).Append(" | ").Append(e.Title).Append(" |\n");
        foreach (var e in FindingCatalog.Entries)
        {
            sb.Append("\n## ").Append(e.Code).Append("\n\n")
              .Append("**").Append(e.Title).Append("** — severity `").Append(ContractNames.Of(e.Severity)).Append("`; applies to ")
              .Append(string.Join(", ", e.AppliesTo.Select(r => "`" + ContractNames.Of(r) + "`"))).Append(".\n\n")
              .Append("- **Condition:** ").Append(e.Condition).Append('\n')
              .Append("- **Why:** ").Append(e.Why).Append('\n')
              .Append("- **Verification:** ").Append(e.Verification).Append('\n')
              .Append("- **Rollback:** ").Append(e.Rollback).Append('\n')
              .Append("- **Sources:** ").Append(string.Join(", ", e.Sources)).Append('\n');
            if (e.Unverified is not null) sb.Append("- **UNVERIFIED:** ").Append(e.Unverified).Append('\n');
            sb.Append("\nPowerShell:\n\n```powershell\n").Append(e.RemediationPowershell.TrimEnd()).Append("\n```\n");
            if (e.RemediationNetsh is not null) sb.Append("\ncmd.exe:\n\n```bat\n").Append(e.RemediationNetsh.TrimEnd()).Append("\n```\n");
        }
        return sb.ToString();
    }

    private static string Anchor(string code) => new(code.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
}
