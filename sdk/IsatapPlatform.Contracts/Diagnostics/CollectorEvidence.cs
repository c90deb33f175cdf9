using System.Text.Json.Serialization;

namespace IsatapPlatform.Contracts.Diagnostics;

// The JSON document windows.ps1 prints (evidence.collector). Every property is optional and read leniently:
// Windows PowerShell 5.1's ConvertTo-Json unrolls one-element arrays and sometimes wraps arrays as
// {"value":[...],"Count":n}, and numbers may arrive as strings, so a value of the wrong shape becomes null
// (unknown) instead of failing the whole request. Enum values are the names PowerShell prints ("Enabled",
// "Preferred"), because the collector casts every enum to [string].

/// <summary>The collector's JSON document (<c>evidence.collector</c>), schema version 1.</summary>
public sealed record CollectorEvidence
{
    /// <summary>The schema version; this engine reads version 1.</summary>
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? SchemaVersion { get; init; }

    /// <summary>Who wrote the document (<c>"IsatapPlatform windows.ps1"</c>).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Collector { get; init; }

    /// <summary>When it was collected (ISO 8601, UTC).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? CollectedAtUtc { get; init; }

    /// <summary><c>$env:COMPUTERNAME</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ComputerName { get; init; }

    /// <summary><c>$PSVersionTable.PSVersion</c> of the shell that ran the collector.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? PowershellVersion { get; init; }

    /// <summary>Operating system caption, version and build.</summary>
    [JsonConverter(typeof(LenientObjectConverter<CollectorOs>))]
    public CollectorOs? Os { get; init; }

    /// <summary><c>Get-NetIsatapConfiguration</c> (the active configuration).</summary>
    [JsonConverter(typeof(LenientObjectConverter<CollectorIsatapConfiguration>))]
    public CollectorIsatapConfiguration? IsatapConfiguration { get; init; }

    /// <summary>The Group Policy values under <c>HKLM\Software\Policies\Microsoft\Windows\TCPIP\v6Transition</c>.</summary>
    [JsonConverter(typeof(LenientObjectConverter<CollectorIsatapPolicy>))]
    public CollectorIsatapPolicy? IsatapPolicy { get; init; }

    /// <summary>The ISATAP, Teredo and IP-HTTPS interfaces (<c>Get-NetIPInterface</c>, <c>Get-NetAdapter -IncludeHidden</c>,
    /// <c>Get-NetIPAddress</c>, and <c>Get-NetRoute</c> for ISATAP interfaces).</summary>
    [JsonConverter(typeof(LenientListConverter<CollectorInterface>))]
    public IReadOnlyList<CollectorInterface>? Interfaces { get; init; }

    /// <summary><c>HKLM\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters\DisabledComponents</c>.</summary>
    [JsonConverter(typeof(LenientObjectConverter<CollectorRegistryDword>))]
    public CollectorRegistryDword? DisabledComponents { get; init; }

    /// <summary>The IP Helper service (<c>iphlpsvc</c>).</summary>
    [JsonConverter(typeof(LenientObjectConverter<CollectorService>))]
    public CollectorService? IpHelper { get; init; }

    /// <summary>Resolution of the ISATAP router name the host uses.</summary>
    [JsonConverter(typeof(LenientObjectConverter<CollectorRouterResolution>))]
    public CollectorRouterResolution? RouterResolution { get; init; }

    /// <summary>DNS client parameters under <c>HKLM\SYSTEM\CurrentControlSet\Services\Dnscache\Parameters</c>.</summary>
    [JsonConverter(typeof(LenientObjectConverter<CollectorDnsClient>))]
    public CollectorDnsClient? DnsClient { get; init; }

    /// <summary><c>Get-RemoteAccess</c> on a DirectAccess server; null elsewhere.</summary>
    [JsonConverter(typeof(LenientObjectConverter<CollectorRemoteAccess>))]
    public CollectorRemoteAccess? RemoteAccess { get; init; }

    /// <summary>Enabled inbound allow rules among the management rules the collector knows (edge traversal).</summary>
    [JsonConverter(typeof(LenientListConverter<CollectorFirewallRule>))]
    public IReadOnlyList<CollectorFirewallRule>? FirewallRules { get; init; }

    /// <summary>The text of <c>netsh interface ipv6 show interfaces</c>, only when the NetTCPIP cmdlets are missing.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? NetshInterfaces { get; init; }

    /// <summary>The text of <c>netsh interface ipv6 show addresses</c>, only when the NetTCPIP cmdlets are missing.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? NetshAddresses { get; init; }

    /// <summary>The items the collector could not read, with the error message.</summary>
    [JsonConverter(typeof(LenientListConverter<CollectorError>))]
    public IReadOnlyList<CollectorError>? Errors { get; init; }

