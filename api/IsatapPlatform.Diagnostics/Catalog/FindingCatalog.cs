using System.Collections.Frozen;
using IsatapPlatform.Contracts.Diagnostics;

namespace IsatapPlatform.Diagnostics.Catalog;

/// <summary>One entry per finding code: condition, severity, why, remediation (PowerShell and netsh),
/// verification, rollback and sources (REFERENCE.md sections and source keys). Data, so the API can serve it
/// (<c>GET /api/v1/diagnostics/catalog</c>) and <see cref="CatalogMarkdown"/> can render the document.</summary>
public static class FindingCatalog
{
    private static readonly HostRole[] IsatapRoles = [HostRole.ManagementHost, HostRole.DirectAccessServer, HostRole.IsatapRouter];
    private static readonly HostRole[] HostRoles = [HostRole.ManagementHost, HostRole.IsatapRouter];
    private static readonly HostRole[] ManageOut = [HostRole.ManagementHost];
    private static readonly HostRole[] Routers = [HostRole.DirectAccessServer, HostRole.IsatapRouter];
    private static readonly HostRole[] Client = [HostRole.DirectAccessClient];
    private static readonly HostRole[] AllRoles = [HostRole.ManagementHost, HostRole.DirectAccessServer, HostRole.IsatapRouter, HostRole.DirectAccessClient];

    private const string EnableIsatapPs = """
        $router = 'isatap-mo.corp.contoso.com'   # the unique router name (or the router's IPv4)
        Set-NetIsatapConfiguration -State Enabled -Router $router
        """;

    private const string EnableIsatapNetsh = """
        netsh interface isatap set router name=isatap-mo.corp.contoso.com state=enabled
        netsh interface isatap set state state=enabled
        """;

    private const string RestoreIsatapRollback =
        "Set-NetIsatapConfiguration -State <previous state> -Router <previous router>, or Reset-NetIsatapConfiguration -Router when no router was set. " +
        "The generated step saves the previous values in %ProgramData%\\IsatapPlatform\\<step id>.json and its rollback restores them.";

    private const string RouterPs = """
        $index = 12                                # the ISATAP interface of the internal adapter, from the evidence
        $isatapPrefix = 'fd7f:f787:2112:1::/64'    # expected.isatapPrefix or (Get-RemoteAccess).InternalIPv6Prefix
        Set-NetIPInterface -InterfaceIndex $index -AddressFamily IPv6 -Forwarding Enabled -Advertising Enabled
        if (-not (Get-NetRoute -AddressFamily IPv6 -DestinationPrefix $isatapPrefix -InterfaceIndex $index -ErrorAction SilentlyContinue | Where-Object { $_.Publish -eq 'Yes' })) {
            New-NetRoute -AddressFamily IPv6 -DestinationPrefix $isatapPrefix -InterfaceIndex $index -Publish Yes
        }
        """;

    private const string RouterNetsh = """
        netsh interface ipv6 set interface 12 forwarding=enabled advertise=enabled
        netsh interface ipv6 add route fd7f:f787:2112:1::/64 12 publish=yes
        """;

    private const string RouterVerify =
        "(Get-NetIPInterface -InterfaceIndex <index> -AddressFamily IPv6) shows Forwarding and Advertising Enabled; Get-NetRoute -InterfaceIndex <index> " +
        "-DestinationPrefix <ISATAP /64> shows Publish Yes; a management host then gets an address from the prefix and a default route (ipconfig /all).";

    private const string RouterRollback =
        "Set-NetIPInterface -InterfaceIndex <index> -AddressFamily IPv6 -Forwarding <previous> -Advertising <previous>; Remove-NetRoute for a route the step added. " +
        "The generated step saves the previous values and its rollback restores exactly them.";

    private const string RouterRebootNote =
        " After a reboot of the DirectAccess server (or standalone router) this configuration may be lost (HICKS-GH; which builds are affected is UNVERIFIED): " +
        "the ISATAP plan (POST /api/v1/isatap/plans) registers a startup task that re-applies it.";

