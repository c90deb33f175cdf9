using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Planning.Plans;

/// <summary>The plan's warnings, most important first.</summary>
internal static class PlanWarnings
{
    public static List<PlanWarning> For(PlanSpec spec)
    {
        var w = new List<PlanWarning>();
        bool configures = spec.Targets.Count > 0;
        if (spec.Mode == PlanMode.Deploy && spec.RouterIsGlobalName)
            w.Add(new PlanWarning(WarningCodes.RouterGlobalName,
                "The router name is 'isatap', the name every Windows host looks up by default (allowed by allowGlobalName). Publishing it in DNS enables ISATAP on every IPv6 host that resolves it, floods the network with IPv6 and ties routing to DNS; it is blocked by the Global Query Block List by default. " +
                "This plan never creates a DNS record named isatap: with a DNS-based method the name resolves only if such a record already exists and isatap was removed from the block list. Prefer a unique name such as 'isatap-mo'."));
        if (configures)
        {
            switch (spec.Topology)
            {
                case Topology.ExternalLoadBalancer:
                case Topology.Multisite:
                    w.Add(new PlanWarning(WarningCodes.TopologyUnsupported,
                        $"ISATAP is not supported on DirectAccess servers in a {ContractNames.Of(spec.Topology)} deployment (Microsoft: single-server only; REFERENCE §5.2). Use native IPv6 on the intranet (preferred), or a standalone ISATAP router: this plan configures {spec.StandaloneRouter!.Name} ({spec.StandaloneRouter.Ipv4}) as that router and points the unique name at it. " +
                        "Routing between the standalone router and the DirectAccess servers must be added for your network (not generated; UNVERIFIED)."));
                    break;
                case Topology.Nlb:
                    w.Add(new PlanWarning(WarningCodes.TopologyNlbUnsupported,
                        "With Windows NLB, ISATAP manage-out works but is not supported by Microsoft (REFERENCE §5.2). The plan creates an A record for each DirectAccess server and for the virtual IP under the unique name and configures every server as an ISATAP router."));
                    break;
            }
            var off = spec.Targets.Where(t => TargetSteps.IsDefaultOff(t.Os)).Select(t => t.Name).ToArray();
            if (off.Length > 0)
                w.Add(new PlanWarning(WarningCodes.OsIsatapDefaultOff,
                    $"ISATAP is off by default since Windows 10 1703 (Windows 11 and Windows Server 2019 and later are assumed to inherit this: inference, UNVERIFIED). A router name alone no longer enables it, so the plan also sets the state to Enabled on: {string.Join(", ", off)} (REFERENCE §4.5, §5.4)."));
            var bug = spec.Targets.Where(t => TargetSteps.HasDnsClientBug(t.Os)).Select(t => t.Name).ToArray();
            if (bug.Length > 0)
                w.Add(new PlanWarning(WarningCodes.OsDnsClientBug,
                    $"Manage-out over ISATAP from Windows 10 before 1703 fails because of a DNS-client bug; the plan sets DisableParallelAandAAAA=1 on: {string.Join(", ", bug)} (REFERENCE §5.3; Windows Server 2016 is included from the post's title, UNVERIFIED). Upgrading to 1703 or later fixes it."));
            if (spec.Method == ConfigurationMethod.HostsFile)
                w.Add(new PlanWarning(WarningCodes.MethodHostsNotScalable,
                    "HOSTS entries are for test labs only: they are per host, invisible to DNS administrators, silently stale when the router moves, and must be removed by hand from every host. Use group-policy in production."));
        }
        w.AddRange(spec.RequestWarnings);
        w.Add(new PlanWarning(WarningCodes.Deprecation,
            "ISATAP (with 6to4 and Teredo) is deprecated by Microsoft and off by default in current Windows releases, and DirectAccess is on Microsoft's list of deprecated features (date of that entry UNVERIFIED; REFERENCE §5.2, §5.4). Native IPv6 on the intranet is the preferred, durable way to reach DirectAccess clients; treat ISATAP manage-out as a bridge."));
        return w;
    }
}
