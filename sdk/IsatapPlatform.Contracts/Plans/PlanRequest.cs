namespace IsatapPlatform.Contracts.Plans;

/// <summary>The body of <c>POST /api/v1/isatap/plans</c> (and <c>/plans/bundle</c>). Property names map 1:1
/// to the JSON contract under System.Text.Json's camelCase (web) defaults. Everything is nullable so a
/// missing field becomes a validation error with its JSON path instead of a silent default.</summary>
/// <remarks>Defaults: <see cref="GroupPolicySpec.Name"/> is <c>"DirectAccess Manage Out"</c>;
/// without <see cref="DeploymentSpec.DnsServer"/> the DNS commands target the local DNS server.
/// Fields that do not apply to the chosen method or topology may be omitted; when given they are still
/// validated and a <c>request.ignored-field</c> warning says they were not used.</remarks>
public sealed record PlanRequest
{
    /// <summary><c>"deploy"</c> or <c>"decommission"</c>. Required.</summary>
    public PlanMode? Mode { get; init; }

    /// <summary>The DirectAccess deployment. Required.</summary>
    public DeploymentSpec? Deployment { get; init; }

    /// <summary>The unique ISATAP router name. Required in deploy mode, and in decommission mode when
    /// <see cref="Targets"/> are given (they are moved to this name before <c>isatap</c> is removed).</summary>
    public RouterSpec? Router { get; init; }

    /// <summary>How targets are configured. Required whenever <see cref="Targets"/> are given.</summary>
    public ConfigurationMethod? Method { get; init; }

    /// <summary>The manage-out hosts (helpdesk, management servers). At least one in deploy mode;
    /// in decommission mode, the hosts that still need ISATAP afterwards (may be empty).</summary>
    public IReadOnlyList<TargetSpec>? Targets { get; init; }

    /// <summary>The GPO to create. Used by the <c>"group-policy"</c> method, which needs
    /// <see cref="GroupPolicySpec.SecurityGroup"/> and <see cref="GroupPolicySpec.LinkTo"/>.</summary>
    public GroupPolicySpec? GroupPolicy { get; init; }

    /// <summary>Optional: a DirectAccess client (host name or FQDN) that each target's verification pings.
    /// An extension of the contract; without it the verification says to test one by hand.</summary>
    public string? DirectAccessClient { get; init; }
}

/// <summary>The DirectAccess deployment the plan is for.</summary>
public sealed record DeploymentSpec
{
    /// <summary><c>"single-server"</c>, <c>"nlb"</c>, <c>"external-load-balancer"</c> or <c>"multisite"</c>. Required.</summary>
    public Topology? Topology { get; init; }

    /// <summary>The DirectAccess servers: exactly one for single-server, two or more for NLB; for the
    /// external-load-balancer and multisite topologies they are listed for the record only (the ISATAP
    /// router is <see cref="RouterSpec.Server"/>).</summary>
    public IReadOnlyList<ServerSpec>? Servers { get; init; }

    /// <summary>The NLB cluster's internal virtual IPv4. Required for <c>"nlb"</c>.</summary>
    public string? VirtualIpv4 { get; init; }

    /// <summary>The ISATAP /64 the router advertises, e.g. <c>"2002:836b:1:8000::/64"</c>
    /// (<c>(Get-RemoteAccess).InternalIPv6Prefix</c> on the DirectAccess server). Required.</summary>
    public string? IsatapPrefix { get; init; }

    /// <summary>The DNS zone that holds the router's A record, e.g. <c>"corp.contoso.com"</c>. Required.</summary>
    public string? DnsZone { get; init; }

    /// <summary>The DNS server to change (host name, FQDN or IPv4). Optional: default is the local server.</summary>
    public string? DnsServer { get; init; }
}

/// <summary>A server: its computer name and internal IPv4.</summary>
public sealed record ServerSpec
{
    /// <summary>Computer name (NetBIOS, up to 15 characters) or an FQDN whose first label is one. Required.</summary>
    public string? Name { get; init; }

    /// <summary>The address of the internal interface, e.g. <c>"10.0.0.1"</c>. Required.</summary>
    public string? InternalIpv4 { get; init; }
}

/// <summary>The ISATAP router's DNS name.</summary>
public sealed record RouterSpec
{
    /// <summary>A single DNS label such as <c>"isatap-mo"</c>; the router FQDN is this label in
    /// <see cref="DeploymentSpec.DnsZone"/>. Never <c>"isatap"</c> unless <see cref="AllowGlobalName"/>.</summary>
    public string? Name { get; init; }

    /// <summary>Deploy mode only: accept the global name <c>isatap</c> anyway (a <c>router.global-name</c>
    /// warning is still raised, and the plan still never creates a DNS record named <c>isatap</c>).</summary>
    public bool AllowGlobalName { get; init; }

    /// <summary>The standalone ISATAP router, required for the external-load-balancer and multisite
    /// topologies (an extension of the contract: those topologies need a router that is not a
    /// DirectAccess server).</summary>
    public ServerSpec? Server { get; init; }
}

/// <summary>A manage-out host.</summary>
public sealed record TargetSpec
{
    /// <summary>Computer name (NetBIOS, up to 15 characters) or an FQDN whose first label is one. Required.</summary>
    public string? Name { get; init; }

    /// <summary>Operating-system family. Required.</summary>
    public Os? Os { get; init; }
}

/// <summary>The GPO of the <c>"group-policy"</c> method.</summary>
public sealed record GroupPolicySpec
{
    /// <summary>GPO display name. Default <c>"DirectAccess Manage Out"</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The security group that alone may apply the GPO, <c>"CORP\\DA Manage Out"</c> or
    /// <c>"DA Manage Out"</c>; the targets' computer accounts are added to it. Required.</summary>
    public string? SecurityGroup { get; init; }

    /// <summary>The distinguished name the GPO is linked to, e.g.
    /// <c>"OU=Helpdesk,DC=corp,DC=contoso,DC=com"</c>. Required.</summary>
    public string? LinkTo { get; init; }
}
