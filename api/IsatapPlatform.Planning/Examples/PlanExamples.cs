using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Planning.Examples;

/// <summary>The plan request of issue 4, in one place for the OpenAPI examples, the client tests and anything else
/// that needs a realistic, valid request.</summary>
public static class PlanExamples
{
    /// <summary>One DirectAccess server, a Group Policy for one Windows 10 (1703 or later) helpdesk host, the unique
    /// router name <c>isatap-mo</c>. A new instance each call, so callers may derive variants with <c>with</c>.</summary>
    public static PlanRequest SingleServerGroupPolicy() => new()
    {
        Mode = PlanMode.Deploy,
        Deployment = new DeploymentSpec
        {
            Topology = Topology.SingleServer,
            Servers = [new ServerSpec { Name = "DA01", InternalIpv4 = "10.0.0.1" }],
            IsatapPrefix = "2002:836b:1:8000::/64",
            DnsZone = "corp.contoso.com",
            DnsServer = "DC01",
        },
        Router = new RouterSpec { Name = "isatap-mo" },
        Method = ConfigurationMethod.GroupPolicy,
        Targets = [new TargetSpec { Name = "HELPDESK01", Os = Os.Windows10_1703OrLater }],
        GroupPolicy = new GroupPolicySpec
        {
            Name = "DirectAccess Manage Out",
            SecurityGroup = "CORP\\DA Manage Out",
            LinkTo = "OU=Helpdesk,DC=corp,DC=contoso,DC=com",
        },
    };
}
