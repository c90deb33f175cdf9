using System.Text.Json.Serialization;

namespace IsatapPlatform.Contracts.Plans;

/// <summary>What a plan does: <c>"deploy"</c> targeted manage-out ISATAP, or <c>"decommission"</c> a global one.</summary>
[JsonConverter(typeof(ContractEnumConverter<PlanMode>))]
public enum PlanMode
{
    /// <summary><c>"deploy"</c></summary>
    [JsonStringEnumMemberName("deploy")] Deploy,
    /// <summary><c>"decommission"</c></summary>
    [JsonStringEnumMemberName("decommission")] Decommission,
}

/// <summary>The DirectAccess deployment shape (REFERENCE §5.2).</summary>
[JsonConverter(typeof(ContractEnumConverter<Topology>))]
public enum Topology
{
    /// <summary><c>"single-server"</c>: the only supported ISATAP topology.</summary>
    [JsonStringEnumMemberName("single-server")] SingleServer,
    /// <summary><c>"nlb"</c>: Windows NLB; ISATAP works but is not supported.</summary>
    [JsonStringEnumMemberName("nlb")] Nlb,
    /// <summary><c>"external-load-balancer"</c>: needs a standalone ISATAP router or native IPv6.</summary>
    [JsonStringEnumMemberName("external-load-balancer")] ExternalLoadBalancer,
    /// <summary><c>"multisite"</c>: needs a standalone ISATAP router or native IPv6.</summary>
    [JsonStringEnumMemberName("multisite")] Multisite,
}

/// <summary>How the manage-out hosts are told to use the ISATAP router.</summary>
[JsonConverter(typeof(ContractEnumConverter<ConfigurationMethod>))]
public enum ConfigurationMethod
{
    /// <summary><c>"group-policy"</c>: best and most scalable.</summary>
    [JsonStringEnumMemberName("group-policy")] GroupPolicy,
    /// <summary><c>"powershell"</c>: Set-NetIsatapConfiguration on each host.</summary>
    [JsonStringEnumMemberName("powershell")] Powershell,
    /// <summary><c>"netsh"</c>: netsh interface isatap on each host.</summary>
    [JsonStringEnumMemberName("netsh")] Netsh,
    /// <summary><c>"hosts-file"</c>: a HOSTS entry on each host (test labs only).</summary>
    [JsonStringEnumMemberName("hosts-file")] HostsFile,
}

/// <summary>The operating-system family of a manage-out host. What differs between them is
/// whether ISATAP is off by default (1703 and later) and the Windows 10 1607 DNS-client bug.</summary>
[JsonConverter(typeof(ContractEnumConverter<Os>))]
public enum Os
{
    /// <summary><c>"windows-10-1607"</c></summary>
    [JsonStringEnumMemberName("windows-10-1607")] Windows10_1607,
    /// <summary><c>"windows-10-1703-or-later"</c></summary>
    [JsonStringEnumMemberName("windows-10-1703-or-later")] Windows10_1703OrLater,
    /// <summary><c>"windows-11"</c></summary>
    [JsonStringEnumMemberName("windows-11")] Windows11,
    /// <summary><c>"windows-server-2012-r2"</c></summary>
    [JsonStringEnumMemberName("windows-server-2012-r2")] WindowsServer2012R2,
    /// <summary><c>"windows-server-2016"</c></summary>
    [JsonStringEnumMemberName("windows-server-2016")] WindowsServer2016,
    /// <summary><c>"windows-server-2019-or-later"</c></summary>
    [JsonStringEnumMemberName("windows-server-2019-or-later")] WindowsServer2019OrLater,
}

/// <summary>Where a plan step runs.</summary>
[JsonConverter(typeof(ContractEnumConverter<StepTarget>))]
public enum StepTarget
{
    /// <summary><c>"dns"</c>: on (or against) the DNS server.</summary>
    [JsonStringEnumMemberName("dns")] Dns,
    /// <summary><c>"directaccess-server"</c>: on a DirectAccess server acting as ISATAP router.</summary>
    [JsonStringEnumMemberName("directaccess-server")] DirectAccessServer,
    /// <summary><c>"isatap-router"</c>: on a standalone ISATAP router.</summary>
    [JsonStringEnumMemberName("isatap-router")] IsatapRouter,
    /// <summary><c>"group-policy"</c>: with the GroupPolicy/ActiveDirectory modules (a domain admin workstation).</summary>
    [JsonStringEnumMemberName("group-policy")] GroupPolicy,
    /// <summary><c>"management-host"</c>: on a manage-out host (or, for decommission clean-up, another host named in the step).</summary>
    [JsonStringEnumMemberName("management-host")] ManagementHost,
}

/// <summary>Reads and writes the contract strings only: integers are refused, because
/// <c>"mode": 1</c> silently meaning "decommission" is not a contract anyone wrote down.</summary>
public sealed class ContractEnumConverter<TEnum> : JsonStringEnumConverter<TEnum> where TEnum : struct, Enum
{
    /// <summary>Creates the converter (names from <see cref="JsonStringEnumMemberNameAttribute"/>).</summary>
    public ContractEnumConverter() : base(namingPolicy: null, allowIntegerValues: false) { }
}
