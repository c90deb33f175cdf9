namespace IsatapPlatform.Contracts.Plans;

/// <summary>Stable warning codes of <see cref="PlanWarning"/>.</summary>
public static class WarningCodes
{
    /// <summary>The router name is <c>isatap</c> (deploy mode with allowGlobalName).</summary>
    public const string RouterGlobalName = "router.global-name";
    /// <summary>External load balancer or multisite: ISATAP needs a standalone router or native IPv6.</summary>
    public const string TopologyUnsupported = "topology.unsupported";
    /// <summary>Windows NLB: ISATAP works but is not supported.</summary>
    public const string TopologyNlbUnsupported = "topology.nlb-unsupported";
    /// <summary>Windows 10 1703 and later: ISATAP is off by default; the state must be Enabled.</summary>
    public const string OsIsatapDefaultOff = "os.isatap-default-off";
    /// <summary>Windows 10 before 1703: the DNS-client bug (DisableParallelAandAAAA).</summary>
    public const string OsDnsClientBug = "os.dns-client-bug";
    /// <summary>HOSTS entries do not scale: test labs only.</summary>
    public const string MethodHostsNotScalable = "method.hosts-not-scalable";
    /// <summary>ISATAP and DirectAccess are deprecated; native IPv6 is preferred.</summary>
    public const string Deprecation = "deprecation";
    /// <summary>A field that does not apply to the method or topology was given and ignored.</summary>
    public const string IgnoredField = "request.ignored-field";
    /// <summary>A server's internal IPv4 is globally routable (ISATAP may fail, REFERENCE §5.2).</summary>
    public const string PublicInternalIpv4 = "server.public-internal-ipv4";
    /// <summary>Decommission without targets: afterwards no host has ISATAP manage-out.</summary>
    public const string NoManageOutHosts = "decommission.no-manage-out-hosts";

    /// <summary>Every code, for documentation and tests.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        RouterGlobalName, TopologyUnsupported, TopologyNlbUnsupported, OsIsatapDefaultOff, OsDnsClientBug,
        MethodHostsNotScalable, Deprecation, IgnoredField, PublicInternalIpv4, NoManageOutHosts,
    ];
}
