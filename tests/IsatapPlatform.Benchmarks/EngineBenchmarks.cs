using System.Text.Json;
using BenchmarkDotNet.Attributes;
using IsatapPlatform.Diagnostics;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Examples;
using IsatapPlatform.Planning;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Benchmarks;

/// <summary>ISATAP plan generation (issue target: at most 1 ms median). The baseline is the work the HTTP
/// layer does anyway with the same plan: serialising it to JSON. The ratio says how much the engine adds
/// on top of writing its answer.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class PlanBenchmarks
{
    private PlanRequest _nlbGroupPolicy = null!;
    private Plan _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _nlbGroupPolicy = new PlanRequest
        {
            Mode = PlanMode.Deploy,
            Deployment = new DeploymentSpec
            {
                Topology = Topology.Nlb,
                Servers = [new ServerSpec { Name = "DA01", InternalIpv4 = "10.0.0.1" }, new ServerSpec { Name = "DA02", InternalIpv4 = "10.0.0.2" }],
                VirtualIpv4 = "10.0.0.10",
                IsatapPrefix = "2002:836b:1:8000::/64",
                DnsZone = "corp.contoso.com",
                DnsServer = "DC01",
            },
            Router = new RouterSpec { Name = "isatap-mo" },
            Method = ConfigurationMethod.GroupPolicy,
            Targets = [new TargetSpec { Name = "HELPDESK01", Os = Os.Windows10_1607 }, new TargetSpec { Name = "MGMT01", Os = Os.Windows11 }],
            GroupPolicy = new GroupPolicySpec { Name = "DirectAccess Manage Out", SecurityGroup = "CORP\\DA Manage Out", LinkTo = "OU=Helpdesk,DC=corp,DC=contoso,DC=com" },
        };
        var result = IsatapPlanner.CreatePlan(_nlbGroupPolicy);
        _plan = result.Plan ?? throw new InvalidOperationException("the benchmark request must be valid");
    }

    [Benchmark(Baseline = true, Description = "Serialize the plan to JSON (baseline)")]
    public string SerializePlan() => JsonSerializer.Serialize(_plan);

    [Benchmark(Description = "CreatePlan: NLB, group policy, two targets")]
    public Plan? CreatePlan() => IsatapPlanner.CreatePlan(_nlbGroupPolicy).Plan;
}

/// <summary>Diagnosing a 200-line ipconfig /all (issue target: at most 1 ms median). Baseline as for plans:
/// serialising the same diagnosis to JSON, which the HTTP layer does anyway.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class DiagnosisBenchmarks
{
    private DiagnosisRequest _request = null!;
    private Diagnosis _diagnosis = null!;

    [GlobalSetup]
    public void Setup()
    {
        _request = DiagnosisExamples.ManagementHostFromIpconfig();
        if (DiagnosisExamples.TwoHundredLineIpconfig().Split('\n').Length < 200)
            throw new InvalidOperationException("the benchmark needs a 200-line ipconfig /all");
        _diagnosis = HostDiagnostics.Diagnose(_request).Diagnosis ?? throw new InvalidOperationException("the benchmark request must be valid");
    }

    [Benchmark(Baseline = true, Description = "Serialize the diagnosis to JSON (baseline)")]
    public string SerializeDiagnosis() => JsonSerializer.Serialize(_diagnosis);

    [Benchmark(Description = "Diagnose a 200-line ipconfig /all")]
    public Diagnosis? Diagnose() => HostDiagnostics.Diagnose(_request).Diagnosis;
}
