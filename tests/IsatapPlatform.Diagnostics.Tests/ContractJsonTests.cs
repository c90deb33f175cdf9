using System.Text.Json;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Tests.Support;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Diagnostics.Tests;

/// <summary>The records map 1:1 onto the issue's JSON contract under the web (camelCase) defaults, and the
/// collector document is read as Windows PowerShell 5.1 and 7 really print it.</summary>
public class ContractJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private const string IssueExample = """
        {"host":{"name":"HELPDESK01","role":"management-host"},
         "expected":{"routerName":"isatap-mo.corp.contoso.com","routerIpv4":"10.0.0.1","isatapPrefix":"fd7f:f787:2112:1::/64"},
         "evidence":{"ipconfigAll":"Tunnel adapter isatap.corp.contoso.com:\r\n\r\n   Media State . . . . . . . . . . . : Media disconnected\r\n   Connection-specific DNS Suffix  . : \r\n   Description . . . . . . . . . . . : Microsoft ISATAP Adapter #2\r\n   Physical Address. . . . . . . . . : 00-00-00-00-00-00-00-E0\r\n",
                     "netshInterfaces":null,"netshAddresses":null,"getNetIpAddress":null,"collector":null}}
        """;

    [Fact]
    public void The_issue_example_deserializes_and_diagnoses()
    {
        var request = JsonSerializer.Deserialize<DiagnosisRequest>(IssueExample, Web)!;
        Assert.Equal(HostRole.ManagementHost, request.Host!.Role);
        var d = Requests.Diagnose(request);
        d.Single("isatap.media-disconnected");
    }

    public static TheoryData<string, string> EnumNames() => new()
    {
        { nameof(HostRole), "management-host directaccess-server isatap-router directaccess-client" },
        { nameof(Severity), "error warning info" },
        { nameof(InterfaceKind), "isatap teredo ip-https other" },
        { nameof(LinkState), "unknown connected disconnected" },
        { nameof(AddressState), "unknown preferred deprecated tentative duplicate invalid" },
    };

    [Theory]
    [MemberData(nameof(EnumNames))]
    public void Enum_strings_are_the_contract_strings(string type, string names)
    {
        IReadOnlyList<string> actual = type switch
        {
            nameof(HostRole) => ContractNames.All<HostRole>(),
            nameof(Severity) => ContractNames.All<Severity>(),
            nameof(InterfaceKind) => ContractNames.All<InterfaceKind>(),
            nameof(LinkState) => ContractNames.All<LinkState>(),
            _ => ContractNames.All<AddressState>(),
        };
        Assert.Equal(names.Split(' '), actual);
    }

    [Theory]
    [InlineData("""{"host":{"name":"H","role":1}}""")]
    [InlineData("""{"host":{"name":"H","role":"managementHost"}}""")]
    [InlineData("""{"expected":{"topology":"single_server"}}""")]
    public void Integers_and_unknown_enum_strings_are_refused_by_the_serializer(string json)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DiagnosisRequest>(json, Web));

    [Theory]
    [InlineData("os", "5")]
    [InlineData("os", "\"Windows 11\"")]
    [InlineData("isatapConfiguration", "[1,2]")]
    [InlineData("isatapPolicy", "true")]
    [InlineData("disabledComponents", "32")]
    [InlineData("ipHelper", "\"Running\"")]
    [InlineData("routerResolution", "[]")]
    [InlineData("dnsClient", "0")]
    [InlineData("remoteAccess", "\"x\"")]
    public void A_nested_collector_object_of_the_wrong_JSON_type_is_unknown_not_a_failed_request(string field, string value)
    {
        // Every other collector field of the wrong shape is read as unknown; the nested objects were the exception
        // (the request failed with a 400 keyed by the inner property name). The rest of the document still counts.
        string json = """{"host":{"name":"H","role":"management-host"},"evidence":{"collector":{"schemaVersion":1,"computerName":"HELPDESK01","""
            + "\"" + field + "\":" + value + "}}}";
        var request = JsonSerializer.Deserialize<DiagnosisRequest>(json, Web)!;
        var collector = request.Evidence!.Collector!;
        Assert.Equal("HELPDESK01", collector.ComputerName);
        object? nested = field switch
        {
            "os" => collector.Os,
            "isatapConfiguration" => collector.IsatapConfiguration,
            "isatapPolicy" => collector.IsatapPolicy,
            "disabledComponents" => collector.DisabledComponents,
            "ipHelper" => collector.IpHelper,
            "routerResolution" => collector.RouterResolution,
            "dnsClient" => collector.DnsClient,
            _ => collector.RemoteAccess,
        };
        Assert.Null(nested);
        Requests.Diagnose(request); // and the engine diagnoses it without throwing
    }

    [Fact]
    public void A_nested_collector_object_is_still_read_when_it_is_an_object()
    {
        const string json = """{"host":{"name":"H","role":"management-host"},"evidence":{"collector":{"schemaVersion":1,"os":{"buildNumber":"19045"}}}}""";
        var request = JsonSerializer.Deserialize<DiagnosisRequest>(json, Web)!;
        Assert.NotNull(request.Evidence!.Collector!.Os);
    }

    [Fact]
    public void The_diagnosis_serializes_with_the_contract_member_names()
    {
        var d = Requests.Diagnose(Scenarios.All.Single(s => s.Name == "DA server two ISATAP interfaces after a reboot").Request);
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(d, Web));
        var root = doc.RootElement;
        Assert.False(root.GetProperty("healthy").GetBoolean());
        var finding = root.GetProperty("findings")[0];
        foreach (var p in new[] { "code", "severity", "title", "detail", "evidence" }) Assert.True(finding.TryGetProperty(p, out _), p);
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        var step = root.GetProperty("remediation").GetProperty("steps")[0];
        foreach (var p in new[] { "order", "id", "target", "title", "why", "powershell", "netsh", "verify", "rollback" }) Assert.True(step.TryGetProperty(p, out _), p);
        Assert.Equal("directaccess-server", step.GetProperty("target").GetString());
        Assert.True(root.GetProperty("remediation").TryGetProperty("powershell", out _) && root.GetProperty("remediation").TryGetProperty("netsh", out _));
        var host = root.GetProperty("host");
        Assert.Equal("directaccess-server", host.GetProperty("role").GetString());
        var address = host.GetProperty("interfaces")[0].GetProperty("addresses")[0];
        Assert.Equal("isatap", address.GetProperty("embeddedIpv4")[0].GetProperty("role").GetString());
        Assert.Equal("preferred", address.GetProperty("state").GetString());
        Assert.Equal("isatap", host.GetProperty("interfaces")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void The_collector_document_round_trips_with_its_documented_names()
    {
        string json = JsonSerializer.Serialize(Collectors.DirectAccessServer(), Web);
        Assert.Contains("\"internalIPv6Prefix\":", json, StringComparison.Ordinal);
        Assert.Contains("\"disableParallelAandAAAA\":", json, StringComparison.Ordinal);
        Assert.Contains("\"disableNRPTForAdapterRegistration\":", json, StringComparison.Ordinal);
        Assert.Contains("\"interfaceIndex\":13", json, StringComparison.Ordinal);
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<CollectorEvidence>(json, Web), Web));
    }

    /// <summary>Windows PowerShell 5.1's ConvertTo-Json: a one-element array unrolled to an object, the
    /// {"value":[...],"Count":n} wrapper, numbers as strings, enums as numbers, and values of the wrong shape.</summary>
    [Fact]
    public void Windows_PowerShell_5_1_shapes_are_read_leniently()
    {
        const string json = """
            {"schemaVersion":"1","computerName":"HELPDESK01",
             "os":{"caption":"Microsoft Windows 10 Pro","version":"10.0.19045","buildNumber":"19045","productType":1},
             "isatapConfiguration":{"state":"Enabled","router":"isatap-mo.corp.contoso.com","resolutionIntervalSeconds":{"Days":0}},
             "interfaces":{"interfaceIndex":12,"interfaceAlias":"isatap.corp.contoso.com","kind":"isatap","connectionState":"Connected",
                           "forwarding":"Disabled","advertising":"Disabled","nlMtu":"1280",
                           "addresses":{"value":[{"ipAddress":"fe80::5efe:10.0.0.5%12","prefixLength":128,"addressState":"Preferred"},
                                                 {"ipAddress":"fd7f:f787:2112:1:0:5efe:10.0.0.5","prefixLength":64,"addressState":4}],"Count":2},
                           "routes":{"destinationPrefix":"::/0","nextHop":"fe80::5efe:10.0.0.1","publish":"No"}},
             "disabledComponents":{"present":"True","value":-1},
             "ipHelper":{"status":"Running","startType":"Automatic"},
             "routerResolution":{"name":"isatap-mo.corp.contoso.com","isIpv4Literal":false,"addresses":"10.0.0.1"},
             "firewallRules":[1,"x",{"name":"RemoteDesktop-UserMode-In-TCP","edgeTraversalPolicy":"Allow"}],
             "errors":[]}
            """;
        var c = JsonSerializer.Deserialize<CollectorEvidence>(json, Web)!;
        Assert.Equal(1, c.SchemaVersion);
        Assert.Equal(19045, c.Os!.BuildNumber);
        Assert.Null(c.IsatapConfiguration!.ResolutionIntervalSeconds);
        var i = Assert.Single(c.Interfaces!);
        Assert.Equal(1280, i.NlMtu);
        Assert.Equal(2, i.Addresses!.Count);
        Assert.Equal("4", i.Addresses[1].AddressState);
        Assert.Equal("::/0", Assert.Single(i.Routes!).DestinationPrefix);
        Assert.Equal(-1, c.DisabledComponents!.Value);
        Assert.True(c.DisabledComponents.Present);
        Assert.Equal(["10.0.0.1"], c.RouterResolution!.Addresses);
        Assert.Equal("RemoteDesktop-UserMode-In-TCP", Assert.Single(c.FirewallRules!).Name);

        var d = Requests.Collector(c);
        Assert.Equal("0xFFFFFFFF", d.Host.Isatap!.DisabledComponents);
        d.Single("registry.disabled-components");
    }

    [Fact]
    public void The_collector_may_arrive_as_a_json_string()
    {
        string inner = JsonSerializer.Serialize(Collectors.ManagementHost(), Web);
        string body = JsonSerializer.Serialize(new { host = new { name = "HELPDESK01", role = "management-host" }, evidence = new { collector = inner } }, Web);
        var request = JsonSerializer.Deserialize<DiagnosisRequest>(body, Web)!;
        Assert.Equal("HELPDESK01", request.Evidence!.Collector!.ComputerName);
        Assert.True(Requests.Diagnose(request).Healthy);
    }

    [Theory]
    [InlineData("\"not json at all\"")]
    [InlineData("\"[1,2,3]\"")]
    [InlineData("42")]
    [InlineData("[{\"schemaVersion\":1}]")]
    public void A_collector_that_is_not_a_json_object_is_reported_not_refused(string collector)
    {
        var body = System.Text.Encoding.UTF8.GetBytes("""{"host":{"name":"HELPDESK01","role":"management-host"},"evidence":{"collector":""" + collector + "}}");
        var request = JsonSerializer.Deserialize<DiagnosisRequest>(body, Web)!;
        var d = Requests.Diagnose(request);
        var f = d.Single("evidence.unrecognized");
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Contains("evidence.collector", f.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\\uD800{\"")]
    [InlineData("\"{\\\"os\\\":\\uDC00}\"")]
    public void A_collector_string_with_a_broken_surrogate_escape_is_malformed_json_a_400_not_a_500(string collector)
    {
        var body = System.Text.Encoding.UTF8.GetBytes("""{"host":{"name":"HELPDESK01","role":"management-host"},"evidence":{"collector":""" + collector + "}}");
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DiagnosisRequest>(body, Web));
    }
}