    /// <summary>Every entry, in <see cref="FindingCodes.All"/> order.</summary>
    public static IReadOnlyList<CatalogEntry> Entries { get; } =
    [
        new(FindingCodes.AdapterMissing, Severity.Error, "No ISATAP interface", IsatapRoles,
            "The evidence lists every interface (ipconfig /all, netsh interface ipv6 show interfaces, or the collector) and none is an ISATAP interface: none is named or described 'isatap' and none has an fe80::5efe: / fe80::200:5efe: address. " +
            "Get-NetIPAddress and netsh show addresses alone cannot prove absence, because a disconnected ISATAP interface has no address.",
            "Without an ISATAP interface the host has no IPv6 path to DirectAccess clients. Windows creates no ISATAP interface when ISATAP is disabled (state or policy Disabled), " +
            "when DisabledComponents has bit 0x01 or 0x04, when the IP Helper service is stopped, and, on Windows 10 1703 and later, unless the state is explicitly Enabled.",
            EnableIsatapPs, EnableIsatapNetsh,
            "ipconfig /all shows a 'Tunnel adapter isatap.…' block; Get-NetIsatapConfiguration shows State Enabled and the router.",
            RestoreIsatapRollback,
            ["REFERENCE §2.3", "§4.1", "§4.3", "§4.5", "§4.6", "§5.4", "MS-CMDLET", "MS-NETSH", "MS-DEPR"],
            "The exact set of causes is inferred from the sources; the registry location of local (non-policy) ISATAP settings is UNVERIFIED."),

        new(FindingCodes.MediaDisconnected, Severity.Error, "The ISATAP interface is disconnected", IsatapRoles,
            "Every ISATAP interface is disconnected: ipconfig prints a media-state line (the only line before the DNS-suffix and description lines; 'Media disconnected', 'Medium getrennt', 'Média déconnecté', '媒体已断开'), " +
            "netsh shows 'disconnected', or the collector shows ConnectionState Disconnected. On a router, only the ISATAP interface of the internal adapter counts when it is known.",
            "Since Windows Vista SP1 an ISATAP interface stays 'Media disconnected' with no fe80::5efe address until the router name resolves; on Windows 10 1703 and later it also needs the state Enabled. " +
            "The usual causes: the router name does not resolve (no DNS record, or the name 'isatap' is on the DNS Global Query Block List), or the host was never pointed at the router.",
            "$router = 'isatap-mo.corp.contoso.com'\nResolve-DnsName -Name $router -Type A\nSet-NetIsatapConfiguration -State Enabled -Router $router",
            EnableIsatapNetsh,
            "ipconfig /all no longer shows 'Media disconnected' for the ISATAP adapter and lists an fe80::5efe: link-local address.",
            RestoreIsatapRollback,
            ["REFERENCE §2.3", "§2.4", "§5.9", "§6.1", "§6.2", "DAVIES"],
            "The Japanese media-state wording is UNVERIFIED; the parser also finds the line by position."),

        new(FindingCodes.LinkLocalOnly, Severity.Error, "The ISATAP interface has only a link-local address", ManageOut,
            "A connected ISATAP interface has its fe80::5efe: (or fe80::200:5efe:) link-local address, not Deprecated, and no other address.",
            "The router name resolves (the interface is up) but the router advertises no prefix, so the host has no routable ISATAP address and no route to DirectAccess clients. " +
            "On the DirectAccess server (or standalone router) forwarding and advertising must be enabled on the ISATAP interface of the internal adapter and the route for the ISATAP /64 published." + RouterRebootNote +
            " Diagnose the router itself (role directaccess-server or isatap-router, with its collector) to get the commands with its interface index.",
            RouterPs, RouterNetsh, RouterVerify, RouterRollback,
            ["REFERENCE §4.2", "§4.3", "§5.3", "§5.5", "§5.9", "HICKS-GH"],
            "Which builds lose the router configuration at reboot is UNVERIFIED."),

        new(FindingCodes.LinkLocalDeprecated, Severity.Error, "The ISATAP link-local address is Deprecated: no router answers", HostRoles,
            "An ISATAP link-local address (fe80::5efe: or fe80::200:5efe:) is in state Deprecated: ipconfig '(Deprecated)', netsh DAD state 'Deprecated', or Get-NetIPAddress AddressState Deprecated.",
            "A Deprecated ISATAP link-local address means no ISATAP router is reachable. Typical causes: IPv4 protocol 41 is blocked between the host and the router (firewalls must pass it both ways), " +
            "the router name resolves to the wrong server, or the router does not advertise (forwarding/advertising off on its ISATAP interface).",
            "$routerIpv4 = '10.0.0.1'   # what the router name resolves to\nResolve-DnsName -Name 'isatap-mo.corp.contoso.com' -Type A\nTest-Connection -ComputerName $routerIpv4 -Count 2",
            null,
            "The ISATAP link-local address shows (Preferred) and an address from the ISATAP prefix appears.",
            "Nothing to roll back: the remediation is checks and network changes outside the host.",
            ["REFERENCE §2.1", "§5.9", "§6.3", "§6.4", "MS-DA-ADV", "MS-DA-MGMT"],
            "Test-Connection tests ICMPv4 only, not protocol 41; no source gives a protocol-41 test command."),

        new(FindingCodes.NoDefaultGateway, Severity.Error, "No default gateway on the ISATAP interface", ManageOut,
            "The ISATAP interface has an address from a prefix (not link-local) but the evidence shows no default gateway for it: ipconfig's Default Gateway line (found by label or by position right after the addresses) is empty, " +
            "or the collector's routes have no ::/0 route on the interface.",
            "The router advertises the ISATAP prefix but not itself as a default router, so traffic to DirectAccess client prefixes has no route. A healthy manage-out host has a default IPv6 route to the DirectAccess server. " +
            "Seen behind external load balancers, where the DirectAccess servers cannot act as one ISATAP router; check the router's Forwarding too.",
            "$index = 12   # the router's ISATAP interface, on the router\nSet-NetIPInterface -InterfaceIndex $index -AddressFamily IPv6 -Forwarding Enabled -Advertising Enabled",
            "netsh interface ipv6 set interface 12 forwarding=enabled advertise=enabled",
            "Get-NetRoute -AddressFamily IPv6 -DestinationPrefix ::/0 on the host shows a route via fe80::5efe:<router IPv4> on the ISATAP interface.",
            RouterRollback,
            ["REFERENCE §4.2", "§5.2", "§5.5", "§5.9", "MS-DA-MGMT", "HICKS-NLB"],
            "That a router advertising without forwarding is not a default router is inferred (RFC 4861 behaviour), UNVERIFIED for Windows; the default route's next-hop form fe80::5efe:<router IPv4> is inferred (REFERENCE §5.9)."),

        new(FindingCodes.RouterMismatch, Severity.Error, "The host uses a different ISATAP router than expected", ManageOut,
            "Compared with 'expected': the configured router (Group Policy ISATAP_RouterName, else Get-NetIsatapConfiguration Router) is not expected.routerName/routerIpv4; " +
            "the router name resolves to addresses without expected.routerIpv4; an ISATAP default gateway embeds another IPv4; or an ISATAP address is outside expected.isatapPrefix.",
            "The host is pointed at, or reaches, another ISATAP router: a stale name, a DNS record pointing elsewhere, or a second (global 'isatap') deployment. Manage-out to this DirectAccess deployment then fails or takes the wrong path.",
            EnableIsatapPs, EnableIsatapNetsh,
            "Get-NetIsatapConfiguration shows the expected router; Resolve-DnsName returns the expected IPv4; the ISATAP address is in the expected prefix.",
            RestoreIsatapRollback,
            ["REFERENCE §2.1", "§2.3", "§4.1", "§4.5", "§5.5", "§5.9"],
            "Group Policy taking precedence over the local Set-NetIsatapConfiguration value is standard Windows behaviour, not stated in REFERENCE.md."),

        new(FindingCodes.DisabledByPolicy, Severity.Error, "ISATAP is disabled by policy", IsatapRoles,
            "The collector shows the Group Policy value ISATAP_State = Disabled (HKLM\\Software\\Policies\\Microsoft\\Windows\\TCPIP\\v6Transition) or Get-NetIsatapConfiguration State Disabled.",
            "Disabled means no ISATAP interfaces at all. Hardening baselines (CIS, DISA STIG) set ISATAP_State = Disabled; a local Set-NetIsatapConfiguration cannot override a GPO. " +
            "Fix the GPO (set 'Set ISATAP State' to Enabled State for manage-out hosts, or exclude them from the baseline), then refresh policy.",
            "gpupdate /target:computer /force\nGet-ItemProperty -Path 'HKLM:\\Software\\Policies\\Microsoft\\Windows\\TCPIP\\v6Transition' -ErrorAction SilentlyContinue\n" + EnableIsatapPs,
            "gpupdate /target:computer /force\nnetsh interface isatap set state state=enabled",
            "The policy value is gone or Enabled; Get-NetIsatapConfiguration shows State Enabled.",
            "Restore the GPO setting; for a local change, Set-NetIsatapConfiguration -State Disabled.",
            ["REFERENCE §4.1", "§4.3", "§4.5", "§5.9", "ADMX", "MS-CMDLET"],
            "Finding which GPO sets the value (gpresult) is standard Windows usage, not from REFERENCE.md."),

        new(FindingCodes.IsatapDefaultOff, Severity.Error, "ISATAP is off by default on this Windows build", HostRoles,
            "OS build 15063 (Windows 10 1703) or later, neither ISATAP_State (policy) nor Get-NetIsatapConfiguration State is Enabled (Default, Automatic or not set), and no ISATAP interface is connected with its link-local address.",
            "ISATAP is disabled by default since Windows 10 1703; the GPO text changed to 'Default State: No ISATAP interfaces are present'. Setting only the router name no longer enables ISATAP: the state must be Enabled.",
            EnableIsatapPs, EnableIsatapNetsh,
            "Get-NetIsatapConfiguration shows State Enabled; ipconfig /all shows the ISATAP adapter with an fe80::5efe: address.",
            RestoreIsatapRollback,
            ["REFERENCE §4.1", "§4.5", "§5.4", "§7.3", "MS-DEPR", "ADMX"],
            "That Windows Server 2019/2022 and Windows 11 inherit the default is inferred (UNVERIFIED); the builds are compared by number."),

        new(FindingCodes.DnsClientBug, Severity.Error, "Windows 10 before 1703: the DNS-client bug breaks manage-out", ManageOut,
            "The management host runs a Windows 10 build before 15063 (1507, 1511, 1607), or Windows Server 2016 (build 14393: warning, per the post's title only), and DisableParallelAandAAAA is not 1.",
            "Manage-out over ISATAP from Windows 10 before 1703 fails because of a DNS-client bug (Hicks). Windows 10 1703 fixed it; the workaround is the DWORD DisableParallelAandAAAA = 1 under HKLM\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\Parameters.",
            "New-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\Parameters' -Name 'DisableParallelAandAAAA' -PropertyType DWord -Value 1 -Force",
            "reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\Parameters /v DisableParallelAandAAAA /t REG_DWORD /d 1 /f",
            "DisableParallelAandAAAA = 1; after a restart manage-out connections work. Upgrading to 1703 or later is the better fix.",
            "Remove-ItemProperty (or restore the previous value) from the saved state.",
            ["REFERENCE §5.3", "HICKS-W10"],
            "Whether Windows Server 2016 is affected (post title only), the second value DisableServerUnreachability, and whether a restart is required are UNVERIFIED."),

        new(FindingCodes.DisabledComponents, Severity.Error, "DisabledComponents blocks ISATAP", IsatapRoles,
            "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters\\DisabledComponents has bit 0x01 (all tunnel interfaces) or 0x04 (ISATAP) set (0xFF and 0xFFFFFFFF included). " +
            "On a DirectAccess server, any value other than 0 or 0x20 is a warning (it breaks RRAS).",
            "These bits block ISATAP whatever else is configured. 0xFFFFFFFF is a wrong value (it adds a 5-second boot delay) that a removed GPO can leave behind; ISATAP creation then fails with error 0x490 (KSTREET). The value is read at startup: a reboot is required.",
            "$parameters = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters'\n" +
            "Remove-ItemProperty -Path $parameters -Name 'DisabledComponents'   # for 0xFFFFFFFF; otherwise clear bits 0x01 and 0x04:\n" +
            "New-ItemProperty -Path $parameters -Name 'DisabledComponents' -PropertyType DWord -Value 0x20 -Force",
            "reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters /v DisabledComponents /t REG_DWORD /d 0x20 /f",
            "After a reboot, DisabledComponents has neither 0x01 nor 0x04 set and the ISATAP interface exists.",
            "Restore the saved value (or delete it if it did not exist) and reboot.",
            ["REFERENCE §4.6", "§5.9", "MS-IPV6REG", "KSTREET"],
            null),

        new(FindingCodes.IpHelperNotRunning, Severity.Error, "The IP Helper service is not running", AllRoles,
            "The collector shows the iphlpsvc service not Running, or its start type Disabled.",
            "IP Helper provides the ISATAP, 6to4, Teredo and IP-HTTPS tunnels; without it there is no ISATAP interface (and a DirectAccess client has no Teredo or IP-HTTPS tunnel). 'Debloat' scripts disable it.",
            "Set-Service -Name 'iphlpsvc' -StartupType Automatic\nStart-Service -Name 'iphlpsvc'",
            "sc config iphlpsvc start= auto\nnet start iphlpsvc",
            "(Get-Service iphlpsvc).Status is Running and StartType Automatic.",
            "Set-Service -StartupType <previous>; Stop-Service if it was stopped (the generated step saves both).",
            ["REFERENCE §4.4", "§5.9"],
            "Whether restarting IP Helper makes ISATAP re-resolve the router is UNVERIFIED; sc.exe syntax is standard Windows usage, not from REFERENCE.md."),

        new(FindingCodes.RouterUnresolved, Severity.Error, "The ISATAP router name does not resolve", HostRoles,
            "The collector's resolution of the router name the host uses (policy, then local configuration, then the default 'isatap') returned no IPv4 address, and the name is not an IPv4 literal.",
            "The host cannot find its ISATAP router, so the ISATAP interface stays disconnected. Create a DNS A record for the unique router name pointing at the DirectAccess server's internal IPv4 (or use an IPv4 literal as router). " +
            "A record named 'isatap' is not answered while 'isatap' is on the DNS Global Query Block List (the default), and removing it from the list turns ISATAP on for every IPv6 host.",
            "$zone = 'corp.contoso.com'\n$name = 'isatap-mo'\n$ipv4 = '10.0.0.1'\nAdd-DnsServerResourceRecordA -ZoneName $zone -Name $name -IPv4Address $ipv4",
            "dnscmd /recordadd corp.contoso.com isatap-mo A 10.0.0.1",
            "Resolve-DnsName -Name <router name> -Type A returns the router's IPv4 on the host.",
            "Remove-DnsServerResourceRecord for a record the step added (the generated step saves what it added).",
            ["REFERENCE §2.3", "§2.4", "§5.5", "§5.9", "MS-CMDLET", "MS-DNSCMD"],
            "The dnscmd /recordadd syntax is from the dnscmd reference, not REFERENCE.md; the zone is taken as the router FQDN minus its first label."),

        new(FindingCodes.RouterIsGlobalIsatap, Severity.Warning, "The router name is the global name 'isatap'", ManageOut,
            "The router name the host uses (or expected.routerName) has the first label 'isatap', or no router is configured so Windows looks up the default single-label name ISATAP.",
            "Every Windows host resolves 'isatap' by default, so publishing it enables ISATAP on every IPv6 host; Windows DNS Server blocks the name by default (Global Query Block List). " +
            "Practitioners use a unique name (e.g. isatap-mo) and point only manage-out hosts at it.",
            EnableIsatapPs, EnableIsatapNetsh,
            "Get-NetIsatapConfiguration shows the unique router name.",
            RestoreIsatapRollback,
            ["REFERENCE §2.3", "§2.4", "§5.5", "HICKS-NLB", "HICKS-REC", "JJ"],
            "Whether Windows also tries LLMNR/NetBIOS for the ISATAP name is UNVERIFIED."),

        new(FindingCodes.ForwardingDisabled, Severity.Error, "Forwarding is disabled on the router's ISATAP interface", Routers,
            "The collector shows Forwarding Disabled on the ISATAP interface of the internal adapter (or, when it cannot be identified, on every ISATAP interface).",
            "The ISATAP router must forward between ISATAP hosts and DirectAccess clients; without forwarding it is not a default router." + RouterRebootNote,
            RouterPs, RouterNetsh, RouterVerify, RouterRollback,
            ["REFERENCE §4.2", "§4.3", "§5.3", "§5.9", "HICKS-GH", "MS-CMDLET"],
            "Which builds lose the router configuration at reboot is UNVERIFIED."),

        new(FindingCodes.AdvertisingDisabled, Severity.Error, "Advertising is disabled on the router's ISATAP interface", Routers,
            "The collector shows Advertising Disabled (the default) on the ISATAP interface of the internal adapter (or, when it cannot be identified, on every ISATAP interface).",
            "Without router advertisements ISATAP hosts get no address from the prefix and no default route: they keep only their link-local address." + RouterRebootNote,
            RouterPs, RouterNetsh, RouterVerify, RouterRollback,
            ["REFERENCE §4.2", "§4.3", "§5.3", "§5.9", "HICKS-GH", "MS-CMDLET"],
            "Which builds lose the router configuration at reboot is UNVERIFIED."),

        new(FindingCodes.RouteNotPublished, Severity.Error, "The ISATAP prefix route is not published", Routers,
            "The collector's routes on the router's ISATAP interface have no route with Publish Yes for the ISATAP /64 (expected.isatapPrefix, else Get-RemoteAccess InternalIPv6Prefix; without either, no published /64 at all).",
            "The router advertises only prefixes of published routes: without it ISATAP hosts get no address from the ISATAP prefix." + RouterRebootNote,
            RouterPs, RouterNetsh, RouterVerify, RouterRollback,
            ["REFERENCE §3.2", "§4.2", "§4.3", "§5.3", "HICKS-GH"],
            "InternalIPv6Prefix being the ISATAP /64 comes from Hicks' script help text; the general rule is UNVERIFIED."),

        new(FindingCodes.MultipleIsatapInterfaces, Severity.Warning, "Several ISATAP interfaces: configure the internal one", Routers,
            "The router has more than one ISATAP interface (one per IPv4-enabled adapter). The finding names the index of the internal adapter's ISATAP interface and why: " +
            "its name is isatap.{GUID of Get-RemoteAccess InternalInterface}, or its fe80::5efe address embeds expected.routerIpv4 or the internal adapter's IPv4, or it is the only one embedding a non-global IPv4. " +
            "Warning when the router needs a fix or the internal interface cannot be identified; info otherwise.",
            "Forwarding, advertising and the published route belong on the ISATAP interface of the internal adapter only; configuring another index does nothing for manage-out. The index is what the evidence proved, and the remediation checks that the index still names the same interface before changing it.",
            RouterPs, RouterNetsh, RouterVerify, RouterRollback,
            ["REFERENCE §2.3", "§4.2", "§5.2", "HICKS-GH"],
            "Choosing the interface with a non-global embedded IPv4 relies on the advice not to put a public IPv4 on the internal adapter (MS-DA-MGMT); it is a heuristic and the finding says so."),

        new(FindingCodes.UnsupportedLoadBalancer, Severity.Error, "ISATAP through load-balanced or multisite DirectAccess is unsupported", [HostRole.ManagementHost, HostRole.DirectAccessServer],
            "expected.topology is external-load-balancer or multisite (error on a DirectAccess server, warning on a management host), or nlb (warning); or the router name resolves to several IPv4 addresses (warning: a load-balanced router name).",
            "ISATAP is supported only with a single DirectAccess server; with Windows NLB it works but is unsupported; with an external load balancer or multisite it must be replaced by native IPv6 or a standalone ISATAP router. " +
            "Behind an external load balancer hosts typically get no default gateway on the ISATAP interface.",
            "# Plan a standalone ISATAP router: POST /api/v1/isatap/plans with deployment.topology 'external-load-balancer' and router.server.\nGet-NetIsatapConfiguration",
            null,
            "Management hosts use a standalone ISATAP router (or native IPv6) and get an address and default gateway from it.",
            "Nothing to roll back: this is a design change.",
            ["REFERENCE §5.2", "MS-DA-UNSUP", "HICKS-NLB", "HICKS-GH", "JJ"],
            "Microsoft's pages disagree (single-server only vs not supported at all, REFERENCE §7.8)."),

        new(FindingCodes.ClientDnsRegistrationDisabled, Severity.Error, "The DirectAccess client does not register its addresses in DNS", Client,
            "On a DirectAccess client, DisableNRPTForAdapterRegistration is 1, or it is not set on Windows 10 2004 (build 19041) or later, where 1 is the default.",
            "Manage-out connects to clients by name: since Windows 10 2004 DirectAccess clients no longer register their addresses on DNS servers configured in the NRPT, so their AAAA records go stale or missing. " +
            "Set the DWORD to 0 (usually with a Group Policy preference for all DirectAccess clients).",
            "New-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\Parameters' -Name 'DisableNRPTForAdapterRegistration' -PropertyType DWord -Value 0 -Force",
            "reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\Parameters /v DisableNRPTForAdapterRegistration /t REG_DWORD /d 0 /f",
            "DisableNRPTForAdapterRegistration = 0; after a restart the client's AAAA record appears in DNS (Resolve-DnsName <client> -Type AAAA from a management host).",
            "Restore the previous value (the generated step saves it).",
            ["REFERENCE §5.7", "MS-DA-KI"],
            "Whether a restart (or ipconfig /registerdns) is needed before registration resumes is UNVERIFIED."),

        new(FindingCodes.ClientEdgeTraversalMissing, Severity.Error, "A management firewall rule blocks edge traversal", Client,
            "On a DirectAccess client, an enabled inbound allow rule for management traffic that the collector knows (Remote Desktop, ICMPv6 echo request, WinRM) has EdgeTraversalPolicy Block.",
            "Teredo-connected DirectAccess clients can be reached from the intranet only through inbound rules with edge traversal enabled; intranet hosts' reachability checks also need ICMPv6 echo. " +
            "Rules that come from a GPO must be changed in that GPO (Microsoft recommended a separate GPO, because the DirectAccess wizard rewrote the client GPO's firewall section).",
            "$ruleName = 'RemoteDesktop-UserMode-In-TCP'\nSet-NetFirewallRule -Name $ruleName -EdgeTraversalPolicy Allow",
            "netsh advfirewall firewall set rule name=\"Remote Desktop - User Mode (TCP-In)\" dir=in new edge=yes",
            "Get-NetFirewallRule -Name <rule> shows EdgeTraversalPolicy Allow; a management host reaches the client over Teredo.",
            "Set-NetFirewallRule -Name <rule> -EdgeTraversalPolicy <previous> (the generated step saves it).",
            ["REFERENCE §5.6", "UAGHELP", "DA2008R2"],
            "The EdgeTraversalPolicy values come from a cheat sheet (cmdlet page not read); the built-in rule names the collector looks for (RemoteDesktop-UserMode-In-TCP/UDP, FPS-ICMP6-ERQ-In, WINRM-HTTP-In-TCP) are UNVERIFIED; other management rules (e.g. agent ports) are not checked."),

        new(FindingCodes.EvidenceUnrecognized, Severity.Warning, "Evidence that could not be read", AllRoles,
            "A non-empty evidence field that none of the parsers recognises (after also trying the other supported outputs), a collector document that is not a JSON object or has another schema version, or address values that do not parse. " +
            "Error when no evidence at all could be read.",
            "Unreadable evidence proves nothing: the diagnosis can only report what it could read. The parsers never reject input; they report it here.",
            "# Run the collector and send its JSON unchanged:\n# powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\\windows.ps1\nGet-NetIPAddress",
            "ipconfig /all\nnetsh interface ipv6 show interfaces\nnetsh interface ipv6 show addresses",
            "A new diagnosis reads the evidence (the finding is gone).",
            "Nothing to roll back.",
            ["REFERENCE §6"],
            "Localized words other than those in REFERENCE §6.1 are guesses; unknown words are read by position or ignored."),

        new(FindingCodes.CollectorIncomplete, Severity.Warning, "The collector could not read some items", AllRoles,
            "The collector document lists errors (an item it could not read, with the message).",
            "Checks that need those items were skipped. Run the collector in an elevated PowerShell; on Windows 7 / Server 2008 R2 the NetTCPIP cmdlets do not exist and the collector falls back to netsh.",
            "# Start PowerShell as administrator, then:\n# powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\\windows.ps1\nGet-NetIsatapConfiguration",
            null,
            "A new collector run has no errors.",
            "Nothing to roll back.",
            ["REFERENCE §6.1 (prefer PowerShell objects)"],
            null),

        new(FindingCodes.HostMismatch, Severity.Warning, "The evidence comes from another computer", AllRoles,
            "The computer name in the evidence (collector computerName, or ipconfig's Host Name) differs from host.name.",
            "The findings describe the computer the evidence came from, while every remediation script refuses to run anywhere but host.name.",
            "$env:COMPUTERNAME",
            "hostname",
            "host.name and the evidence agree.",
            "Nothing to roll back.",
            ["REFERENCE §6.1"],
            null),

        new(FindingCodes.CollectorMissing, Severity.Info, "No collector document: some checks were skipped", AllRoles,
            "evidence.collector is absent.",
            "Pasted text shows interfaces and addresses only. ISATAP state and policy, DisabledComponents, the IP Helper service, router-name resolution, the OS build, forwarding, advertising, published routes and the DNS client and firewall settings need the collector.",
            "# GET /api/v1/collectors/windows.ps1, then:\n# powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\\windows.ps1\nGet-NetIsatapConfiguration",
            null,
            "A diagnosis with the collector's JSON.",
            "Nothing to roll back.",
            ["REFERENCE §6.1 (prefer PowerShell objects)"],
            null),
    ];

    private static readonly FrozenDictionary<string, CatalogEntry> ByCode = Entries.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);

    /// <summary>The entry for <paramref name="code"/>.</summary>
    /// <exception cref="KeyNotFoundException">Not a code of <see cref="FindingCodes"/>.</exception>
    public static CatalogEntry Get(string code) => ByCode[code];

    /// <summary>The entry for <paramref name="code"/>, or null.</summary>
    public static CatalogEntry? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var e) ? e : null;
}
