using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Planning.Validation;

/// <summary>A request after validation: every string fits <see cref="NameRules"/>, every address is a
/// parsed value. The plan builder takes only this, so nothing unvalidated reaches a script renderer.
/// (Tests build it directly with hostile strings to prove the quoting holds on its own.)</summary>
internal sealed record PlanSpec(
    PlanMode Mode,
    Topology Topology,
    IReadOnlyList<HostSpec> Servers,
    IPv4Address? VirtualIpv4,
    IPv6Prefix IsatapPrefix,
    string DnsZone,
    string? DnsServer,
    string? RouterLabel,
    bool AllowGlobalName,
    HostSpec? StandaloneRouter,
    ConfigurationMethod? Method,
    IReadOnlyList<TargetHost> Targets,
    GpoSpec? GroupPolicy,
    string? DirectAccessClient,
    IReadOnlyList<PlanWarning> RequestWarnings)
{
    /// <summary>The router FQDN (label in the zone), or null when the plan has no router name.</summary>
    public string? RouterFqdn => RouterLabel is null ? null : RouterLabel + "." + DnsZone;

    /// <summary>True for the name Windows looks up by default.</summary>
    public bool RouterIsGlobalName => string.Equals(RouterLabel, "isatap", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A server (DirectAccess server or standalone ISATAP router).</summary>
internal sealed record HostSpec(string Name, IPv4Address Ipv4)
{
    public string ComputerName => NameRules.FirstLabel(Name);
}

/// <summary>A manage-out host.</summary>
internal sealed record TargetHost(string Name, Os Os)
{
    public string ComputerName => NameRules.FirstLabel(Name);
}

/// <summary>The GPO of the group-policy method.</summary>
internal sealed record GpoSpec(string Name, string SecurityGroup, string LinkTo)
{
    public string GroupAccountName => NameRules.GroupAccountName(SecurityGroup);
}
