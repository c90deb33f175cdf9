using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Plans;
using IsatapPlatform.Planning.Rendering;
using IsatapPlatform.Planning.Tests.Support;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Planning.Tests;

/// <summary>Every hostile input in every string field is either refused with a field error at that field,
/// or yields scripts whose syntax trees run only allow-listed commands, with the input only inside
/// single-quoted string constants. The second half bypasses validation to prove the quoting holds alone.</summary>
public class InjectionCorpusTests
{
    [Fact]
    public void The_corpus_has_at_least_200_hostile_inputs() => Assert.True(HostileCorpus.Values.Count >= 200, HostileCorpus.Values.Count.ToString());

    /// <summary>Each string field, its JSON path, and a request where that field is used.</summary>
    private static readonly (string Path, Func<string, PlanRequest> Put)[] Fields =
    [
        ("deployment.servers[0].name", v => WithDeployment(Requests.Deploy(), d => d with { Servers = [new() { Name = v, InternalIpv4 = "10.0.0.1" }] })),
        ("deployment.servers[0].internalIpv4", v => WithDeployment(Requests.Deploy(), d => d with { Servers = [new() { Name = "DA01", InternalIpv4 = v }] })),
        ("deployment.virtualIpv4", v => WithDeployment(Requests.Deploy(Topology.Nlb), d => d with { VirtualIpv4 = v })),
        ("deployment.isatapPrefix", v => WithDeployment(Requests.Deploy(), d => d with { IsatapPrefix = v })),
        ("deployment.dnsZone", v => WithDeployment(Requests.Deploy(), d => d with { DnsZone = v })),
        ("deployment.dnsServer", v => WithDeployment(Requests.Deploy(), d => d with { DnsServer = v })),
        ("router.name", v => Requests.Deploy() with { Router = new RouterSpec { Name = v, AllowGlobalName = true } }),
        ("router.server.name", v => Requests.Deploy(Topology.Multisite) with { Router = new RouterSpec { Name = "isatap-mo", Server = new() { Name = v, InternalIpv4 = "10.0.0.20" } } }),
        ("router.server.internalIpv4", v => Requests.Deploy(Topology.ExternalLoadBalancer) with { Router = new RouterSpec { Name = "isatap-mo", Server = new() { Name = "ISATAP01", InternalIpv4 = v } } }),
        ("targets[0].name", v => Requests.Deploy(Topology.SingleServer, ConfigurationMethod.Powershell, Os.Windows10_1607) with { Targets = [new() { Name = v, Os = Os.Windows10_1607 }] }),
        ("groupPolicy.name", v => Requests.Deploy() with { GroupPolicy = Requests.GroupPolicy with { Name = v } }),
        ("groupPolicy.securityGroup", v => Requests.Deploy() with { GroupPolicy = Requests.GroupPolicy with { SecurityGroup = v } }),
        ("groupPolicy.linkTo", v => Requests.Deploy() with { GroupPolicy = Requests.GroupPolicy with { LinkTo = v } }),
        ("directAccessClient", v => Requests.Deploy() with { DirectAccessClient = v }),
    ];

    private static PlanRequest WithDeployment(PlanRequest r, Func<DeploymentSpec, DeploymentSpec> f) => r with { Deployment = f(r.Deployment!) };

    [Fact]
    public void Every_hostile_input_in_every_field_is_refused_at_that_field_or_stays_a_string_constant()
    {
        int refused = 0, planned = 0;
        foreach (var (path, put) in Fields)
            foreach (var value in HostileCorpus.Values)
            {
                var result = IsatapPlanner.CreatePlan(put(value));
                if (!result.IsValid)
                {
                    Assert.Contains(result.Validation.Errors, e => e.Path == path);
                    refused++;
                    continue;
                }
                planned++;
                foreach (var (context, script) in PowerShellSyntax.Scripts(result.Plan!))
                    PowerShellSyntax.AssertSafe(script, $"{path}={value} / {context}", HostileCorpus.Marker);
            }
        Assert.Equal(Fields.Length * HostileCorpus.Values.Count, refused + planned);
    }

    // ---- quoting alone: the validated spec is built directly, with hostile strings ----------------

    private static PlanSpec BaseSpec(ConfigurationMethod method, Topology topology = Topology.SingleServer) => new(
        PlanMode.Deploy, topology,
        [new HostSpec("DA01", IPv4Address.Parse("10.0.0.1")), new HostSpec("DA02", IPv4Address.Parse("10.0.0.2"))],
        IPv4Address.Parse("10.0.0.10"), IPv6Prefix.Parse("2002:836b:1:8000::/64"), "corp.contoso.com", "DC01", "isatap-mo", false,
        new HostSpec("ISATAP01", IPv4Address.Parse("10.0.0.20")), method,
        [new TargetHost("HELPDESK01", Os.Windows10_1607), new TargetHost("MGMT01", Os.Windows11)],
        new GpoSpec("DirectAccess Manage Out", "CORP\\DA Manage Out", "OU=Helpdesk,DC=corp,DC=contoso,DC=com"),
        "DACLIENT01.corp.contoso.com", []);

    private static readonly (string Field, Func<PlanSpec, string, PlanSpec> Put)[] SpecFields =
    [
        ("server name", (s, v) => s with { Servers = [new HostSpec(v, IPv4Address.Parse("10.0.0.1"))] }),
        ("standalone router name", (s, v) => s with { Topology = Topology.Multisite, StandaloneRouter = new HostSpec(v, IPv4Address.Parse("10.0.0.20")) }),
        ("dns zone", (s, v) => s with { DnsZone = v }),
        ("dns server", (s, v) => s with { DnsServer = v }),
        ("router label", (s, v) => s with { RouterLabel = v }),
        ("target name", (s, v) => s with { Targets = [new TargetHost(v, Os.Windows10_1607)] }),
        ("gpo name", (s, v) => s with { GroupPolicy = s.GroupPolicy! with { Name = v } }),
        ("security group", (s, v) => s with { GroupPolicy = s.GroupPolicy! with { SecurityGroup = v } }),
        ("link target", (s, v) => s with { GroupPolicy = s.GroupPolicy! with { LinkTo = v } }),
        ("directaccess client", (s, v) => s with { DirectAccessClient = v }),
    ];

    [Fact]
    public void With_validation_bypassed_PowerShell_quoting_alone_keeps_every_hostile_value_a_string_constant()
    {
        int built = 0, refusedByOtherSyntax = 0;
        foreach (var method in Enum.GetValues<ConfigurationMethod>())
            foreach (var mode in Enum.GetValues<PlanMode>())
                foreach (var (field, put) in SpecFields)
                    foreach (var value in HostileCorpus.Values)
                    {
                        var spec = put(BaseSpec(method) with { Mode = mode }, value);
                        Plan plan;
                        try { plan = PlanBuilder.Build(spec); }
                        catch (UnsafeShellValueException) { refusedByOtherSyntax++; continue; } // cmd.exe, .reg or HOSTS refused it
                        built++;
                        foreach (var (context, script) in PowerShellSyntax.Scripts(plan))
                            if (script.Contains(HostileCorpus.Marker, StringComparison.OrdinalIgnoreCase))
                                PowerShellSyntax.AssertSafe(script, $"{method} {mode} {field}={value} / {context}", HostileCorpus.Marker);
                        foreach (var a in plan.Artifacts)
                            Assert.Matches("^[a-z0-9A-Z.-]+$", a.FileName);
                    }
        Assert.True(built > refusedByOtherSyntax, $"built {built}, refused {refusedByOtherSyntax}");
    }
}