    /// <summary>Set when <c>evidence.collector</c> was a string that is not a JSON object.</summary>
    internal string? ReadError { get; init; }
}

/// <summary>The operating system (<c>Win32_OperatingSystem</c> and <c>HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion</c>).</summary>
public sealed record CollectorOs
{
    /// <summary>Caption, e.g. <c>"Microsoft Windows Server 2019 Standard"</c> (localized).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Caption { get; init; }

    /// <summary>Version, e.g. <c>"10.0.17763"</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Version { get; init; }

    /// <summary>Build number, e.g. <c>17763</c>.</summary>
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? BuildNumber { get; init; }

    /// <summary>1 workstation, 2 domain controller, 3 server.</summary>
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? ProductType { get; init; }

    /// <summary><c>DisplayVersion</c>, e.g. <c>"22H2"</c> (Windows 10 20H2 and later).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? DisplayVersion { get; init; }

    /// <summary><c>ReleaseId</c>, e.g. <c>"1607"</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ReleaseId { get; init; }
}

/// <summary><c>Get-NetIsatapConfiguration</c>. Property names mirror the cmdlet's parameters (REFERENCE §4.1);
/// the output object itself is UNVERIFIED.</summary>
public sealed record CollectorIsatapConfiguration
{
    /// <summary><c>Default</c>, <c>Automatic</c>, <c>Enabled</c> or <c>Disabled</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? State { get; init; }

    /// <summary>The router name or IPv4 (empty when not set).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Router { get; init; }

    /// <summary>The router-name resolution state.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ResolutionState { get; init; }

    /// <summary>The router-name resolution interval in seconds.</summary>
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? ResolutionIntervalSeconds { get; init; }
}

/// <summary>ISATAP Group Policy values (REFERENCE §4.5); null when the value is not set.</summary>
public sealed record CollectorIsatapPolicy
{
    /// <summary><c>ISATAP_State</c>: <c>Default</c>, <c>Enabled</c> or <c>Disabled</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? State { get; init; }

    /// <summary><c>ISATAP_RouterName</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? RouterName { get; init; }
}

/// <summary>One ISATAP, Teredo or IP-HTTPS interface.</summary>
public sealed record CollectorInterface
{
    /// <summary>ifIndex.</summary>
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? InterfaceIndex { get; init; }

    /// <summary>InterfaceAlias, e.g. <c>"isatap.{GUID}"</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? InterfaceAlias { get; init; }

    /// <summary>InterfaceDescription from <c>Get-NetAdapter -IncludeHidden</c>, e.g. <c>"Microsoft ISATAP Adapter #2"</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? InterfaceDescription { get; init; }

    /// <summary>InterfaceGuid from <c>Get-NetAdapter -IncludeHidden</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? InterfaceGuid { get; init; }

    /// <summary>The collector's classification: <c>isatap</c>, <c>teredo</c> or <c>iphttps</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Kind { get; init; }

    /// <summary><c>Connected</c> or <c>Disconnected</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ConnectionState { get; init; }

    /// <summary><c>Enabled</c> or <c>Disabled</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Forwarding { get; init; }

    /// <summary><c>Enabled</c> or <c>Disabled</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Advertising { get; init; }

    /// <summary><c>Enabled</c> or <c>Disabled</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? AdvertiseDefaultRoute { get; init; }

    /// <summary>The IPv6 MTU (ISATAP: 1280).</summary>
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? NlMtu { get; init; }

    /// <summary>The IPv6 addresses (<c>Get-NetIPAddress -AddressFamily IPv6 -InterfaceIndex</c>).</summary>
    [JsonConverter(typeof(LenientListConverter<CollectorAddress>))]
    public IReadOnlyList<CollectorAddress>? Addresses { get; init; }

    /// <summary>The IPv6 routes (<c>Get-NetRoute -AddressFamily IPv6 -InterfaceIndex</c>), ISATAP interfaces only.</summary>
    [JsonConverter(typeof(LenientListConverter<CollectorRoute>))]
    public IReadOnlyList<CollectorRoute>? Routes { get; init; }
}

/// <summary>One address of <c>Get-NetIPAddress</c>.</summary>
public sealed record CollectorAddress
{
    /// <summary>IPAddress, possibly with a <c>%zone</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? IpAddress { get; init; }

    /// <summary>PrefixLength.</summary>
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? PrefixLength { get; init; }

    /// <summary>AddressState: <c>Preferred</c>, <c>Deprecated</c>, <c>Tentative</c>, <c>Duplicate</c>, <c>Invalid</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? AddressState { get; init; }

    /// <summary>PrefixOrigin (<c>WellKnown</c>, <c>RouterAdvertisement</c>, ...).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? PrefixOrigin { get; init; }

    /// <summary>SuffixOrigin (<c>Link</c>, ...).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? SuffixOrigin { get; init; }
}

