using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Client;

/// <summary>A deployment plan request with typed addresses: the same structure as the contract record
/// <see cref="PlanRequest"/>, but the ISATAP prefix is an <see cref="IPv6Prefix"/> and the server addresses are
/// <see cref="IPv4Address"/> values, so a malformed address is caught where it is parsed instead of by the service.
/// Pass it to <see cref="IsatapPlatformClient.CreateIsatapPlanAsync(IsatapPlanRequest, CancellationToken)"/> or
/// <see cref="IsatapPlatformClient.CreateIsatapPlanBundleAsync(IsatapPlanRequest, CancellationToken)"/>.</summary>
/// <remarks>Names (servers, router, targets, DNS zone, GPO) stay strings: they are names, and the service checks
/// them and reports each problem with its JSON path. For a field this model does not cover, build the contract
/// <see cref="PlanRequest"/> and call the overload that takes it.</remarks>
public sealed record IsatapPlanRequest
{
    /// <summary>Deploy or decommission.</summary>
    public required PlanMode Mode { get; init; }

    /// <summary>The DirectAccess deployment.</summary>
    public required IsatapPlanDeployment Deployment { get; init; }

    /// <summary>The unique ISATAP router name. Required in deploy mode, and in decommission mode when
    /// <see cref="Targets"/> are given.</summary>
    public IsatapPlanRouter? Router { get; init; }

    /// <summary>How targets are configured. Required whenever <see cref="Targets"/> are given.</summary>
    public ConfigurationMethod? Method { get; init; }

    /// <summary>The manage-out hosts. At least one in deploy mode; in decommission mode, the hosts that still
    /// need ISATAP afterwards (may be empty).</summary>
    public IReadOnlyList<IsatapPlanTarget>? Targets { get; init; }

    /// <summary>The GPO of the <see cref="ConfigurationMethod.GroupPolicy"/> method.</summary>
    public IsatapPlanGroupPolicy? GroupPolicy { get; init; }

    /// <summary>Optional: a DirectAccess client (host name or FQDN) that each target's verification pings.</summary>
    public string? DirectAccessClient { get; init; }
}

/// <summary>The DirectAccess deployment of an <see cref="IsatapPlanRequest"/> (contract:
/// <see cref="DeploymentSpec"/>).</summary>
public sealed record IsatapPlanDeployment
{
    /// <summary>The DirectAccess topology.</summary>
    public required Topology Topology { get; init; }

    /// <summary>The DirectAccess servers: exactly one for single-server, two or more for NLB; listed for the
    /// record only for the external-load-balancer and multisite topologies.</summary>
    public IReadOnlyList<IsatapPlanServer>? Servers { get; init; }

    /// <summary>The NLB cluster's internal virtual IPv4. Required for <see cref="Topology.Nlb"/>.</summary>
    public IPv4Address? VirtualIpv4 { get; init; }

    /// <summary>The ISATAP /64 the router advertises, for example <c>2002:836b:1:8000::/64</c>
    /// (<c>(Get-RemoteAccess).InternalIPv6Prefix</c> on the DirectAccess server).</summary>
    public required IPv6Prefix IsatapPrefix { get; init; }

    /// <summary>The DNS zone that holds the router's A record, for example <c>corp.contoso.com</c>.</summary>
    public required string DnsZone { get; init; }

    /// <summary>The DNS server to change (host name, FQDN or IPv4). Optional: default is the local server.</summary>
    public string? DnsServer { get; init; }
}

/// <summary>A server of an <see cref="IsatapPlanRequest"/>: its computer name and internal IPv4 (contract:
/// <see cref="ServerSpec"/>).</summary>
public sealed record IsatapPlanServer
{
    /// <summary>Computer name (NetBIOS, up to 15 characters) or an FQDN whose first label is one.</summary>
    public required string Name { get; init; }

    /// <summary>The address of the internal interface, for example <c>10.0.0.1</c>.</summary>
    public required IPv4Address InternalIpv4 { get; init; }
}

/// <summary>The ISATAP router of an <see cref="IsatapPlanRequest"/> (contract: <see cref="RouterSpec"/>).</summary>
public sealed record IsatapPlanRouter
{
    /// <summary>A single DNS label such as <c>isatap-mo</c>; never the global name <c>isatap</c> unless
    /// <see cref="AllowGlobalName"/>.</summary>
    public required string Name { get; init; }

    /// <summary>Deploy mode only: accept the global name <c>isatap</c> anyway (a warning is still raised).</summary>
    public bool AllowGlobalName { get; init; }

    /// <summary>The standalone ISATAP router, required for the external-load-balancer and multisite topologies.</summary>
    public IsatapPlanServer? Server { get; init; }
}

/// <summary>A manage-out host of an <see cref="IsatapPlanRequest"/> (contract: <see cref="TargetSpec"/>).</summary>
public sealed record IsatapPlanTarget
{
    /// <summary>Computer name (NetBIOS, up to 15 characters) or an FQDN whose first label is one.</summary>
    public required string Name { get; init; }

    /// <summary>Operating-system family.</summary>
    public required Os Os { get; init; }
}

/// <summary>The GPO of the group-policy method (contract: <see cref="GroupPolicySpec"/>).</summary>
public sealed record IsatapPlanGroupPolicy
{
    /// <summary>GPO display name. Null for the service's default, <c>DirectAccess Manage Out</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The security group that alone may apply the GPO, <c>CORP\DA Manage Out</c> or
    /// <c>DA Manage Out</c>; the targets' computer accounts are added to it.</summary>
    public required string SecurityGroup { get; init; }

    /// <summary>The distinguished name the GPO is linked to, for example
    /// <c>OU=Helpdesk,DC=corp,DC=contoso,DC=com</c>.</summary>
    public required string LinkTo { get; init; }
}
