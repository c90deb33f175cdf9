using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IsatapPlatform.Api.Tests.Support;
using IsatapPlatform.Planning;
using IsatapPlatform.Contracts.Plans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IsatapPlatform.Api.Tests.IsatapPlans;

/// <summary>POST /api/v1/isatap/plans: the plan engine's answer over HTTP, its warnings, and its refusals as problems.</summary>
public sealed class IsatapPlanTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Url = "/api/v1/isatap/plans";
    private readonly HttpClient _client = factory.CreateClient();

    private Task<HttpResponseMessage> PostAsync(JsonNode body) => _client.PostAsync(Url, Json.Body(body.ToJsonString()));

    private async Task<JsonElement> PlanAsync(JsonNode body)
    {
        var response = await PostAsync(body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", Json.MediaType(response));
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string[] Codes(JsonElement plan) => plan.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()!).ToArray();

    private static (int Order, string Id, string Target)[] Steps(JsonElement plan) => plan.GetProperty("steps").EnumerateArray()
        .Select(s => (s.GetProperty("order").GetInt32(), s.GetProperty("id").GetString()!, s.GetProperty("target").GetString()!)).ToArray();

    private static void AssertEveryStepIsComplete(JsonElement plan)
    {
        foreach (var step in plan.GetProperty("steps").EnumerateArray())
        {
            foreach (var member in new[] { "title", "why", "powershell" })
                Assert.False(string.IsNullOrWhiteSpace(step.GetProperty(member).GetString()), $"{step.GetProperty("id")} has no {member}");
            Assert.False(string.IsNullOrWhiteSpace(step.GetProperty("verify").GetProperty("powershell").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(step.GetProperty("verify").GetProperty("expect").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(step.GetProperty("rollback").GetProperty("powershell").GetString()));
        }
    }

    [Fact]
    public async Task A_deploy_plan_has_the_dns_router_and_group_policy_steps_in_order()
    {
        var plan = await PlanAsync(PlanBodies.Deploy());

        Assert.Equal(["os.isatap-default-off", "deprecation"], Codes(plan));
        Assert.Equal(
        [
            (1, "dns-check-block-list", "dns"),
            (2, "dns-router-records", "dns"),
            (3, "directaccess-server-da01", "directaccess-server"),
            (4, "group-policy-create", "group-policy"),
            (5, "group-policy-security-filter", "group-policy"),
            (6, "group-policy-group-members", "group-policy"),
            (7, "group-policy-link", "group-policy"),
            (8, "management-host-helpdesk01-gpupdate", "management-host"),
        ], Steps(plan));
        AssertEveryStepIsComplete(plan);

        var records = plan.GetProperty("steps")[1];
        Assert.Contains("Add-DnsServerResourceRecordA", records.GetProperty("powershell").GetString(), StringComparison.Ordinal);
        Assert.Contains("/recordadd corp.contoso.com isatap-mo A 10.0.0.1", records.GetProperty("netsh").GetString(), StringComparison.Ordinal);
        Assert.Contains("ISATAP_RouterName", plan.GetProperty("steps")[3].GetProperty("powershell").GetString(), StringComparison.Ordinal);

        var artifacts = plan.GetProperty("artifacts").EnumerateArray().ToArray();
        Assert.Contains(artifacts, a => a.GetProperty("fileName").GetString() == "isatap-manage-out.reg");
        Assert.All(artifacts, a =>
        {
            Assert.False(string.IsNullOrEmpty(a.GetProperty("mediaType").GetString()));
            Assert.False(string.IsNullOrEmpty(a.GetProperty("content").GetString()));
        });
        foreach (var a in artifacts.Where(a => a.GetProperty("fileName").GetString()!.EndsWith(".ps1", StringComparison.Ordinal)))
            Assert.Empty(PowerShellSafety.Parse(a.GetProperty("content").GetString()!).Errors);
    }

    [Fact]
    public async Task The_answer_is_exactly_the_engines_plan()
    {
        var body = PlanBodies.DeployOn("nlb");
        var options = factory.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        var expected = IsatapPlanner.CreatePlan(JsonSerializer.Deserialize<PlanRequest>(body.ToJsonString(), options)).Plan;

        var response = await PostAsync(body);

        Json.AssertEqual(JsonSerializer.Serialize(expected, options), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_decommission_plan_moves_the_hosts_that_still_need_isatap_before_removing_the_global_name()
    {
        var plan = await PlanAsync(PlanBodies.Decommission());

        Assert.Equal(["os.isatap-default-off", "deprecation"], Codes(plan));
        Assert.Equal(
        [
            (1, "dns-inventory", "dns"),
            (2, "dns-router-records", "dns"),
            (3, "directaccess-server-da01", "directaccess-server"),
            (4, "management-host-helpdesk01-isatap", "management-host"),
            (5, "dns-remove-global-record", "dns"),
            (6, "dns-restore-block-list", "dns"),
            (7, "management-host-disable-isatap", "management-host"),
            (8, "dns-remove-stale-isatap-aaaa", "dns"),
        ], Steps(plan));
        AssertEveryStepIsComplete(plan);
        Assert.Contains("Set-NetIsatapConfiguration", plan.GetProperty("steps")[3].GetProperty("powershell").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decommission_plan_without_targets_only_removes_and_says_so()
    {
        var body = PlanBodies.Decommission().With(b => { b.Remove("router"); b.Remove("method"); b.Remove("targets"); });

        var plan = await PlanAsync(body);

        Assert.Equal(["decommission.no-manage-out-hosts", "deprecation"], Codes(plan));
        Assert.Equal(["dns-inventory", "dns-remove-global-record", "dns-restore-block-list", "management-host-disable-isatap", "dns-remove-stale-isatap-aaaa"],
            Steps(plan).Select(s => s.Id));
        Assert.Equal(Enumerable.Range(1, 5), Steps(plan).Select(s => s.Order));
    }

    /// <summary>A request that makes the engine raise each warning code.</summary>
    public static TheoryData<string, string> WarningCases() => new()
    {
        { "router.global-name", PlanBodies.Deploy().With(b => b["router"] = new JsonObject { ["name"] = "isatap", ["allowGlobalName"] = true }).ToJsonString() },
        { "topology.unsupported", PlanBodies.DeployOn("external-load-balancer").ToJsonString() },
        { "topology.unsupported", PlanBodies.DeployOn("multisite").ToJsonString() },
        { "topology.nlb-unsupported", PlanBodies.DeployOn("nlb").ToJsonString() },
        { "os.isatap-default-off", PlanBodies.Deploy().With(b => b["targets"]![0]!["os"] = "windows-11").ToJsonString() },
        { "os.dns-client-bug", PlanBodies.Deploy().With(b => b["targets"]![0]!["os"] = "windows-10-1607").ToJsonString() },
        { "method.hosts-not-scalable", PlanBodies.Deploy().With(b => { b["method"] = "hosts-file"; b.Remove("groupPolicy"); }).ToJsonString() },
        { "deprecation", PlanBodies.Deploy().ToJsonString() },
        { "request.ignored-field", PlanBodies.Deploy().With(b => b["method"] = "netsh").ToJsonString() },
        { "server.public-internal-ipv4", PlanBodies.Deploy().With(b => b["deployment"]!["servers"]![0]!["internalIpv4"] = "131.107.0.1").ToJsonString() },
        { "decommission.no-manage-out-hosts", PlanBodies.Decommission().With(b => { b.Remove("router"); b.Remove("method"); b.Remove("targets"); }).ToJsonString() },
    };

    [Theory]
    [MemberData(nameof(WarningCases))]
    public async Task Each_warning_code_is_reachable(string code, string body)
    {
        var plan = await PlanAsync(JsonNode.Parse(body)!);

        Assert.Contains(code, Codes(plan));
        var warning = plan.GetProperty("warnings").EnumerateArray().First(w => w.GetProperty("code").GetString() == code);
        Assert.False(string.IsNullOrWhiteSpace(warning.GetProperty("message").GetString()));
    }

    [Fact]
    public void The_warning_cases_cover_every_warning_code()
        => Assert.Equal(WarningCodes.All.Order(), WarningCases().Select(row => (string)row[0]).Distinct().Order());

    [Fact]
    public async Task The_global_name_allowed_still_never_gets_a_dns_record_named_isatap()
    {
        var plan = await PlanAsync(PlanBodies.Deploy().With(b => b["router"] = new JsonObject { ["name"] = "isatap", ["allowGlobalName"] = true }));

        Assert.Equal("router.global-name", Codes(plan)[0]);
        foreach (var step in plan.GetProperty("steps").EnumerateArray())
            Assert.DoesNotContain("-Name 'isatap'", step.GetProperty("powershell").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A refused field: the body, the code and the JSON path of the error.</summary>
    public static TheoryData<string, string, string> RefusedFields() => new()
    {
        { PlanBodies.Deploy().With(b => b["router"]!["name"] = "isatap").ToJsonString(), "router.global-name", "router.name" },
        { PlanBodies.Deploy().With(b => b["router"]!["name"] = "ISATAP").ToJsonString(), "router.global-name", "router.name" },
        { PlanBodies.Decommission().With(b => b["router"] = new JsonObject { ["name"] = "isatap", ["allowGlobalName"] = true }).ToJsonString(), "router.global-name", "router.name" },
        { PlanBodies.Deploy().With(b => b["router"]!["name"] = "isatap-mo.corp").ToJsonString(), "dns-label.invalid", "router.name" },
        { PlanBodies.Deploy().With(b => b["deployment"]!["servers"]![0]!["name"] = "DA01'; Remove-Item C:\\ -Recurse; '").ToJsonString(), "computer-name.invalid", "deployment.servers[0].name" },
        { PlanBodies.Deploy().With(b => b["deployment"]!["servers"]![0]!["internalIpv4"] = "10.0.0.256").ToJsonString(), "ipv4.invalid", "deployment.servers[0].internalIpv4" },
        { PlanBodies.Deploy().With(b => b["deployment"]!["isatapPrefix"] = "2002:836b:1::/48").ToJsonString(), "prefix.length", "deployment.isatapPrefix" },
        { PlanBodies.Deploy().With(b => b["deployment"]!["dnsZone"] = "corp..contoso.com").ToJsonString(), "fqdn.invalid", "deployment.dnsZone" },
        { PlanBodies.Deploy().With(b => b["groupPolicy"]!["linkTo"] = "OU=Help$(calc),DC=corp,DC=com").ToJsonString(), "dn.invalid", "groupPolicy.linkTo" },
        { PlanBodies.Deploy().With(b => b["groupPolicy"]!.AsObject().Remove("securityGroup")).ToJsonString(), "request.field-required", "groupPolicy.securityGroup" },
        { PlanBodies.Deploy().With(b => b["targets"]![0]!["name"] = "HELPDESK01\nRestart-Computer").ToJsonString(), "computer-name.invalid", "targets[0].name" },
        { PlanBodies.Deploy().With(b => b["targets"] = new JsonArray()).ToJsonString(), "count.too-few", "targets" },
        { PlanBodies.Deploy().With(b => b.Remove("mode")).ToJsonString(), "request.field-required", "mode" },
    };

    [Theory]
    [MemberData(nameof(RefusedFields))]
    public async Task A_refused_field_is_a_400_problem_keyed_by_its_JSON_path(string body, string code, string path)
    {
        var problem = await Problem.AssertFieldAsync(await _client.PostAsync(Url, Json.Body(body)), HttpStatusCode.BadRequest, code, path);

        Assert.Contains(code, problem.GetProperty("codes").GetProperty(path).EnumerateArray().Select(c => c.GetString()));
        Assert.StartsWith(path + ": ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), problem.GetProperty("codes").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Several_refused_fields_are_all_reported_and_the_first_decides_the_code()
    {
        var body = PlanBodies.Deploy().With(b =>
        {
            b["router"]!["name"] = "isatap";
            b["targets"]![0]!["name"] = "not a computer name";
        });

        var response = await PostAsync(body);

        // The engine reports in its own field order (targets before the router); the first error decides code and detail.
        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "computer-name.invalid");
        var codes = problem.GetProperty("codes");
        Assert.Equal(["targets[0].name", "router.name"], codes.EnumerateObject().Select(p => p.Name));
        Assert.Equal("computer-name.invalid", codes.GetProperty("targets[0].name")[0].GetString());
        Assert.Equal("router.global-name", codes.GetProperty("router.name")[0].GetString());
        Assert.Equal(["targets[0].name", "router.name"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("targets[0].name: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("(and 1 more; see 'errors')", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"mode":"Deploy"}""", "mode")]
    [InlineData("""{"mode":1}""", "mode")]
    [InlineData("""{"mode":"deploy","deployment":{"topology":"cluster"}}""", "deployment.topology")]
    [InlineData("""{"mode":"deploy","method":"gpo"}""", "method")]
    [InlineData("""{"mode":"deploy","targets":[{"name":"HELPDESK01","os":"windows-12"}]}""", "targets[0].os")]
    [InlineData("""{"mode":"deploy","targets":"HELPDESK01"}""", "targets")]
    [InlineData("""{"mode":"deploy","router":{"name":"isatap","allowGlobalName":"yes"}}""", "router.allowGlobalName")]
    [InlineData("""{"mode":"deploy","deployment":{"servers":[{"name":42}]}}""", "deployment.servers[0].name")]
    public async Task Unknown_enum_strings_and_wrong_types_are_400_request_malformed(string body, string path)
    {
        await Problem.AssertFieldAsync(await _client.PostAsync(Url, Json.Body(body)), HttpStatusCode.BadRequest, "request.malformed", path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"mode\":")]
    [InlineData("[]")]
    public async Task A_body_that_is_not_a_JSON_object_is_400_request_malformed(string body)
    {
        await Problem.AssertAsync(await _client.PostAsync(Url, Json.Body(body)), HttpStatusCode.BadRequest, "request.malformed");
    }

    [Fact]
    public async Task A_body_over_1_MiB_is_413()
    {
        var body = PlanBodies.Deploy().ToJsonString().Insert(1, new string(' ', 1_100_000));

        await Problem.AssertAsync(await _client.PostAsync(Url, Json.Body(body)), HttpStatusCode.RequestEntityTooLarge, "request.too-large");
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_415()
    {
        var content = Json.Raw(System.Text.Encoding.UTF8.GetBytes(PlanBodies.Deploy().ToJsonString()), "text/plain");

        await Problem.AssertAsync(await _client.PostAsync(Url, content), HttpStatusCode.UnsupportedMediaType, "request.unsupported-media-type");
    }
}
