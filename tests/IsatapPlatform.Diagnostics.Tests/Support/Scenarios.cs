using IsatapPlatform.Diagnostics.Catalog;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Diagnostics.Tests.Support;

/// <summary>One realistic request per finding code (REFERENCE §6 shapes), each breaking one thing. The per-code
/// tests assert the details; the catalog test proves every code has a scenario that raises it; the script and
/// fuzz tests use all of them as inputs.</summary>
internal static class Scenarios
{
    private static HostEvidence Ip(string text) => new() { IpconfigAll = text };

    public static IReadOnlyList<(string Code, string Name, DiagnosisRequest Request)> All { get; } = Build();

    private static List<(string, string, DiagnosisRequest)> Build()
    {
        var mh = Collectors.ManagementHost();
        var das = Collectors.DirectAccessServer();
        var dac = Collectors.DirectAccessClient();
        var noIsatap = mh with { Interfaces = [mh.Interfaces![1]] };
        return
        [
            (FindingCodes.AdapterMissing, "ipconfig without an ISATAP adapter", Requests.ManagementHost(Ip(Ipconfig.Document(Ipconfig.Teredo)))),
            (FindingCodes.AdapterMissing, "netsh show interfaces without ISATAP", Requests.ManagementHost(new HostEvidence { NetshInterfaces = Text.NetshInterfacesEnglish.Replace("isatap.{2B8B139B-418D-4593-A2DC-4F43D31A1833}", "Local Area Connection 2", StringComparison.Ordinal) })),
            (FindingCodes.MediaDisconnected, "ipconfig en disconnected", Requests.ManagementHost(Ip(Ipconfig.Document(Ipconfig.IsatapDisconnected, Ipconfig.Teredo)))),
            (FindingCodes.MediaDisconnected, "ipconfig de disconnected", Requests.ManagementHost(Ip(Ipconfig.GermanDisconnected))),
            (FindingCodes.MediaDisconnected, "ipconfig fr disconnected", Requests.ManagementHost(Ip(Ipconfig.FrenchDisconnected))),
            (FindingCodes.MediaDisconnected, "ipconfig zh disconnected", Requests.ManagementHost(Ip(Ipconfig.ChineseDisconnected))),
            (FindingCodes.MediaDisconnected, "ipconfig ja disconnected", Requests.ManagementHost(Ip(Ipconfig.JapaneseDisconnected))),
            (FindingCodes.LinkLocalOnly, "ipconfig en link-local only", Requests.ManagementHost(Ip(Ipconfig.Document(Ipconfig.IsatapLinkLocalOnly)))),
            (FindingCodes.LinkLocalOnly, "ipconfig de link-local only", Requests.ManagementHost(Ip(Ipconfig.GermanLinkLocalOnly))),
            (FindingCodes.LinkLocalOnly, "ipconfig fr link-local only", Requests.ManagementHost(Ip(Ipconfig.FrenchLinkLocalOnly))),
            (FindingCodes.LinkLocalOnly, "ipconfig zh link-local only", Requests.ManagementHost(Ip(Ipconfig.ChineseLinkLocalOnly))),
            (FindingCodes.LinkLocalOnly, "ipconfig ja link-local only", Requests.ManagementHost(Ip(Ipconfig.JapaneseLinkLocalOnly))),
            (FindingCodes.LinkLocalOnly, "Get-NetIPAddress link-local only", Requests.ManagementHost(new HostEvidence { GetNetIpAddress = Text.GetNetIPAddressLinkLocalOnly })),
            (FindingCodes.LinkLocalDeprecated, "Get-NetIPAddress (REFERENCE §6.4 sample)", Requests.Request("EC2AMAZ-1", HostRole.ManagementHost, new HostEvidence { GetNetIpAddress = Text.GetNetIPAddress })),
            (FindingCodes.LinkLocalDeprecated, "netsh show addresses", Requests.ManagementHost(new HostEvidence { NetshAddresses = Text.NetshAddresses })),
            (FindingCodes.LinkLocalDeprecated, "ipconfig (Deprecated)", Requests.ManagementHost(Ip(Ipconfig.Document(Ipconfig.IsatapDeprecated)))),
            (FindingCodes.NoDefaultGateway, "ipconfig empty gateway", Requests.ManagementHost(Ip(Ipconfig.Document(Ipconfig.IsatapNoGateway)))),
            (FindingCodes.NoDefaultGateway, "collector no ::/0 route", Requests.ManagementHost(new HostEvidence { Collector = mh.WithInterface(12, i => i with { Routes = [Collectors.Route("fd7f:f787:2112:1::/64", "::")] }) })),
            (FindingCodes.RouterMismatch, "collector other router", Requests.ManagementHost(new HostEvidence { Collector = mh with { IsatapConfiguration = mh.IsatapConfiguration! with { Router = "isatap-old.corp.contoso.com" }, RouterResolution = mh.RouterResolution! with { Name = "isatap-old.corp.contoso.com", Addresses = ["10.0.9.1"] } } })),
            (FindingCodes.RouterMismatch, "ipconfig gateway of another router", Requests.ManagementHost(Ip(Ipconfig.Document(Ipconfig.IsatapConnected.Replace("fe80::5efe:10.0.0.1%12", "fe80::5efe:10.0.9.1%12", StringComparison.Ordinal))))),
            (FindingCodes.DisabledByPolicy, "collector ISATAP_State Disabled", Requests.ManagementHost(new HostEvidence { Collector = noIsatap with { IsatapPolicy = new() { State = "Disabled" }, IsatapConfiguration = new() { State = "Disabled" } } })),
            (FindingCodes.IsatapDefaultOff, "collector Windows 10 22H2 state Default", Requests.ManagementHost(new HostEvidence { Collector = noIsatap with { IsatapConfiguration = new() { State = "Default", Router = "isatap-mo.corp.contoso.com" } } })),
            (FindingCodes.DnsClientBug, "collector Windows 10 1607", Requests.ManagementHost(new HostEvidence { Collector = mh with { Os = new() { Caption = "Microsoft Windows 10 Enterprise", Version = "10.0.14393", BuildNumber = 14393, ProductType = 1, ReleaseId = "1607" }, IsatapConfiguration = mh.IsatapConfiguration } })),
            (FindingCodes.DisabledComponents, "collector DisabledComponents 0xFF", Requests.ManagementHost(new HostEvidence { Collector = noIsatap with { DisabledComponents = new() { Present = true, Value = 0xFF } } })),
            (FindingCodes.DisabledComponents, "collector DisabledComponents 0xFFFFFFFF (as -1)", Requests.ManagementHost(new HostEvidence { Collector = noIsatap with { DisabledComponents = new() { Present = true, Value = -1 } } })),
            (FindingCodes.IpHelperNotRunning, "collector iphlpsvc disabled", Requests.ManagementHost(new HostEvidence { Collector = noIsatap with { IpHelper = new() { Status = "Stopped", StartType = "Disabled" } } })),
            (FindingCodes.RouterUnresolved, "collector name does not resolve", Requests.ManagementHost(new HostEvidence
            {
                Collector = mh.WithInterface(12, i => i with { ConnectionState = "Disconnected", Addresses = [], Routes = [] }) with { RouterResolution = mh.RouterResolution! with { Addresses = [], Error = "isatap-mo.corp.contoso.com : DNS name does not exist" } },
                IpconfigAll = Ipconfig.Document(Ipconfig.IsatapDisconnected.Replace("isatap.{501DF89C-22DB-4782-9151-634C06421220}", "isatap.corp.contoso.com", StringComparison.Ordinal)),
            })),
            (FindingCodes.RouterIsGlobalIsatap, "collector router isatap.corp.contoso.com", Requests.ManagementHost(new HostEvidence { Collector = mh with { IsatapConfiguration = mh.IsatapConfiguration! with { Router = "isatap.corp.contoso.com" }, RouterResolution = mh.RouterResolution! with { Name = "isatap.corp.contoso.com" } } })),
            (FindingCodes.ForwardingDisabled, "DA server internal forwarding off", Requests.DirectAccessServer(new HostEvidence { Collector = das.WithInterface(13, i => i with { Forwarding = "Disabled" }) })),
            (FindingCodes.AdvertisingDisabled, "DA server internal advertising off", Requests.DirectAccessServer(new HostEvidence { Collector = das.WithInterface(13, i => i with { Advertising = "Disabled" }) })),
            (FindingCodes.RouteNotPublished, "DA server route not published", Requests.DirectAccessServer(new HostEvidence { Collector = das.WithInterface(13, i => i with { Routes = [Collectors.Route("fd7f:f787:2112:1::/64", "::", "No")] }) })),
            (FindingCodes.MultipleIsatapInterfaces, "DA server two ISATAP interfaces after a reboot", Requests.DirectAccessServer(new HostEvidence { Collector = das.WithInterface(13, i => i with { Forwarding = "Disabled", Advertising = "Disabled", Routes = [] }) })),
            (FindingCodes.MultipleIsatapInterfaces, "DA server, index not proven, no expected values", Requests.DirectAccessServer(new HostEvidence
            {
                Collector = das.WithInterface(13, i => i with { Forwarding = "Disabled", Advertising = "Disabled", Routes = [] })
                    .WithInterface(15, i => i with { Addresses = [Collectors.Address("fe80::5efe:10.1.0.1%15")], Routes = [] }) with { RemoteAccess = null },
            }, new ExpectedConfiguration())),
            (FindingCodes.MultipleIsatapInterfaces, "DA server ipconfig only, expected.routerIpv4", Requests.DirectAccessServer(Ip(DaServerIpconfig))),
            (FindingCodes.UnsupportedLoadBalancer, "DA server behind an external load balancer", Requests.DirectAccessServer(new HostEvidence { Collector = das }, Requests.Expected with { Topology = Topology.ExternalLoadBalancer })),
            (FindingCodes.UnsupportedLoadBalancer, "router name with two addresses", Requests.ManagementHost(new HostEvidence { Collector = mh with { RouterResolution = mh.RouterResolution! with { Addresses = ["10.0.0.1", "10.0.0.2"] } } })),
            (FindingCodes.ClientDnsRegistrationDisabled, "client Windows 11 value not set", Requests.Client(new HostEvidence { Collector = dac with { DnsClient = new() } })),
            (FindingCodes.ClientEdgeTraversalMissing, "client RDP rule blocks edge traversal", Requests.Client(new HostEvidence { Collector = dac with { FirewallRules = [dac.FirewallRules![0] with { EdgeTraversalPolicy = "Block" }, dac.FirewallRules[1]] } })),
            (FindingCodes.EvidenceUnrecognized, "garbage in ipconfigAll", Requests.ManagementHost(Ip("The operation completed successfully.\nPress any key to continue . . .\n"))),
            (FindingCodes.EvidenceUnrecognized, "collector of another schema version", Requests.ManagementHost(new HostEvidence { IpconfigAll = Ipconfig.Document(Ipconfig.IsatapConnected), Collector = new CollectorEvidence { SchemaVersion = 7, Os = mh.Os } })),
            (FindingCodes.CollectorIncomplete, "collector not elevated", Requests.ManagementHost(new HostEvidence { Collector = mh with { Errors = [new() { Item = "remoteAccess", Message = "Access is denied." }] } })),
            (FindingCodes.HostMismatch, "ipconfig of another host", Requests.Request("HELPDESK02", HostRole.ManagementHost, Ip(Ipconfig.Document(Ipconfig.IsatapConnected)), Requests.Expected)),
            (FindingCodes.CollectorMissing, "ipconfig only", Requests.ManagementHost(Ip(Ipconfig.Document(Ipconfig.IsatapConnected)))),
        ];
    }

