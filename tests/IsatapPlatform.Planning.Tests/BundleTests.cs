using System.IO.Compression;
using System.Text;
using IsatapPlatform.Planning.Bundles;
using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Tests.Support;

namespace IsatapPlatform.Planning.Tests;

/// <summary>The zip of POST /plans/bundle.</summary>
public class BundleTests
{
    private static readonly Plan Plan = Requests.Plan(Requests.Deploy(Topology.Nlb, ConfigurationMethod.GroupPolicy, Os.Windows10_1607, Os.Windows11));

    [Fact]
    public void The_zip_holds_the_readme_and_every_artifact()
    {
        using var zip = new ZipArchive(new MemoryStream(IsatapPlanner.CreateBundle(Plan)));
        Assert.Equal(["README.txt", .. Plan.Artifacts.Select(a => a.FileName)], zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void The_readme_lists_the_steps_in_order()
    {
        using var zip = new ZipArchive(new MemoryStream(IsatapPlanner.CreateBundle(Plan)));
        using var reader = new StreamReader(zip.GetEntry("README.txt")!.Open());
        string readme = reader.ReadToEnd();
        int last = -1;
        foreach (var s in Plan.Steps)
        {
            int at = readme.IndexOf($"\r\n{s.Order}. [{ContractNames.Of(s.Target)}] {s.Title}", StringComparison.Ordinal);
            Assert.True(at > last, $"step {s.Order} out of order");
            last = at;
        }
        Assert.Contains("[deprecation]", readme, StringComparison.Ordinal);
        Assert.Contains("isatap-manage-out.reg", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Encodings_and_line_ends_suit_Windows()
    {
        using var zip = new ZipArchive(new MemoryStream(IsatapPlanner.CreateBundle(Plan)));
        byte[] Read(string name)
        {
            using var ms = new MemoryStream();
            zip.GetEntry(name)!.Open().CopyTo(ms);
            return ms.ToArray();
        }
        var ps1 = Read(Plan.Artifacts.First(a => a.FileName.EndsWith(".ps1", StringComparison.Ordinal)).FileName);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, ps1[..3]);
        Assert.Contains("\r\n", Encoding.UTF8.GetString(ps1), StringComparison.Ordinal);
        var reg = Read("isatap-manage-out.reg");
        Assert.Equal(new byte[] { 0xFF, 0xFE }, reg[..2]);
        Assert.StartsWith("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE", Encoding.Unicode.GetString(reg[2..]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_plan_gives_the_same_bytes() => Assert.Equal(IsatapPlanner.CreateBundle(Plan), IsatapPlanner.CreateBundle(Plan));

    [Fact]
    public void Artifact_names_that_are_not_plain_file_names_are_refused()
    {
        var bad = Plan with { Artifacts = [new PlanArtifact("..\\evil.ps1", "text/plain", "x")] };
        Assert.Throws<ArgumentException>(() => PlanBundleWriter.Write(bad));
    }
}
