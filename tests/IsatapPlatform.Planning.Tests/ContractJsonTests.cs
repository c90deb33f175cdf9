using System.Text.Json;
using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Tests.Support;

namespace IsatapPlatform.Planning.Tests;

/// <summary>The records map 1:1 onto the issue's JSON contract under the web (camelCase) defaults.</summary>
public class ContractJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private const string IssueExample = """
        {"mode":"deploy",
          "deployment":{"topology":"single-server",
            "servers":[{"name":"DA01","internalIpv4":"10.0.0.1"}], "virtualIpv4":"10.0.0.10",
            "isatapPrefix":"2002:836b:1:8000::/64", "dnsZone":"corp.contoso.com", "dnsServer":"DC01"},
          "router":{"name":"isatap-mo"},
          "method":"group-policy",
          "targets":[{"name":"HELPDESK01","os":"windows-10-1703-or-later"}],
          "groupPolicy":{"name":"DirectAccess Manage Out","securityGroup":"CORP\\DA Manage Out","linkTo":"OU=Helpdesk,DC=corp,DC=contoso,DC=com"}}
        """;

    [Fact]
    public void The_issue_example_deserializes_and_plans()
    {
        var request = JsonSerializer.Deserialize<PlanRequest>(IssueExample, Web)!;
        Assert.Equal(Topology.SingleServer, request.Deployment!.Topology);
        Assert.Equal(Os.Windows10_1703OrLater, request.Targets![0].Os);
        Assert.Equal("CORP\\DA Manage Out", request.GroupPolicy!.SecurityGroup);
        Assert.True(IsatapPlanner.CreatePlan(request).IsValid);
    }

    public static TheoryData<string, string> EnumNames() => new()
    {
        { nameof(Topology), "single-server nlb external-load-balancer multisite" },
        { nameof(ConfigurationMethod), "group-policy powershell netsh hosts-file" },
        { nameof(Os), "windows-10-1607 windows-10-1703-or-later windows-11 windows-server-2012-r2 windows-server-2016 windows-server-2019-or-later" },
        { nameof(PlanMode), "deploy decommission" },
        { nameof(StepTarget), "dns directaccess-server isatap-router group-policy management-host" },
    };

    [Theory]
    [MemberData(nameof(EnumNames))]
    public void Enum_strings_are_the_contract_strings(string type, string names)
    {
        IReadOnlyList<string> actual = type switch
        {
            nameof(Topology) => ContractNames.All<Topology>(),
            nameof(ConfigurationMethod) => ContractNames.All<ConfigurationMethod>(),
            nameof(Os) => ContractNames.All<Os>(),
            nameof(PlanMode) => ContractNames.All<PlanMode>(),
            _ => ContractNames.All<StepTarget>(),
        };
        Assert.Equal(names.Split(' '), actual);
    }

    [Fact]
    public void Json_uses_the_contract_strings_both_ways()
    {
        foreach (var os in Enum.GetValues<Os>())
        {
            string json = JsonSerializer.Serialize(os, Web);
            Assert.Equal($"\"{ContractNames.Of(os)}\"", json);
            Assert.Equal(os, JsonSerializer.Deserialize<Os>(json, Web));
            Assert.True(ContractNames.TryParse<Os>(ContractNames.Of(os), out var parsed) && parsed == os);
        }
    }

    [Theory]
    [InlineData("""{"mode":1}""")]
    [InlineData("""{"mode":"Deploy2"}""")]
    [InlineData("""{"deployment":{"topology":"single_server"}}""")]
    public void Integers_and_unknown_strings_are_refused_by_the_serializer(string json)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PlanRequest>(json, Web));

    [Fact]
    public void The_plan_serializes_with_the_contract_member_names()
    {
        var plan = Requests.Plan(Requests.Deploy());
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(plan, Web));
        var step = doc.RootElement.GetProperty("steps")[0];
        foreach (var p in new[] { "order", "id", "target", "title", "why", "powershell", "netsh", "verify", "rollback" })
            Assert.True(step.TryGetProperty(p, out _), p);
        Assert.Equal("dns", step.GetProperty("target").GetString());
        Assert.True(step.GetProperty("verify").TryGetProperty("expect", out _));
        Assert.True(step.GetProperty("rollback").TryGetProperty("powershell", out _));
        var warning = doc.RootElement.GetProperty("warnings")[0];
        Assert.True(warning.TryGetProperty("code", out _) && warning.TryGetProperty("message", out _));
        var artifact = doc.RootElement.GetProperty("artifacts")[0];
        Assert.True(artifact.TryGetProperty("fileName", out _) && artifact.TryGetProperty("mediaType", out _) && artifact.TryGetProperty("content", out _));
    }
}
