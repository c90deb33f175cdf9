using IsatapPlatform.Diagnostics.Catalog;
using IsatapPlatform.Diagnostics.Tests.Support;

namespace IsatapPlatform.Diagnostics.Tests.Findings;

/// <summary>Every code of the catalog is raised by realistic evidence, and every scenario raises its code.</summary>
public class ScenarioCoverageTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (code, name, _) in Scenarios.All) data.Add(code, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_scenario_raises_its_code(string code, string name)
    {
        var request = Scenarios.All.Single(s => s.Code == code && s.Name == name).Request;
        var d = Requests.Diagnose(request);
        Assert.True(d.Findings.Any(f => f.Code == code), $"{name}: expected {code}, got {string.Join(", ", d.Codes())}");
        var f = d.Single(code);
        Assert.False(string.IsNullOrWhiteSpace(f.Title));
        Assert.False(string.IsNullOrWhiteSpace(f.Detail));
    }

    [Fact]
    public void Every_catalog_code_has_a_scenario()
        => Assert.Empty(FindingCodes.All.Except(Scenarios.All.Select(s => s.Code)));
}
