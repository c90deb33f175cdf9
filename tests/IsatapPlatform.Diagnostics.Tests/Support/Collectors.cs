using IsatapPlatform.Contracts.Diagnostics;

namespace IsatapPlatform.Diagnostics.Tests.Support;

/// <summary>Collector documents (evidence.collector) as windows.ps1 prints them, for the healthy hosts of each role;
/// tests break one thing at a time with <c>with</c>.</summary>
internal static class Collectors
{
    public const string InternalGuid = "{6B5B1F0C-2E4A-4A7F-9C1D-3E2F1A0B9C8D}";
    public const string ExternalGuid = "{9A8B7C6D-5E4F-4321-8765-0FEDCBA98765}";

    public static CollectorAddress Address(string ip, string state = "Preferred", int prefixLength = 128)
        => new() { IpAddress = ip, AddressState = state, PrefixLength = prefixLength, PrefixOrigin = "WellKnown", SuffixOrigin = "Link" };

    public static CollectorRoute Route(string prefix, string nextHop, string publish = "No")
        => new() { DestinationPrefix = prefix, NextHop = nextHop, Publish = publish, RouteMetric = 256 };

    /// <summary>A healthy Windows 10 22H2 manage-out host pointed at isatap-mo.corp.contoso.com (10.0.0.1).</summary>
    public static CollectorEvidence ManagementHost() => new()
    {
        SchemaVersion = 1,
        Collector = "IsatapPlatform windows.ps1",
        CollectedAtUtc = "2026-11-26T08:00:00.0000000Z",
        ComputerName = "HELPDESK01",
        PowershellVersion = "5.1.19041.4648",
        Os = new() { Caption = "Microsoft Windows 10 Enterprise", Version = "10.0.19045", BuildNumber = 19045, ProductType = 1, DisplayVersion = "22H2", ReleaseId = "2009" },
        IsatapConfiguration = new() { State = "Enabled", Router = "isatap-mo.corp.contoso.com", ResolutionState = "Default" },
        IsatapPolicy = new(),
        Interfaces =
        [
            new()
            {
                InterfaceIndex = 12, InterfaceAlias = "isatap.corp.contoso.com", InterfaceDescription = "Microsoft ISATAP Adapter #2",
                InterfaceGuid = "{0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0}", Kind = "isatap", ConnectionState = "Connected",
                Forwarding = "Disabled", Advertising = "Disabled", AdvertiseDefaultRoute = "Disabled", NlMtu = 1280,
                Addresses = [Address("fd7f:f787:2112:1:0:5efe:10.0.0.5", prefixLength: 64), Address("fe80::5efe:10.0.0.5%12")],
                Routes = [Route("::/0", "fe80::5efe:10.0.0.1"), Route("fd7f:f787:2112:1::/64", "::")],
            },
            new()
            {
                InterfaceIndex = 14, InterfaceAlias = "Teredo Tunneling Pseudo-Interface", InterfaceDescription = "Teredo Tunneling Pseudo-Interface",
                Kind = "teredo", ConnectionState = "Disconnected", Forwarding = "Disabled", Advertising = "Disabled", NlMtu = 1280, Addresses = [],
            },
        ],
        DisabledComponents = new() { Present = false },
        IpHelper = new() { Status = "Running", StartType = "Automatic" },
        RouterResolution = new() { Name = "isatap-mo.corp.contoso.com", Source = "isatap-configuration", IsIpv4Literal = false, Addresses = ["10.0.0.1"] },
        DnsClient = new(),
        FirewallRules = [],
        Errors = [],
    };

