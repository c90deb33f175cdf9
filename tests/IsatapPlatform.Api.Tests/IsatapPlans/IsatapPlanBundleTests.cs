using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IsatapPlatform.Api.Tests.Support;

namespace IsatapPlatform.Api.Tests.IsatapPlans;

/// <summary>POST /api/v1/isatap/plans/bundle: the same plan as a zip download.</summary>
public sealed class IsatapPlanBundleTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Url = "/api/v1/isatap/plans/bundle";
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(HttpResponseMessage Response, byte[] Zip, JsonElement Plan)> BundleAndPlanAsync(JsonNode body)
    {
        var response = await _client.PostAsync(Url, Json.Body(body.ToJsonString()));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        var plan = await Json.ReadAsync(await _client.PostAsync("/api/v1/isatap/plans", Json.Body(body.ToJsonString())));
        return (response, bytes, plan);
    }

    private static string ReadText(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true); // .ps1 UTF-8 BOM, .reg UTF-16LE BOM
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task The_zip_holds_a_readme_and_every_artifact_of_the_plan()
    {
        var (response, bytes, plan) = await BundleAndPlanAsync(PlanBodies.Deploy());

        Assert.Equal("application/zip", Json.MediaType(response));
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var artifacts = plan.GetProperty("artifacts").EnumerateArray().ToArray();
        Assert.Equal(["README.txt", .. artifacts.Select(a => a.GetProperty("fileName").GetString()!)], zip.Entries.Select(e => e.FullName));
        foreach (var artifact in artifacts)
        {
            string name = artifact.GetProperty("fileName").GetString()!;
            // Line ends become CRLF in the zip; the text is otherwise the artifact's.
            Assert.Equal(artifact.GetProperty("content").GetString()!.ReplaceLineEndings("\r\n"), ReadText(zip.GetEntry(name)!).ReplaceLineEndings("\r\n"));
        }
    }

    [Fact]
    public async Task The_readme_lists_the_steps_in_order()
    {
        var (_, bytes, plan) = await BundleAndPlanAsync(PlanBodies.Deploy());

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        string readme = ReadText(zip.GetEntry("README.txt")!);
        int last = -1;
        foreach (var step in plan.GetProperty("steps").EnumerateArray())
        {
            string line = $"{step.GetProperty("order").GetInt32()}. [{step.GetProperty("target").GetString()}] {step.GetProperty("title").GetString()}";
            int at = readme.IndexOf(line, StringComparison.Ordinal);
            Assert.True(at > last, $"README.txt does not list '{line}' after the previous step:\n{readme}");
            last = at;
        }
        Assert.Contains("[deprecation]", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ps1_files_are_utf8_with_a_bom_so_windows_powershell_reads_them_right()
    {
        var (_, bytes, _) = await BundleAndPlanAsync(PlanBodies.Deploy());

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".ps1", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            var head = new byte[3];
            stream.ReadExactly(head);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, head);
        }
    }

    [Theory]
    [InlineData("deploy", "isatap-plan-deploy-isatap-mo.zip")]
    [InlineData("decommission", "isatap-plan-decommission.zip")]
    public async Task It_is_an_attachment_with_a_file_name_saying_what_it_is(string mode, string fileName)
    {
        var body = mode == "deploy" ? PlanBodies.Deploy() : PlanBodies.Decommission().With(b => { b.Remove("router"); b.Remove("method"); b.Remove("targets"); });

        var (response, _, _) = await BundleAndPlanAsync(body);

        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(fileName, disposition.FileName);
    }

    [Fact]
    public async Task A_refused_request_is_the_same_400_problem_as_for_the_plan()
    {
        var body = PlanBodies.Deploy().With(b => b["router"]!["name"] = "isatap");

        var problem = await Problem.AssertFieldAsync(await _client.PostAsync(Url, Json.Body(body.ToJsonString())), HttpStatusCode.BadRequest, "router.global-name", "router.name");

        Assert.Equal("router.global-name", problem.GetProperty("codes").GetProperty("router.name")[0].GetString());
    }

    [Fact]
    public async Task An_unknown_enum_string_is_400_request_malformed()
    {
        var body = PlanBodies.Deploy().With(b => b["method"] = "sccm");

        await Problem.AssertFieldAsync(await _client.PostAsync(Url, Json.Body(body.ToJsonString())), HttpStatusCode.BadRequest, "request.malformed", "method");
    }
}
