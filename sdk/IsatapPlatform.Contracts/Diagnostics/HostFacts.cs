namespace IsatapPlatform.Contracts.Diagnostics;

/// <summary>What the evidence says about the host, merged from every evidence field.</summary>
/// <param name="Name">The host name from the request.</param>
/// <param name="Role">The role from the request.</param>
/// <param name="ComputerName">The computer name the evidence itself reports (collector, or ipconfig's Host Name), if any.</param>
/// <param name="Os">Operating system facts (collector only).</param>
/// <param name="Isatap">ISATAP settings (collector only).</param>
/// <param name="Interfaces">Every interface found; ISATAP, Teredo and IP-HTTPS ones are marked by <c>kind</c>.</param>
/// <param name="EvidenceRead">The evidence fields that were read (<c>ipconfigAll</c>, <c>netshInterfaces</c>,
/// <c>netshAddresses</c>, <c>getNetIpAddress</c>, <c>collector</c>).</param>
public sealed record HostFacts(
    string Name, HostRole Role, string? ComputerName, OsFacts? Os, IsatapFacts? Isatap,
    IReadOnlyList<InterfaceFacts> Interfaces, IReadOnlyList<string> EvidenceRead);

/// <summary>Operating system facts.</summary>
/// <param name="Caption">As reported (may be localized).</param>
/// <param name="Version">E.g. <c>10.0.17763</c>.</param>
/// <param name="Build">E.g. <c>17763</c>.</param>
/// <param name="IsServer">True for Windows Server (ProductType 2 or 3).</param>
/// <param name="IsatapOffByDefault">True from build 15063 (Windows 10 1703) on: ISATAP must be explicitly Enabled (REFERENCE §5.4).</param>
/// <param name="HasDnsClientBug">True for Windows 10 before 1703 (and, per the post's title, Windows Server 2016: UNVERIFIED) (REFERENCE §5.3).</param>
public sealed record OsFacts(string? Caption, string? Version, int? Build, bool? IsServer, bool? IsatapOffByDefault, bool? HasDnsClientBug);

/// <summary>The host's ISATAP settings.</summary>
/// <param name="State">Get-NetIsatapConfiguration State.</param>
/// <param name="Router">Get-NetIsatapConfiguration Router.</param>
/// <param name="PolicyState">Group Policy ISATAP_State, if set.</param>
/// <param name="PolicyRouterName">Group Policy ISATAP_RouterName, if set.</param>
/// <param name="RouterName">The name the host resolves (policy, then local configuration, then the default <c>isatap</c>).</param>
/// <param name="RouterAddresses">What <see cref="RouterName"/> resolved to.</param>
/// <param name="DisabledComponents">The DisabledComponents value, if set (e.g. <c>0x000000FF</c>).</param>
/// <param name="IpHelperStatus">The IP Helper service status and start type, e.g. <c>Running (Automatic)</c>.</param>
public sealed record IsatapFacts(
    string? State, string? Router, string? PolicyState, string? PolicyRouterName, string? RouterName,
    IReadOnlyList<string> RouterAddresses, string? DisabledComponents, string? IpHelperStatus);

/// <summary>One interface.</summary>
/// <param name="Index">The interface index (ifIndex), when the evidence proves it.</param>
/// <param name="Name">The alias (<c>isatap.{GUID}</c>, <c>Local Area Connection* 9</c>).</param>
/// <param name="Description">The adapter description (<c>Microsoft ISATAP Adapter #2</c>).</param>
/// <param name="Kind"><c>isatap</c>, <c>teredo</c>, <c>ip-https</c> or <c>other</c>.</param>
/// <param name="State"><c>connected</c>, <c>disconnected</c> or <c>unknown</c>.</param>
/// <param name="Forwarding">IPv6 forwarding (collector only).</param>
/// <param name="Advertising">IPv6 router advertising (collector only).</param>
/// <param name="Mtu">The IPv6 MTU (1280 on ISATAP).</param>
/// <param name="Addresses">The addresses on the interface.</param>
/// <param name="DefaultGateways">Default gateways (ipconfig) or next hops of <c>::/0</c> routes (collector).</param>
/// <param name="Routes">Routes (collector, ISATAP interfaces only).</param>
/// <param name="Sources">The evidence fields this interface was seen in.</param>
public sealed record InterfaceFacts(
    int? Index, string? Name, string? Description, InterfaceKind Kind, LinkState State, bool? Forwarding, bool? Advertising, int? Mtu,
    IReadOnlyList<AddressFacts> Addresses, IReadOnlyList<AddressFacts> DefaultGateways, IReadOnlyList<RouteFacts> Routes, IReadOnlyList<string> Sources);

/// <summary>An address with what it is and the IPv4 addresses embedded in it.</summary>
/// <param name="Address">RFC 5952 canonical text, without zone.</param>
/// <param name="Display">Mixed dotted-quad form when an IPv4 is embedded at the end (ISATAP), as Windows prints it.</param>
/// <param name="Zone">The zone (<c>%12</c> without the <c>%</c>); on Windows the interface index.</param>
/// <param name="PrefixLength">The prefix length, when the evidence gives it.</param>
/// <param name="State">The address state.</param>
/// <param name="Kinds">The address kinds (<c>link-local</c>, <c>isatap</c>, <c>unique-local</c>, ...).</param>
/// <param name="EmbeddedIpv4">Every embedded IPv4 with its role (<c>isatap</c>, <c>6to4</c>, <c>teredo-server</c>, ...).</param>
public sealed record AddressFacts(
    string Address, string Display, string? Zone, int? PrefixLength, AddressState State,
    IReadOnlyList<string> Kinds, IReadOnlyList<EmbeddedIpv4Facts> EmbeddedIpv4);

/// <summary>An IPv4 address embedded in an IPv6 address.</summary>
/// <param name="Role"><c>isatap</c>, <c>6to4</c>, <c>teredo-server</c>, <c>teredo-client</c>, <c>nat64</c> or <c>ipv4-mapped</c>.</param>
/// <param name="Ipv4">The address.</param>
public sealed record EmbeddedIpv4Facts(string Role, string Ipv4);

/// <summary>A route.</summary>
/// <param name="DestinationPrefix">E.g. <c>::/0</c>.</param>
/// <param name="NextHop">E.g. <c>fe80::5efe:10.0.0.1</c>, or <c>::</c> for on-link.</param>
/// <param name="Publish"><c>Yes</c>, <c>No</c> or <c>Age</c>.</param>
public sealed record RouteFacts(string DestinationPrefix, string? NextHop, string? Publish);
