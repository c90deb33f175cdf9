using System.Text.Json.Serialization;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Contracts.Diagnostics;

/// <summary>What the diagnosed host is; it decides which rules apply.</summary>
[JsonConverter(typeof(ContractEnumConverter<HostRole>))]
public enum HostRole
{
    /// <summary><c>"management-host"</c>: an intranet host that initiates manage-out connections over ISATAP.</summary>
    [JsonStringEnumMemberName("management-host")] ManagementHost,
    /// <summary><c>"directaccess-server"</c>: a DirectAccess server acting as the ISATAP router.</summary>
    [JsonStringEnumMemberName("directaccess-server")] DirectAccessServer,
    /// <summary><c>"isatap-router"</c>: a standalone ISATAP router (load-balanced or multisite DirectAccess).</summary>
    [JsonStringEnumMemberName("isatap-router")] IsatapRouter,
    /// <summary><c>"directaccess-client"</c>: a remote DirectAccess client that manage-out hosts connect to.</summary>
    [JsonStringEnumMemberName("directaccess-client")] DirectAccessClient,
}

/// <summary>How bad a finding is. A host is healthy when no finding is an error.</summary>
[JsonConverter(typeof(ContractEnumConverter<Severity>))]
public enum Severity
{
    /// <summary><c>"error"</c>: manage-out is broken (or will be) until this is fixed.</summary>
    [JsonStringEnumMemberName("error")] Error,
    /// <summary><c>"warning"</c>: works, but unsupported, fragile, or the evidence is incomplete.</summary>
    [JsonStringEnumMemberName("warning")] Warning,
    /// <summary><c>"info"</c>: worth knowing; nothing to fix.</summary>
    [JsonStringEnumMemberName("info")] Info,
}

/// <summary>Which transition technology an interface belongs to.</summary>
[JsonConverter(typeof(ContractEnumConverter<InterfaceKind>))]
public enum InterfaceKind
{
    /// <summary><c>"isatap"</c></summary>
    [JsonStringEnumMemberName("isatap")] Isatap,
    /// <summary><c>"teredo"</c></summary>
    [JsonStringEnumMemberName("teredo")] Teredo,
    /// <summary><c>"ip-https"</c></summary>
    [JsonStringEnumMemberName("ip-https")] IpHttps,
    /// <summary><c>"other"</c>: a LAN, loopback or any other interface.</summary>
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>Whether an interface is up, as the evidence shows it.</summary>
[JsonConverter(typeof(ContractEnumConverter<LinkState>))]
public enum LinkState
{
    /// <summary><c>"unknown"</c>: the evidence does not say.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,
    /// <summary><c>"connected"</c></summary>
    [JsonStringEnumMemberName("connected")] Connected,
    /// <summary><c>"disconnected"</c> (ipconfig: "Media disconnected").</summary>
    [JsonStringEnumMemberName("disconnected")] Disconnected,
}

/// <summary>The duplicate-address-detection state of an address (ipconfig's "(Preferred)" suffix,
/// netsh's "DAD State", Get-NetIPAddress's AddressState).</summary>
[JsonConverter(typeof(ContractEnumConverter<AddressState>))]
public enum AddressState
{
    /// <summary><c>"unknown"</c>: no state shown, or a word the parsers do not know.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,
    /// <summary><c>"preferred"</c></summary>
    [JsonStringEnumMemberName("preferred")] Preferred,
    /// <summary><c>"deprecated"</c>: for an ISATAP link-local address, no router is reachable (REFERENCE §5.9).</summary>
    [JsonStringEnumMemberName("deprecated")] Deprecated,
    /// <summary><c>"tentative"</c></summary>
    [JsonStringEnumMemberName("tentative")] Tentative,
    /// <summary><c>"duplicate"</c></summary>
    [JsonStringEnumMemberName("duplicate")] Duplicate,
    /// <summary><c>"invalid"</c></summary>
    [JsonStringEnumMemberName("invalid")] Invalid,
}
