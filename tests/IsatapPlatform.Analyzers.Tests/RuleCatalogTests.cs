using System.Reflection;
using IsatapPlatform.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace IsatapPlatform.Analyzers.Tests;

/// <summary>Every rule ID has a descriptor, a doc page with the required sections, a help link to
/// that page and a row in the release-tracking file that matches its category and severity.</summary>
public class RuleCatalogTests
{
    private static readonly string Root = FindRepositoryRoot();

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in RuleIds()) data.Add(id);
        return data;
    }

    private static IEnumerable<string> RuleIds()
        => typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(RuleIdentifiers.DocumentationBaseUri))
            .Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void The_eleven_fixed_ids_are_defined_once()
    {
        var ids = RuleIds().OrderBy(x => x, StringComparer.Ordinal).ToArray();
        Assert.Equal(Enumerable.Range(1, 11).Select(i => $"ISA{i:0000}"), ids);
        Assert.Equal(ids, Verify.AllDescriptors.Select(d => d.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Has_a_doc_page_and_a_help_link_to_it(string id)
    {
        var descriptor = Verify.AllDescriptors.First(d => d.Id == id);
        Assert.Equal(RuleIdentifiers.DocumentationBaseUri + id + ".md", descriptor.HelpLinkUri);
        Assert.EndsWith("/analyzers/docs/", RuleIdentifiers.DocumentationBaseUri, StringComparison.Ordinal);

        string page = File.ReadAllText(Path.Combine(Root, "analyzers", "docs", id + ".md"));
        Assert.StartsWith($"# {id}: {descriptor.Title}", page, StringComparison.Ordinal);
        foreach (var section in new[] { "## Rationale", "## Non-compliant code", "## Compliant code", "## Code fix" })
            Assert.Contains(section, page, StringComparison.Ordinal);
        Assert.Contains($"| Severity | {descriptor.DefaultSeverity} |", page, StringComparison.Ordinal);
        Assert.Contains($"| Category | {descriptor.Category} |", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Release_tracking_matches_the_descriptor(string id)
    {
        var descriptor = Verify.AllDescriptors.First(d => d.Id == id);
        var row = File.ReadAllLines(Path.Combine(Root, "analyzers", "IsatapPlatform.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Single(cells => cells[0] == id);
        Assert.Equal(descriptor.Category, row[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
    }

    [Fact]
    public void Severities_are_the_ones_the_issue_fixed()
    {
        var errors = new[] { "ISA0001", "ISA0002", "ISA0004", "ISA0005", "ISA0006", "ISA0010" };
        foreach (var d in Verify.AllDescriptors)
            Assert.Equal(errors.Contains(d.Id) ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, d.DefaultSeverity);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IsatapPlatform.sln"))) return dir.FullName;
        throw new InvalidOperationException("IsatapPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
