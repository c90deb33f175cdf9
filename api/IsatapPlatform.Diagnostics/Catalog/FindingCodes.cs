namespace IsatapPlatform.Diagnostics.Catalog;

/// <summary>Stable finding codes. <see cref="FindingCatalog"/> documents each one.</summary>
public static class FindingCodes
{
    /// <summary>No ISATAP interface in an evidence source that lists every interface.</summary>
    public const string AdapterMissing = "isatap.adapter-missing";
    /// <summary>Every ISATAP interface is "Media disconnected".</summary>
    public const string MediaDisconnected = "isatap.media-disconnected";
    /// <summary>The ISATAP interface has only its fe80::5efe link-local address: no prefix advertised.</summary>
    public const string LinkLocalOnly = "isatap.link-local-only";
    /// <summary>The ISATAP link-local address is Deprecated: no router is reachable.</summary>
    public const string LinkLocalDeprecated = "isatap.link-local-deprecated";
    /// <summary>An ISATAP address from the prefix but no default gateway on the ISATAP interface.</summary>
    public const string NoDefaultGateway = "isatap.no-default-gateway";
    /// <summary>The host uses a different ISATAP router (name, address, gateway or prefix) than expected.</summary>
    public const string RouterMismatch = "isatap.router-mismatch";
    /// <summary>ISATAP_State (Group Policy) or the local ISATAP state is Disabled.</summary>
    public const string DisabledByPolicy = "isatap.disabled-by-policy";
    /// <summary>Windows 10 1703 and later: ISATAP is off unless its state is explicitly Enabled.</summary>
    public const string IsatapDefaultOff = "os.isatap-default-off";
    /// <summary>Windows 10 before 1703: the DNS-client bug that breaks manage-out.</summary>
    public const string DnsClientBug = "os.dns-client-bug";
    /// <summary>DisabledComponents blocks ISATAP (bits 0x01 or 0x04), or breaks RRAS on a DirectAccess server.</summary>
    public const string DisabledComponents = "registry.disabled-components";
    /// <summary>The IP Helper service is not running or is disabled.</summary>
    public const string IpHelperNotRunning = "service.iphlpsvc-not-running";
    /// <summary>The ISATAP router name does not resolve.</summary>
    public const string RouterUnresolved = "dns.router-unresolved";
    /// <summary>The router name is (or defaults to) the global name isatap.</summary>
    public const string RouterIsGlobalIsatap = "dns.router-is-global-isatap";
    /// <summary>Forwarding is disabled on the router's ISATAP interface.</summary>
    public const string ForwardingDisabled = "server.forwarding-disabled";
    /// <summary>Advertising is disabled on the router's ISATAP interface.</summary>
    public const string AdvertisingDisabled = "server.advertising-disabled";
    /// <summary>No published route for the ISATAP prefix on the router's ISATAP interface.</summary>
    public const string RouteNotPublished = "server.route-not-published";
    /// <summary>Several ISATAP interfaces on a router: which index to configure.</summary>
    public const string MultipleIsatapInterfaces = "server.multiple-isatap-interfaces";
    /// <summary>ISATAP through load-balanced or multisite DirectAccess servers (unsupported).</summary>
    public const string UnsupportedLoadBalancer = "topology.unsupported-load-balancer";
    /// <summary>A DirectAccess client on Windows 10 2004+ does not register its addresses in DNS.</summary>
    public const string ClientDnsRegistrationDisabled = "client.dns-registration-disabled";
    /// <summary>A DirectAccess client's inbound management rule blocks edge traversal.</summary>
    public const string ClientEdgeTraversalMissing = "client.edge-traversal-missing";
    /// <summary>An evidence field could not be read.</summary>
    public const string EvidenceUnrecognized = "evidence.unrecognized";
    /// <summary>The collector could not read some items.</summary>
    public const string CollectorIncomplete = "evidence.collector-incomplete";
    /// <summary>The evidence names another computer than the request.</summary>
    public const string HostMismatch = "evidence.host-mismatch";
    /// <summary>No collector document: the checks that need it were skipped.</summary>
    public const string CollectorMissing = "evidence.collector-missing";

    /// <summary>Every code, in catalog order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        AdapterMissing, MediaDisconnected, LinkLocalOnly, LinkLocalDeprecated, NoDefaultGateway, RouterMismatch,
        DisabledByPolicy, IsatapDefaultOff, DnsClientBug, DisabledComponents, IpHelperNotRunning, RouterUnresolved,
        RouterIsGlobalIsatap, ForwardingDisabled, AdvertisingDisabled, RouteNotPublished, MultipleIsatapInterfaces,
        UnsupportedLoadBalancer, ClientDnsRegistrationDisabled, ClientEdgeTraversalMissing, EvidenceUnrecognized,
        CollectorIncomplete, HostMismatch, CollectorMissing,
    ];
}
