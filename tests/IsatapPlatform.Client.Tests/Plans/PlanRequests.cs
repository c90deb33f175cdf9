using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Examples;

namespace IsatapPlatform.Client.Tests.Plans;

/// <summary>Plan requests as a caller builds them with the contract records.</summary>
internal static class PlanRequests
{
    /// <summary>The contract example of issue 4: one DirectAccess server, Group Policy, one Windows 10 1703+ helpdesk host.</summary>
    public static PlanRequest Deploy() => PlanExamples.SingleServerGroupPolicy();

    /// <summary><see cref="Deploy"/> as the typed model.</summary>
    public static IsatapPlanRequest TypedDeploy() => new()
    {
        Mode = PlanMode.Deploy,
        Deployment = new IsatapPlanDeployment
        {
            Topology = Topology.SingleServer,
            Servers = [new IsatapPlanServer { Name = "DA01", InternalIpv4 = IPv4Address.Parse("10.0.0.1") }],
            IsatapPrefix = IPv6Prefix.Parse("2002:836b:1:8000::/64"),
            DnsZone = "corp.contoso.com",
            DnsServer = "DC01",
        },
        Router = new IsatapPlanRouter { Name = "isatap-mo" },
        Method = ConfigurationMethod.GroupPolicy,
        Targets = [new IsatapPlanTarget { Name = "HELPDESK01", Os = Os.Windows10_1703OrLater }],
        GroupPolicy = new IsatapPlanGroupPolicy
        {
            Name = "DirectAccess Manage Out",
            SecurityGroup = "CORP\\DA Manage Out",
            LinkTo = "OU=Helpdesk,DC=corp,DC=contoso,DC=com",
        },
    };
}
