using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IsatapPlatform.Api.Tests.Support;
using IsatapPlatform.Diagnostics;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Examples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IsatapPlatform.Api.Tests.Diagnostics;

/// <summary>POST /api/v1/diagnostics: the diagnostics engine's answer over HTTP, and its refusals as problems.</summary>
public sealed class DiagnosticsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Url = "/api/v1/diagnostics";
    private readonly HttpClient _client = factory.CreateClient();
    private readonly JsonSerializerOptions _json = factory.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;

    private async Task<JsonElement> DiagnoseAsync(string body)
    {
        var response = await _client.PostAsync(Url, Json.Body(body));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", Json.MediaType(response));
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<JsonElement> DiagnoseAsync(DiagnosisRequest request) => DiagnoseAsync(JsonSerializer.Serialize(request, _json));

    private static string[] Codes(JsonElement diagnosis) => diagnosis.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()!).ToArray();

    private static JsonElement Finding(JsonElement diagnosis, string code)
        => diagnosis.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code);

    private static string Body(object host, string evidence, object? expected = null) => new JsonObject
    {
        ["host"] = JsonSerializer.SerializeToNode(host),
        ["expected"] = expected is null ? null : JsonSerializer.SerializeToNode(expected),
        ["evidence"] = JsonNode.Parse(evidence),
    }.ToJsonString();

    private static readonly object s_expected = new { routerName = "isatap-mo.corp.contoso.com", routerIpv4 = "10.0.0.1", isatapPrefix = "fd7f:f787:2112:1::/64" };

    [Fact]
    public async Task A_pasted_ipconfig_with_a_disconnected_isatap_adapter_is_unhealthy_with_the_fix()
    {
        var diagnosis = await DiagnoseAsync(DiagnosisExamples.DisconnectedManagementHost());

        Assert.False(diagnosis.GetProperty("healthy").GetBoolean());
        Assert.Equal(["isatap.media-disconnected", "evidence.collector-missing"], Codes(diagnosis));
        var finding = Finding(diagnosis, "isatap.media-disconnected");
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Contains(finding.GetProperty("evidence").EnumerateArray(), line => line.GetString()!.Contains("Media disconnected", StringComparison.Ordinal));

        var host = diagnosis.GetProperty("host");
        Assert.Equal("HELPDESK01", host.GetProperty("name").GetString());
        Assert.Equal("management-host", host.GetProperty("role").GetString());
        Assert.Contains(host.GetProperty("interfaces").EnumerateArray(), i => i.GetProperty("kind").GetString() == "isatap" && i.GetProperty("state").GetString() == "disconnected");

        var remediation = diagnosis.GetProperty("remediation");
        var steps = remediation.GetProperty("steps").EnumerateArray().ToArray();
        Assert.NotEmpty(steps);
        Assert.Equal(Enumerable.Range(1, steps.Length), steps.Select(s => s.GetProperty("order").GetInt32()));
        Assert.All(steps, s => Assert.Equal("management-host", s.GetProperty("target").GetString()));
        string script = remediation.GetProperty("powershell").GetString()!;
        Assert.Contains("Set-NetIsatapConfiguration", script, StringComparison.Ordinal);
        Assert.Empty(PowerShellSafety.Parse(script).Errors);
    }

    [Fact]
    public async Task The_answer_is_exactly_the_engines_diagnosis()
    {
        var request = DiagnosisExamples.ManagementHostFromIpconfig();
        var expected = HostDiagnostics.Diagnose(request).Diagnosis;

        var diagnosis = await DiagnoseAsync(request);

        Json.AssertEqual(JsonSerializer.Serialize(expected, _json), diagnosis.GetRawText());
    }

    [Fact]
    public async Task A_healthy_host_from_a_200_line_ipconfig_is_healthy()
    {
        var diagnosis = await DiagnoseAsync(DiagnosisExamples.ManagementHostFromIpconfig());

        Assert.True(diagnosis.GetProperty("healthy").GetBoolean(), diagnosis.GetProperty("findings").ToString());
        Assert.DoesNotContain(diagnosis.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
        Assert.Equal(["evidence.collector-missing"], Codes(diagnosis));
        Assert.Empty(diagnosis.GetProperty("remediation").GetProperty("steps").EnumerateArray());
    }

    [Fact]
    public async Task A_healthy_host_from_its_collector_json_sent_as_a_string_has_no_findings()
    {
        // ITSM tools often keep the collector's output as text: evidence.collector may be that text.
        string evidence = new JsonObject { ["collector"] = Evidence.HealthyManagementHostCollector }.ToJsonString();

        var diagnosis = await DiagnoseAsync(Body(new { name = "HELPDESK01", role = "management-host" }, evidence, s_expected));

        Assert.True(diagnosis.GetProperty("healthy").GetBoolean(), diagnosis.GetProperty("findings").ToString());
        Assert.Empty(Codes(diagnosis));
        var isatap = diagnosis.GetProperty("host").GetProperty("interfaces").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "isatap");
        Assert.Equal(12, isatap.GetProperty("index").GetInt32());
        var global = isatap.GetProperty("addresses").EnumerateArray().Single(a => a.GetProperty("address").GetString() == "fd7f:f787:2112:1:0:5efe:a00:5");
        Assert.Contains(global.GetProperty("embeddedIpv4").EnumerateArray(), e => e.GetProperty("ipv4").GetString() == "10.0.0.5");
    }

    [Fact]
    public async Task A_directaccess_server_collector_gets_the_fix_for_the_interface_index_it_proved()
    {
        string evidence = $$"""{"collector":{{Evidence.DirectAccessServerWithoutForwardingCollector}}}""";

        var diagnosis = await DiagnoseAsync(Body(new { name = "DA01", role = "directaccess-server" }, evidence, s_expected));

        Assert.False(diagnosis.GetProperty("healthy").GetBoolean());
        Assert.Equal("error", Finding(diagnosis, "server.forwarding-disabled").GetProperty("severity").GetString());
        Assert.Contains("13", Finding(diagnosis, "server.multiple-isatap-interfaces").GetProperty("detail").GetString(), StringComparison.Ordinal);
        var remediation = diagnosis.GetProperty("remediation");
        Assert.Contains("$indexText = '13'", remediation.GetProperty("powershell").GetString(), StringComparison.Ordinal);
        Assert.Contains("netsh interface ipv6 set interface 13", remediation.GetProperty("netsh").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("interface 15", remediation.GetProperty("netsh").GetString(), StringComparison.Ordinal);
        Assert.Empty(PowerShellSafety.Parse(remediation.GetProperty("powershell").GetString()!).Errors);
    }

    [Fact]
    public async Task Evidence_that_cannot_be_read_is_a_finding_not_an_error()
    {
        var diagnosis = await DiagnoseAsync(Body(new { name = "HELPDESK01", role = "management-host" }, """{"ipconfigAll":"'; Remove-Item C:\\ -Recurse #\n$(calc)\n"}"""));

        Assert.False(diagnosis.GetProperty("healthy").GetBoolean());
        Assert.Contains("evidence.unrecognized", Codes(diagnosis));
    }

    /// <summary>A refused field: the body, the code and the JSON path of the error.</summary>
    public static TheoryData<string, string, string> RefusedFields() => new()
    {
        { """{"host":{"name":"HELPDESK01; Restart-Computer","role":"management-host"},"evidence":{"ipconfigAll":"x"}}""", "computer-name.invalid", "host.name" },
        { """{"host":{"role":"management-host"},"evidence":{"ipconfigAll":"x"}}""", "request.field-required", "host.name" },
        { """{"host":{"name":"HELPDESK01"},"evidence":{"ipconfigAll":"x"}}""", "request.field-required", "host.role" },
        { """{"host":{"name":"HELPDESK01","role":"management-host"}}""", "request.field-required", "evidence" },
        { """{"host":{"name":"HELPDESK01","role":"management-host"},"evidence":{"ipconfigAll":"  "}}""", "request.field-required", "evidence" },
        { """{"host":{"name":"HELPDESK01","role":"management-host"},"expected":{"isatapPrefix":"fd7f:f787:2112::/48"},"evidence":{"ipconfigAll":"x"}}""", "prefix.length", "expected.isatapPrefix" },
        { """{"host":{"name":"HELPDESK01","role":"management-host"},"expected":{"routerIpv4":"10.0.0"},"evidence":{"ipconfigAll":"x"}}""", "ipv4.invalid", "expected.routerIpv4" },
        { """{"host":{"name":"HELPDESK01","role":"management-host"},"expected":{"routerName":"isatap-mo..corp"},"evidence":{"ipconfigAll":"x"}}""", "fqdn.invalid", "expected.routerName" },
    };

    [Theory]
    [MemberData(nameof(RefusedFields))]
    public async Task A_refused_field_is_a_400_problem_keyed_by_its_JSON_path(string body, string code, string path)
    {
        var problem = await Problem.AssertFieldAsync(await _client.PostAsync(Url, Json.Body(body)), HttpStatusCode.BadRequest, code, path);

        Assert.Contains(code, problem.GetProperty("codes").GetProperty(path).EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task An_evidence_field_over_its_length_limit_is_400_value_too_long()
    {
        string body = Body(new { name = "HELPDESK01", role = "management-host" }, new JsonObject { ["ipconfigAll"] = new string('x', 524_289) }.ToJsonString());

        await Problem.AssertFieldAsync(await _client.PostAsync(Url, Json.Body(body)), HttpStatusCode.BadRequest, "value.too-long", "evidence.ipconfigAll");
    }

    [Theory]
    [InlineData("""{"host":{"name":"HELPDESK01","role":"helpdesk"},"evidence":{"ipconfigAll":"x"}}""", "host.role")]
    [InlineData("""{"host":{"name":"HELPDESK01","role":0},"evidence":{"ipconfigAll":"x"}}""", "host.role")]
    [InlineData("""{"host":{"name":"HELPDESK01","role":"management-host"},"expected":{"topology":"cluster"},"evidence":{"ipconfigAll":"x"}}""", "expected.topology")]
    [InlineData("""{"host":{"name":"HELPDESK01","role":"management-host"},"evidence":{"ipconfigAll":["x"]}}""", "evidence.ipconfigAll")]
    [InlineData("""{"host":"HELPDESK01","evidence":{"ipconfigAll":"x"}}""", "host")]
    public async Task Unknown_enum_strings_and_wrong_types_are_400_request_malformed(string body, string path)
    {
        await Problem.AssertFieldAsync(await _client.PostAsync(Url, Json.Body(body)), HttpStatusCode.BadRequest, "request.malformed", path);
    }

    [Fact]
    public async Task A_body_over_1_MiB_is_413()
    {
        string body = Body(new { name = "HELPDESK01", role = "management-host" }, new JsonObject { ["ipconfigAll"] = new string('x', 500_000), ["netshInterfaces"] = new string('x', 500_000), ["netshAddresses"] = new string('x', 100_000) }.ToJsonString());

        var problem = await Problem.AssertAsync(await _client.PostAsync(Url, Json.Body(body)), HttpStatusCode.RequestEntityTooLarge, "request.too-large");
        Assert.Contains("1048576", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_over_1_MiB_is_cut_off_by_kestrel_with_413()
    {
        // Without a Content-Length only the server's body-size feature can stop the read, and the in-memory test
        // server has none: this runs on Kestrel, as in production.
        using var kestrel = new ApiFactory();
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        string body = Body(new { name = "HELPDESK01", role = "management-host" }, new JsonObject { ["ipconfigAll"] = new string('x', 1_100_000) }.ToJsonString());
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await Problem.AssertAsync(await kestrel.CreateClient().SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "request.too-large");
    }
}