/// <summary>One route of <c>Get-NetRoute</c>.</summary>
public sealed record CollectorRoute
{
    /// <summary>DestinationPrefix, e.g. <c>"::/0"</c> or the ISATAP /64.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? DestinationPrefix { get; init; }

    /// <summary>NextHop (<c>"::"</c> for on-link).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? NextHop { get; init; }

    /// <summary>Publish: <c>No</c>, <c>Age</c> or <c>Yes</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Publish { get; init; }

    /// <summary>RouteMetric.</summary>
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? RouteMetric { get; init; }
}

/// <summary>A REG_DWORD that may be absent.</summary>
public sealed record CollectorRegistryDword
{
    /// <summary>True when the value exists.</summary>
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool? Present { get; init; }

    /// <summary>The value as an unsigned 32-bit number (0xFFFFFFFF is 4294967295; a negative number is read as
    /// its two's complement, because Get-ItemProperty returns REG_DWORD as a signed Int32).</summary>
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? Value { get; init; }
}

/// <summary>A Windows service.</summary>
public sealed record CollectorService
{
    /// <summary>Status: <c>Running</c>, <c>Stopped</c>, ...</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Status { get; init; }

    /// <summary>StartType: <c>Automatic</c>, <c>Manual</c>, <c>Disabled</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? StartType { get; init; }
}

/// <summary>How the host resolves the ISATAP router name.</summary>
public sealed record CollectorRouterResolution
{
    /// <summary>The name resolved.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Name { get; init; }

    /// <summary>Where the name came from: <c>parameter</c>, <c>policy</c>, <c>isatap-configuration</c> or
    /// <c>default</c> (the single label <c>isatap</c>, REFERENCE §2.3).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Source { get; init; }

    /// <summary>True when the name is an IPv4 literal (no DNS needed).</summary>
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool? IsIpv4Literal { get; init; }

    /// <summary>The IPv4 addresses it resolved to (empty when it did not resolve).</summary>
    [JsonConverter(typeof(LenientStringListConverter))]
    public IReadOnlyList<string>? Addresses { get; init; }

    /// <summary>The resolver's error message, when resolution failed.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Error { get; init; }
}

/// <summary>DNS client parameters; null when the value is not set.</summary>
public sealed record CollectorDnsClient
{
    /// <summary><c>DisableParallelAandAAAA</c> (the Windows 10 before 1703 workaround, REFERENCE §5.3).</summary>
    [JsonPropertyName("disableParallelAandAAAA")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? DisableParallelAandAaaa { get; init; }

    /// <summary><c>DisableNRPTForAdapterRegistration</c> (0 re-enables DirectAccess client registration, REFERENCE §5.7).</summary>
    [JsonPropertyName("disableNRPTForAdapterRegistration")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? DisableNrptForAdapterRegistration { get; init; }
}

/// <summary><c>Get-RemoteAccess</c> on a DirectAccess server.</summary>
public sealed record CollectorRemoteAccess
{
    /// <summary>InternalIPv6Prefix (the ISATAP /64 in Hicks' scripts, REFERENCE §3.2, §4.2).</summary>
    [JsonPropertyName("internalIPv6Prefix")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? InternalIpv6Prefix { get; init; }

    /// <summary>InternalInterface: the alias of the internal adapter.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? InternalInterface { get; init; }

    /// <summary>The internal adapter's InterfaceGuid; its ISATAP interface is named <c>isatap.{GUID}</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? InternalInterfaceGuid { get; init; }

    /// <summary>The internal adapter's IPv4 addresses.</summary>
    [JsonConverter(typeof(LenientStringListConverter))]
    public IReadOnlyList<string>? InternalIpv4 { get; init; }
}

/// <summary>An inbound firewall rule that manage-out traffic needs (REFERENCE §5.6).</summary>
public sealed record CollectorFirewallRule
{
    /// <summary>Name (the rule's id, not localized).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Name { get; init; }

    /// <summary>DisplayName (localized).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? DisplayName { get; init; }

    /// <summary>EdgeTraversalPolicy: <c>Block</c>, <c>Allow</c>, <c>DeferToUser</c> or <c>DeferToApp</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? EdgeTraversalPolicy { get; init; }

    /// <summary>PolicyStoreSourceType: <c>Local</c>, <c>GroupPolicy</c>, ...</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? PolicyStoreSourceType { get; init; }

    /// <summary>PolicyStoreSource (for Group Policy rules, the GPO).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? PolicyStoreSource { get; init; }
}

/// <summary>An item the collector could not read.</summary>
public sealed record CollectorError
{
    /// <summary>The item (a top-level property name of the document).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Item { get; init; }

    /// <summary>The exception message (localized).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Message { get; init; }
}