    /// <summary>A healthy single DirectAccess server DA01: internal adapter 10.0.0.1 (ISATAP index 13), external
    /// adapter 131.107.0.1 (ISATAP index 15), ISATAP prefix fd7f:f787:2112:1::/64.</summary>
    public static CollectorEvidence DirectAccessServer() => new()
    {
        SchemaVersion = 1,
        Collector = "IsatapPlatform windows.ps1",
        ComputerName = "DA01",
        PowershellVersion = "5.1.17763.1",
        Os = new() { Caption = "Microsoft Windows Server 2019 Standard", Version = "10.0.17763", BuildNumber = 17763, ProductType = 3, ReleaseId = "1809" },
        IsatapConfiguration = new() { State = "Default", Router = "" },
        IsatapPolicy = new(),
        Interfaces =
        [
            new()
            {
                InterfaceIndex = 13, InterfaceAlias = "isatap." + InternalGuid, InterfaceDescription = "Microsoft ISATAP Adapter",
                Kind = "isatap", ConnectionState = "Connected", Forwarding = "Enabled", Advertising = "Enabled", NlMtu = 1280,
                Addresses = [Address("fe80::5efe:10.0.0.1%13"), Address("fd7f:f787:2112:1:0:5efe:10.0.0.1", prefixLength: 64)],
                Routes = [Route("fd7f:f787:2112:1::/64", "::", "Yes")],
            },
            new()
            {
                InterfaceIndex = 15, InterfaceAlias = "isatap." + ExternalGuid, InterfaceDescription = "Microsoft ISATAP Adapter #2",
                Kind = "isatap", ConnectionState = "Connected", Forwarding = "Disabled", Advertising = "Disabled", NlMtu = 1280,
                Addresses = [Address("fe80::200:5efe:131.107.0.1%15")],
                Routes = [],
            },
        ],
        DisabledComponents = new() { Present = false },
        IpHelper = new() { Status = "Running", StartType = "Automatic" },
        RouterResolution = new() { Name = "isatap", Source = "default", IsIpv4Literal = false, Addresses = [], Error = "isatap : DNS name does not exist" },
        DnsClient = new(),
        RemoteAccess = new() { InternalIpv6Prefix = "fd7f:f787:2112:1::/64", InternalInterface = "Internal", InternalInterfaceGuid = InternalGuid, InternalIpv4 = ["10.0.0.1"] },
        FirewallRules = [],
        Errors = [],
    };

    /// <summary>A healthy Windows 11 DirectAccess client LAPTOP01.</summary>
    public static CollectorEvidence DirectAccessClient() => new()
    {
        SchemaVersion = 1,
        ComputerName = "LAPTOP01",
        Os = new() { Caption = "Microsoft Windows 11 Enterprise", Version = "10.0.22631", BuildNumber = 22631, ProductType = 1, DisplayVersion = "23H2" },
        IsatapConfiguration = new() { State = "Default" },
        IsatapPolicy = new(),
        Interfaces =
        [
            new()
            {
                InterfaceIndex = 9, InterfaceAlias = "iphttpsinterface", InterfaceDescription = "Microsoft IP-HTTPS Platform Adapter",
                Kind = "iphttps", ConnectionState = "Connected", Forwarding = "Disabled", Advertising = "Disabled", NlMtu = 1280,
                Addresses = [Address("2002:836b:1:8100:1c2a:99e1:2bd0:5a17", prefixLength: 128)],
            },
        ],
        DisabledComponents = new() { Present = false },
        IpHelper = new() { Status = "Running", StartType = "Automatic" },
        DnsClient = new() { DisableNrptForAdapterRegistration = 0 },
        FirewallRules =
        [
            new() { Name = "RemoteDesktop-UserMode-In-TCP", DisplayName = "Remote Desktop - User Mode (TCP-In)", EdgeTraversalPolicy = "Allow", PolicyStoreSourceType = "Local", PolicyStoreSource = "PersistentStore" },
            new() { Name = "FPS-ICMP6-ERQ-In", DisplayName = "File and Printer Sharing (Echo Request - ICMPv6-In)", EdgeTraversalPolicy = "Allow", PolicyStoreSourceType = "Local", PolicyStoreSource = "PersistentStore" },
        ],
        Errors = [],
    };

    public static CollectorInterface With(this CollectorInterface i, Func<CollectorInterface, CollectorInterface> change) => change(i);

    /// <summary>The document with interface <paramref name="index"/> replaced.</summary>
    public static CollectorEvidence WithInterface(this CollectorEvidence c, int index, Func<CollectorInterface, CollectorInterface> change)
        => c with { Interfaces = c.Interfaces!.Select(i => i.InterfaceIndex == index ? change(i) : i).ToArray() };
}
