using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Planning.Tests.Support;

/// <summary>Valid requests for every topology, method and OS family.</summary>
internal static class Requests
{
    public static readonly Topology[] Topologies = Enum.GetValues<Topology>();
    public static readonly ConfigurationMethod[] Methods = Enum.GetValues<ConfigurationMethod>();
    public static readonly Os[] OsFamilies = Enum.GetValues<Os>();

    public static DeploymentSpec Deployment(Topology topology) => new()
    {
        Topology = topology,
        Servers = topology == Topology.SingleServer
            ? [new ServerSpec { Name = "DA01", InternalIpv4 = "10.0.0.1" }]
            : [new ServerSpec { Name = "DA01", InternalIpv4 = "10.0.0.1" }, new ServerSpec { Name = "DA02.corp.contoso.com", InternalIpv4 = "10.0.0.2" }],
        VirtualIpv4 = topology == Topology.Nlb ? "10.0.0.10" : null,
        IsatapPrefix = "2002:836b:1:8000::/64",
        DnsZone = "corp.contoso.com",
        DnsServer = "DC01",
    };

    public static RouterSpec Router(Topology topology, string name = "isatap-mo") => new()
    {
        Name = name,
        Server = topology is Topology.ExternalLoadBalancer or Topology.Multisite ? new ServerSpec { Name = "ISATAP01", InternalIpv4 = "10.0.0.20" } : null,
    };

    public static GroupPolicySpec GroupPolicy => new()
    {
        Name = "DirectAccess Manage Out",
        SecurityGroup = "CORP\\DA Manage Out",
        LinkTo = "OU=Helpdesk,DC=corp,DC=contoso,DC=com",
    };

    public static PlanRequest Deploy(Topology topology = Topology.SingleServer, ConfigurationMethod method = ConfigurationMethod.GroupPolicy, params Os[] oses) => new()
    {
        Mode = PlanMode.Deploy,
        Deployment = Deployment(topology),
        Router = Router(topology),
        Method = method,
        Targets = (oses.Length == 0 ? [Os.Windows10_1703OrLater] : oses)
            .Select((os, i) => new TargetSpec { Name = i == 0 ? "HELPDESK01" : $"MGMT{i:D2}.corp.contoso.com", Os = os }).ToArray(),
        GroupPolicy = method == ConfigurationMethod.GroupPolicy ? GroupPolicy : null,
        DirectAccessClient = "DACLIENT01.corp.contoso.com",
    };

    public static PlanRequest Decommission(Topology topology = Topology.SingleServer, ConfigurationMethod? method = ConfigurationMethod.GroupPolicy, params Os[] oses) => new()
    {
        Mode = PlanMode.Decommission,
        Deployment = Deployment(topology),
        Router = method is null ? null : Router(topology),
        Method = method,
        Targets = method is null ? [] : (oses.Length == 0 ? [Os.Windows10_1703OrLater] : oses)
            .Select((os, i) => new TargetSpec { Name = $"HELPDESK{i + 1:D2}", Os = os }).ToArray(),
        GroupPolicy = method == ConfigurationMethod.GroupPolicy ? GroupPolicy : null,
    };

    public static Plan Plan(PlanRequest request)
    {
        var result = IsatapPlanner.CreatePlan(request);
        Assert.True(result.IsValid, string.Join("; ", result.Validation.Errors.Select(e => $"{e.Path} {e.Code} {e.Message}")));
        return result.Plan!;
    }

    /// <summary>Every valid deploy combination: topology x method x OS family (one target per family).</summary>
    public static IEnumerable<(Topology Topology, ConfigurationMethod Method, Os Os)> AllCombinations()
        => from t in Topologies from m in Methods from os in OsFamilies select (t, m, os);
}
