using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Tests.Support;
using IsatapPlatform.Diagnostics.Validation;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Diagnostics.Tests;

/// <summary>Request errors are keyed by JSON path with the plan engine's stable codes; evidence content is never a
/// validation error.</summary>
public class ValidationTests
{
    private static HostEvidence Some => new() { IpconfigAll = Ipconfig.Document(Ipconfig.IsatapConnected) };

    private static (string Path, string Code)[] Errors(DiagnosisRequest? request)
    {
        var result = HostDiagnostics.Diagnose(request);
        Assert.False(result.IsValid);
        Assert.Null(result.Diagnosis);
        return result.Validation.Errors.Select(e => (e.Path, e.Code)).ToArray();
    }

    [Fact]
    public void A_missing_body_host_or_evidence_is_required()
    {
        Assert.Equal([("", ValidationCodes.Required)], Errors(null));
        Assert.Equal([("host", ValidationCodes.Required), ("evidence", ValidationCodes.Required)], Errors(new DiagnosisRequest()));
        Assert.Equal([("host.name", ValidationCodes.Required), ("host.role", ValidationCodes.Required)], Errors(new DiagnosisRequest { Host = new(), Evidence = Some }));
        Assert.Equal([("evidence", ValidationCodes.Required)], Errors(Requests.ManagementHost(new HostEvidence { IpconfigAll = "  \r\n ", NetshAddresses = "" })));
    }

    [Theory]
    [InlineData("HELPDESK01; rm -rf", "computer-name.invalid")]
    [InlineData("ThisNameIsFarTooLong.corp", "computer-name.invalid")]
    [InlineData("12345", "computer-name.invalid")]
    [InlineData("'; PWNED; '", "computer-name.invalid")]
    public void The_host_name_must_be_a_computer_name(string name, string code)
        => Assert.Equal([("host.name", code)], Errors(Requests.Request(name, HostRole.ManagementHost, Some)));

    [Fact]
    public void An_undefined_role_value_is_refused()
        => Assert.Equal([("host.role", ValidationCodes.EnumInvalid)], Errors(Requests.Request("HELPDESK01", (HostRole)42, Some)));

    [Theory]
    [InlineData("10.0.0.1", null, null, "expected.routerName", "fqdn.invalid")]
    [InlineData("isatap-mo.corp.contoso.com'; PWNED", null, null, "expected.routerName", "fqdn.invalid")]
    [InlineData(null, "10.0.0.256", null, "expected.routerIpv4", "ipv4.invalid")]
    [InlineData(null, "224.0.0.1", null, "expected.routerIpv4", "ipv4.not-unicast")]
    [InlineData(null, "10.0.0.1000000000", null, "expected.routerIpv4", "value.too-long")]
    [InlineData(null, null, "fd7f:f787:2112::/48", "expected.isatapPrefix", "prefix.length")]
    [InlineData(null, null, "fd7f:f787:2112:1::1/64", "expected.isatapPrefix", "prefix.host-bits")]
    [InlineData(null, null, "fe80::/64", "expected.isatapPrefix", "prefix.not-routable")]
    [InlineData(null, null, "not a prefix", "expected.isatapPrefix", "address.invalid")]
    [InlineData(null, null, "fd7f:f787:2112:1::", "expected.isatapPrefix", "prefix.invalid")]
    public void Expected_values_are_validated_like_plan_requests(string? name, string? ipv4, string? prefix, string path, string code)
        => Assert.Equal([(path, code)], Errors(Requests.ManagementHost(Some, new ExpectedConfiguration { RouterName = name, RouterIpv4 = ipv4, IsatapPrefix = prefix })));

    [Fact]
    public void Evidence_is_limited_in_size_not_in_content()
    {
        string huge = new('x', DiagnosisRequestValidator.MaxTextLength + 1);
        Assert.Equal([("evidence.netshAddresses", ValidationCodes.TooLong)], Errors(Requests.ManagementHost(new HostEvidence { IpconfigAll = "x", NetshAddresses = huge })));
        var many = Collectors.ManagementHost() with { Interfaces = Enumerable.Repeat(Collectors.ManagementHost().Interfaces![0], DiagnosisRequestValidator.MaxInterfaces + 1).ToArray() };
        Assert.Equal([("evidence.collector.interfaces", ValidationCodes.TooMany)], Errors(Requests.ManagementHost(new HostEvidence { Collector = many })));
        var routes = Collectors.ManagementHost().WithInterface(12, i => i with { Routes = Enumerable.Repeat(Collectors.Route("::/0", "::"), DiagnosisRequestValidator.MaxListItems + 1).ToArray() });
        Assert.Equal([("evidence.collector.interfaces[0].routes", ValidationCodes.TooMany)], Errors(Requests.ManagementHost(new HostEvidence { Collector = routes })));
        Assert.True(HostDiagnostics.Diagnose(Requests.ManagementHost(new HostEvidence { IpconfigAll = "'; PWNED; '$(Remove-Item C:\\)" })).IsValid);
    }

    [Fact]
    public void Validate_reports_the_same_errors_with_problem_details_helpers()
    {
        var v = HostDiagnostics.Validate(Requests.Request("bad name!", HostRole.ManagementHost, Some, new ExpectedConfiguration { RouterIpv4 = "x" }));
        Assert.Equal(["host.name", "expected.routerIpv4"], v.ToProblemErrors().Keys);
        Assert.Equal(["computer-name.invalid"], v.ToProblemCodes()["host.name"]);
        Assert.True(HostDiagnostics.Validate(Requests.ManagementHost(Some)).IsValid);
    }
}
