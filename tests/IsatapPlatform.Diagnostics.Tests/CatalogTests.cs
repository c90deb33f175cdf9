using IsatapPlatform.Diagnostics.Catalog;
using IsatapPlatform.Diagnostics.Tests.Support;

namespace IsatapPlatform.Diagnostics.Tests;

/// <summary>The catalog documents every code, its commands parse, and the generated document is committed.</summary>
public class CatalogTests
{
    [Fact]
    public void There_is_one_entry_per_code_in_code_order_covering_at_least_the_issues_codes()
    {
        Assert.Equal(FindingCodes.All, FindingCatalog.Entries.Select(e => e.Code));
        Assert.Equal(FindingCodes.All.Count, FindingCodes.All.Distinct().Count());
        string[] issue =
        [
            "isatap.adapter-missing", "isatap.media-disconnected", "isatap.link-local-only", "isatap.link-local-deprecated", "isatap.no-default-gateway",
            "isatap.router-mismatch", "isatap.disabled-by-policy", "os.isatap-default-off", "os.dns-client-bug", "registry.disabled-components",
            "service.iphlpsvc-not-running", "dns.router-unresolved", "dns.router-is-global-isatap", "server.forwarding-disabled", "server.advertising-disabled",
            "server.route-not-published", "server.multiple-isatap-interfaces", "topology.unsupported-load-balancer", "client.dns-registration-disabled",
            "client.edge-traversal-missing", "evidence.unrecognized",
        ];
        Assert.Empty(issue.Except(FindingCodes.All));
    }

    [Fact]
    public void Every_entry_is_complete_and_cites_its_sources()
    {
        foreach (var e in FindingCatalog.Entries)
        {
            foreach (var (field, value) in new[] { ("title", e.Title), ("condition", e.Condition), ("why", e.Why), ("powershell", e.RemediationPowershell), ("verification", e.Verification), ("rollback", e.Rollback) })
                Assert.False(string.IsNullOrWhiteSpace(value), $"{e.Code}: {field} is empty");
            Assert.NotEmpty(e.AppliesTo);
            Assert.NotEmpty(e.Sources);
            Assert.True(e.Sources.Any(s => s.StartsWith("REFERENCE", StringComparison.Ordinal)), $"{e.Code} cites no REFERENCE section");
            Assert.Same(e, FindingCatalog.Get(e.Code));
        }
        Assert.Null(FindingCatalog.Find("no.such-code"));
    }

    [Fact]
    public void Every_catalog_command_parses_and_uses_only_allow_listed_commands()
    {
        foreach (var e in FindingCatalog.Entries)
            PowerShellSyntax.AssertSafe(e.RemediationPowershell, e.Code, allowList: PowerShellSyntax.CatalogAllowList);
    }

    [Fact]
    public void The_committed_catalog_document_is_the_generated_one()
    {
        string path = Path.Combine(RepositoryRoot(), "api", "IsatapPlatform.Diagnostics", "docs", "finding-catalog.md");
        string generated = CatalogMarkdown.Render();
        if (Environment.GetEnvironmentVariable("UPDATE_CATALOG_DOC") == "1") File.WriteAllText(path, generated);
        Assert.True(File.Exists(path), $"{path} is missing: run the tests once with UPDATE_CATALOG_DOC=1");
        Assert.True(File.ReadAllText(path).ReplaceLineEndings("\n") == generated, $"{path} is stale: run the tests once with UPDATE_CATALOG_DOC=1");
        foreach (var code in FindingCodes.All) Assert.Contains($"## {code}", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_names_every_code()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "api", "IsatapPlatform.Diagnostics", "README.md"));
        foreach (var code in FindingCodes.All) Assert.Contains($"`{code}`", readme, StringComparison.Ordinal);
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IsatapPlatform.sln"))) return dir.FullName;
        throw new InvalidOperationException("IsatapPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
