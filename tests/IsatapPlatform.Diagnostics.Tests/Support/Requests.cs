using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Diagnostics.Tests.Support;

/// <summary>Requests and diagnoses for the tests.</summary>
internal static class Requests
{
    public static readonly ExpectedConfiguration Expected = new() { RouterName = "isatap-mo.corp.contoso.com", RouterIpv4 = "10.0.0.1", IsatapPrefix = "fd7f:f787:2112:1::/64" };

    public static DiagnosisRequest Request(string name, HostRole role, HostEvidence evidence, ExpectedConfiguration? expected = null)
        => new() { Host = new DiagnosedHost { Name = name, Role = role }, Expected = expected, Evidence = evidence };

    public static DiagnosisRequest ManagementHost(HostEvidence evidence, ExpectedConfiguration? expected = null)
        => Request("HELPDESK01", HostRole.ManagementHost, evidence, expected ?? Expected);

    public static DiagnosisRequest DirectAccessServer(HostEvidence evidence, ExpectedConfiguration? expected = null)
        => Request("DA01", HostRole.DirectAccessServer, evidence, expected ?? Expected);

    public static DiagnosisRequest Client(HostEvidence evidence) => Request("LAPTOP01", HostRole.DirectAccessClient, evidence);

    public static Diagnosis Diagnose(DiagnosisRequest request)
    {
        var result = HostDiagnostics.Diagnose(request);
        Assert.True(result.IsValid, string.Join("; ", result.Validation.Errors.Select(e => $"{e.Path} {e.Code} {e.Message}")));
        return result.Diagnosis!;
    }

    public static Diagnosis Ipconfig(string text, ExpectedConfiguration? expected = null)
        => Diagnose(ManagementHost(new HostEvidence { IpconfigAll = text }, expected));

    public static Diagnosis Collector(CollectorEvidence collector, HostRole role = HostRole.ManagementHost, ExpectedConfiguration? expected = null, string? ipconfig = null)
    {
        string name = role switch { HostRole.DirectAccessServer => "DA01", HostRole.IsatapRouter => "ISATAP01", HostRole.DirectAccessClient => "LAPTOP01", _ => "HELPDESK01" };
        return Diagnose(Request(name, role, new HostEvidence { Collector = collector, IpconfigAll = ipconfig }, expected ?? (role == HostRole.DirectAccessClient ? null : Expected)));
    }

    public static Finding Single(this Diagnosis d, string code)
    {
        var f = d.Findings.Where(f => f.Code == code).ToList();
        Assert.True(f.Count == 1, $"expected one {code}, got: {string.Join(", ", d.Findings.Select(x => x.Code))}");
        return f[0];
    }

    public static void Lacks(this Diagnosis d, string code)
        => Assert.DoesNotContain(d.Findings, f => f.Code == code);

    public static string[] Codes(this Diagnosis d) => d.Findings.Select(f => f.Code).ToArray();

    public static PlanStep Step(this Diagnosis d, string idSuffix)
    {
        var s = d.Remediation.Steps.Where(s => s.Id.EndsWith(idSuffix, StringComparison.Ordinal)).ToList();
        Assert.True(s.Count == 1, $"expected a step *{idSuffix}, got: {string.Join(", ", d.Remediation.Steps.Select(x => x.Id))}");
        return s[0];
    }
}