    /// <summary>A DirectAccess server's ipconfig /all: ISATAP interfaces of the external (131.107.0.1) and internal (10.0.0.1) adapters.</summary>
    public const string DaServerIpconfig = """

        Windows IP Configuration

           Host Name . . . . . . . . . . . . : DA01
           Primary Dns Suffix  . . . . . . . : corp.contoso.com
           Node Type . . . . . . . . . . . . : Hybrid
           IP Routing Enabled. . . . . . . . : Yes
           WINS Proxy Enabled. . . . . . . . : No

        Tunnel adapter isatap.{9A8B7C6D-5E4F-4321-8765-0FEDCBA98765}:

           Connection-specific DNS Suffix  . : 
           Description . . . . . . . . . . . : Microsoft ISATAP Adapter #2
           Physical Address. . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP Enabled. . . . . . . . . . . : No
           Autoconfiguration Enabled . . . . : Yes
           Link-local IPv6 Address . . . . . : fe80::200:5efe:131.107.0.1%15(Preferred) 
           Default Gateway . . . . . . . . . : 
           NetBIOS over Tcpip. . . . . . . . : Disabled

        Tunnel adapter isatap.{6B5B1F0C-2E4A-4A7F-9C1D-3E2F1A0B9C8D}:

           Connection-specific DNS Suffix  . : corp.contoso.com
           Description . . . . . . . . . . . : Microsoft ISATAP Adapter
           Physical Address. . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP Enabled. . . . . . . . . . . : No
           Autoconfiguration Enabled . . . . : Yes
           IPv6 Address. . . . . . . . . . . : fd7f:f787:2112:1:0:5efe:10.0.0.1(Preferred) 
           Link-local IPv6 Address . . . . . : fe80::5efe:10.0.0.1%13(Preferred) 
           Default Gateway . . . . . . . . . : 
           NetBIOS over Tcpip. . . . . . . . : Disabled

        """;
}
