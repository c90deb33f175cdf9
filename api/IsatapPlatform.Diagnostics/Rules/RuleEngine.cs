using System.Globalization;
using IsatapPlatform.Addressing;
using IsatapPlatform.Diagnostics.Catalog;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Evidence;
using IsatapPlatform.Diagnostics.Remediation;
using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Diagnostics.Rules;

/// <summary>Runs every rule of the catalog over the model. Rules only read the model; each adds at most one
/// finding per code and the remediation steps for it. Step phases order the remediation: preconditions (registry,
/// service, policy), host configuration, DNS, router, client.</summary>
internal static class RuleEngine
{
    private const int PhasePreconditions = 10, PhasePolicy = 20, PhaseHost = 30, PhaseDnsClient = 35, PhaseDns = 40, PhaseRouter = 50, PhaseClient = 60;

    public static RuleContext Run(Facts.HostModel model)
    {
        var ctx = new RuleContext(model);
        Evidence(ctx);
        DisabledComponents(ctx);
        IpHelper(ctx);
        Policy(ctx);
        DefaultOff(ctx);
        DnsClientBug(ctx);
        AdapterMissing(ctx);
        MediaDisconnected(ctx);
        LinkLocal(ctx);
        NoDefaultGateway(ctx);
        RouterMismatch(ctx);
        RouterResolution(ctx);
        GlobalName(ctx);
        Router(ctx);
        Topology(ctx);
        Client(ctx);
        CollectorMissing(ctx);
        return ctx;
    }

    private static string Hex(uint v) => "0x" + v.ToString("X8", CultureInfo.InvariantCulture);

    // ---- evidence ----

    private static void Evidence(RuleContext ctx)
    {
        var m = ctx.Model;
        bool nothingRead = m.EvidenceRead.Count == 0;
        foreach (var (field, why, sample) in m.Unrecognized)
            ctx.Findings.Add(FindingCodes.EvidenceUnrecognized,
                $"{field}: {why}." + (nothingRead ? " No evidence could be read at all, so nothing about the host is known: paste the commands' output unchanged, or send the collector's JSON." : ""),
                sample.Select(s => field + ": " + s), nothingRead ? Severity.Error : null);
        foreach (var note in m.Notes)
            ctx.Findings.Add(FindingCodes.EvidenceUnrecognized, note + " Put each output in its own field next time.", [], Severity.Info);

        foreach (var (name, line) in m.ComputerNames)
        {
            var first = NameRules.FirstLabel(name.Trim());
            if (!first.Equals(ctx.Computer, StringComparison.OrdinalIgnoreCase))
                ctx.Findings.Add(FindingCodes.HostMismatch,
                    $"The evidence comes from '{TextLines.Echo(first)}' but host.name is '{ctx.Spec.HostName}': the findings describe the computer the evidence came from, while every remediation script refuses to run anywhere but {ctx.Computer}.",
                    [line]);
        }

        if (ctx.Collector?.Errors is { Count: > 0 } errors)
            ctx.Findings.Add(FindingCodes.CollectorIncomplete,
                $"The collector could not read {errors.Count} item(s); the checks that need them were skipped. Run it in an elevated PowerShell (Run as administrator).",
                errors.Take(10).Select(e => TextLines.Echo($"collector.errors: {e.Item}: {e.Message}")));
    }

    private static void CollectorMissing(RuleContext ctx)
    {
        if (ctx.Model.Collector is not null || ctx.Model.EvidenceRead.Count == 0) return;
        string skipped = ctx.Role switch
        {
            HostRole.DirectAccessClient => "the OS build, DNS registration (DisableNRPTForAdapterRegistration), edge traversal on the firewall rules and the IP Helper service",
            HostRole.DirectAccessServer or HostRole.IsatapRouter => "forwarding, advertising and published routes on the ISATAP interface, which adapter is internal, DisabledComponents, the IP Helper service and the ISATAP state and policy",
            _ => "the ISATAP state and policy, the router name and its resolution, DisabledComponents, the IP Helper service, the OS build (default-off ISATAP, DNS-client bug) and the routes",
        };
        ctx.Findings.Add(FindingCodes.CollectorMissing,
            $"Only pasted text was given ({string.Join(", ", ctx.Model.EvidenceRead)}). Checks skipped: {skipped}. Run the collector (GET /api/v1/collectors/windows.ps1) and send its JSON as evidence.collector.", []);
    }

    // ---- preconditions ----

    private static void DisabledComponents(RuleContext ctx)
    {
        if (!ctx.NeedsIsatap || ctx.DisabledComponents is not { } v) return;
        string line = $"collector.disabledComponents = {Hex(v)}";
        bool das = ctx.Role == HostRole.DirectAccessServer;
        if ((v & 0x05) != 0)
        {
            string bits = (v & 0x05) == 0x05 ? "bits 0x01 (IPv6 on all tunnel interfaces) and 0x04 (ISATAP) are" : (v & 0x01) != 0 ? "bit 0x01 (IPv6 on all tunnel interfaces) is" : "bit 0x04 (ISATAP) is";
            ctx.Findings.Add(FindingCodes.DisabledComponents,
                $"DisabledComponents is {Hex(v)}: {bits} set, so ISATAP cannot come up whatever else is configured (REFERENCE §4.6)." +
                (v == uint.MaxValue ? " 0xFFFFFFFF is not a valid setting: it adds a 5-second boot delay, and a removed GPO can leave it behind so that ISATAP creation fails with error 0x490 (KSTREET); delete the value." : "") +
                (das ? " On a DirectAccess server any value other than 0 or 0x20 also breaks RRAS." : "") + " A restart is required after the change.",
                [line]);
        }
        else if (das && v != 0 && v != 0x20)
        {
            ctx.Findings.Add(FindingCodes.DisabledComponents,
                $"DisabledComponents is {Hex(v)}. ISATAP is not blocked, but Microsoft says values other than 0 or 0x20 break RRAS, which DirectAccess runs on (REFERENCE §4.6). A restart is required after the change.",
                [line], Severity.Warning);
        }
        else return;
        ctx.AddStep(PhasePreconditions, HostSteps.DisabledComponents(ctx.Computer, ctx.HostTarget, das, v));
    }

    private static void IpHelper(RuleContext ctx)
    {
        var s = ctx.Collector?.IpHelper;
        if (s is null || (s.Status is null && s.StartType is null)) return;
        bool stopped = s.Status is not null && !s.Status.Equals("Running", StringComparison.OrdinalIgnoreCase);
        bool disabled = string.Equals(s.StartType, "Disabled", StringComparison.OrdinalIgnoreCase);
        if (!stopped && !disabled) return;
        string what = ctx.Role == HostRole.DirectAccessClient ? "the DirectAccess client has no Teredo or IP-HTTPS tunnel" : "there is no ISATAP interface";
        ctx.Findings.Add(FindingCodes.IpHelperNotRunning,
            $"The IP Helper service (iphlpsvc) is {s.Status ?? "in an unknown state"} with start type {s.StartType ?? "unknown"}: it provides the ISATAP, 6to4, Teredo and IP-HTTPS tunnels, so {what} (REFERENCE §4.4).",
            [TextLines.Echo($"collector.ipHelper = {s.Status} ({s.StartType})")]);
        ctx.AddStep(PhasePreconditions, HostSteps.IpHelper(ctx.Computer, ctx.HostTarget));
    }

    private static void Policy(RuleContext ctx)
    {
        if (!ctx.NeedsIsatap) return;
        if (Is(ctx.PolicyState, "Disabled"))
        {
            ctx.Findings.Add(FindingCodes.DisabledByPolicy,
                "Group Policy sets ISATAP_State = Disabled (HKLM\\Software\\Policies\\Microsoft\\Windows\\TCPIP\\v6Transition), so the host has no ISATAP interface. Hardening baselines (CIS, DISA STIG) set it (REFERENCE §5.9); " +
                "a local Set-NetIsatapConfiguration cannot override it. Change 'Set ISATAP State' to Enabled State in the GPO that applies to this computer (or exclude it from the baseline), then refresh policy.",
                [$"collector.isatapPolicy.state = {ctx.Echo(ctx.PolicyState!)}"]);
            ctx.AddStep(PhasePolicy, HostSteps.PolicyRefresh(ctx.Computer, ctx.HostTarget, ctx.ExpectedRouter));
            return;
        }
        if (ctx.PolicyState is null && Is(ctx.ConfigState, "Disabled"))
        {
            ctx.Findings.Add(FindingCodes.DisabledByPolicy,
                "The local ISATAP configuration is Disabled (Get-NetIsatapConfiguration State Disabled; not from Group Policy), so the host has no ISATAP interface (REFERENCE §4.1). " +
                (ctx.Role == HostRole.DirectAccessServer ? "On a DirectAccess server the Remote Access configuration normally manages ISATAP: re-apply it, or enable the state (UNVERIFIED which is right for your deployment)." : "Enable it with the router name."),
                [$"collector.isatapConfiguration.state = {ctx.Echo(ctx.ConfigState!)}"]);
            EnableStep(ctx, "The local ISATAP state is Disabled.");
        }
    }

    private static void DefaultOff(RuleContext ctx)
    {
        if (ctx.Role is not (HostRole.ManagementHost or HostRole.IsatapRouter) || ctx.Build is not { } build || build < 15063) return;
        if (ctx.Collector?.IsatapConfiguration is null && ctx.Collector?.IsatapPolicy is null) return;
        var state = ctx.EffectiveState;
        if (Is(state, "Enabled") || Is(state, "Disabled")) return;
        // The evidence shows ISATAP up (a connected interface with its link-local address): the state it reports is not what keeps it off.
        if (ctx.Isatap.Exists(i => i.State == LinkState.Connected && i.Addresses.Exists(a => a.IsIsatapLinkLocal))) return;
        ctx.Findings.Add(FindingCodes.IsatapDefaultOff,
            $"This is build {build.ToString(CultureInfo.InvariantCulture)} (Windows 10 1703 / build 15063 or later), where ISATAP is off unless its state is Enabled; the state here is {state ?? "not set"}" +
            (ctx.EffectiveRouter is { } r ? $" (router '{TextLines.Echo(r)}' is set, but a router name alone no longer enables ISATAP)" : "") + " (REFERENCE §4.5, §5.4, §7.3).",
            [$"collector.os.buildNumber = {build.ToString(CultureInfo.InvariantCulture)}",
             ctx.ConfigState is null ? null : $"collector.isatapConfiguration.state = {ctx.Echo(ctx.ConfigState)}",
             ctx.PolicyState is null ? null : $"collector.isatapPolicy.state = {ctx.Echo(ctx.PolicyState)}"]);
        EnableStep(ctx, $"ISATAP is off by default on build {build.ToString(CultureInfo.InvariantCulture)}.");
    }

    private static void DnsClientBug(RuleContext ctx)
    {
        if (ctx.Role != HostRole.ManagementHost || ctx.Build is not { } build || ctx.IsServer is not { } server) return;
        bool client = !server && build is >= 10240 and < 15063;
        bool server2016 = server && build == 14393;
        if (!client && !server2016) return;
        if (ctx.Collector?.DnsClient?.DisableParallelAandAaaa == 1) return;
        string known = ctx.Collector?.DnsClient is null ? " The collector did not report the DNS client parameters." : " DisableParallelAandAAAA is not 1.";
        ctx.Findings.Add(FindingCodes.DnsClientBug,
            (client
                ? $"Build {build.ToString(CultureInfo.InvariantCulture)} is Windows 10 before 1703: manage-out over ISATAP fails because of a DNS-client bug (Hicks, REFERENCE §5.3)."
                : "This is Windows Server 2016 (build 14393): the Windows 10 DNS-client bug may apply (the post's title names Server 2016; UNVERIFIED).") +
            known + " Workaround: DisableParallelAandAAAA = 1; upgrading to 1703 or later is the better fix.",
            [$"collector.os.buildNumber = {build.ToString(CultureInfo.InvariantCulture)}",
             ctx.Collector?.Os?.Caption is { } cap ? ctx.Echo("collector.os.caption = " + cap) : null],
            client ? null : Severity.Warning);
        ctx.AddStep(PhaseDnsClient, HostSteps.DnsClientWorkaround(ctx.Spec.HostName, build, server));
    }

    // ---- ISATAP interface ----

    private static void AdapterMissing(RuleContext ctx)
    {
        if (!ctx.NeedsIsatap || !ctx.Model.InventoryKnown || ctx.Isatap.Count > 0) return;
        var causes = new List<string>();
        if (ctx.Findings.Has(FindingCodes.DisabledComponents)) causes.Add("DisabledComponents blocks ISATAP");
        if (ctx.Findings.Has(FindingCodes.IpHelperNotRunning)) causes.Add("IP Helper is not running");
        if (ctx.Findings.Has(FindingCodes.DisabledByPolicy)) causes.Add("ISATAP is disabled");
        if (ctx.Findings.Has(FindingCodes.IsatapDefaultOff)) causes.Add("the state is not Enabled on a build where ISATAP is off by default");
        string because = causes.Count > 0
            ? $" Cause{(causes.Count > 1 ? "s" : "")} found: {string.Join("; ", causes)} (see those findings)."
            : ctx.Collector is null
                ? " Likely causes: ISATAP not enabled (on Windows 10 1703 and later the state must be Enabled), DisabledComponents, or IP Helper stopped; the collector would tell which."
                : " ISATAP has not been enabled on this host.";
        var seen = ctx.Model.Interfaces.Where(i => i.Name is not null).Take(6).Select(i => i.Lines.Count > 0 ? i.Lines[0] : i.Name!);
        ctx.Findings.Add(FindingCodes.AdapterMissing,
            $"The evidence lists {ctx.Model.Interfaces.Count} interface(s) and none is an ISATAP interface (no name or description with 'isatap', no fe80::5efe: address)." + because,
            seen);
        if (causes.Count == 0 && ctx.Role != HostRole.DirectAccessServer) EnableStep(ctx, "The host has no ISATAP interface.");
    }

    /// <summary>The interfaces whose state matters: on a router the internal one when known, else all ISATAP interfaces.</summary>
    private static List<Evidence.ParsedInterface> Relevant(RuleContext ctx)
        => ctx.IsRouter && ctx.RouterInterface.Interface is { } r ? [r] : ctx.Isatap;

    private static void MediaDisconnected(RuleContext ctx)
    {
        if (!ctx.NeedsIsatap) return;
        var list = Relevant(ctx);
        if (list.Count == 0 || list.Exists(i => i.State == Contracts.Diagnostics.LinkState.Connected) || !list.Exists(i => i.State == Contracts.Diagnostics.LinkState.Disconnected)) return;
        var causes = new List<string>();
        if (ctx.Collector?.RouterResolution is { } rr && (rr.Addresses is null || rr.Addresses.Count == 0) && rr.IsIpv4Literal != true && !string.IsNullOrWhiteSpace(rr.Name))
            causes.Add($"the router name '{TextLines.Echo(rr.Name)}' does not resolve (see dns.router-unresolved)");
        if (ctx.Findings.Has(FindingCodes.IsatapDefaultOff)) causes.Add("the ISATAP state is not Enabled (see os.isatap-default-off)");
        ctx.Findings.Add(FindingCodes.MediaDisconnected,
            $"{(list.Count == 1 ? "The ISATAP interface is" : $"All {list.Count} ISATAP interfaces are")} disconnected. Since Windows Vista SP1 an ISATAP interface stays 'Media disconnected', with no fe80::5efe address, until the router name resolves (REFERENCE §2.3); " +
            "on Windows 10 1703 and later it also needs the state Enabled." +
            (causes.Count > 0 ? $" Here: {string.Join("; ", causes)}." : ctx.Collector is null ? " Check that the router name resolves on this host (Resolve-DnsName), that the host is pointed at it (Get-NetIsatapConfiguration), and run the collector for the exact cause." : " Check the router name and its DNS record."),
            list.Select(i => i.StateLine).Concat(list.SelectMany(i => i.Lines.Take(1))));
        if (ctx.Role != HostRole.DirectAccessServer && ctx.ExpectedRouter is not null && !Is(ctx.EffectiveState, "Enabled"))
            EnableStep(ctx, "The ISATAP interface is disconnected.");
    }

    private static void LinkLocal(RuleContext ctx)
    {
        if (ctx.Role is not (HostRole.ManagementHost or HostRole.IsatapRouter)) return;
        var deprecated = new List<string>();
        var onlyLinkLocal = new List<Evidence.ParsedInterface>();
        foreach (var i in ctx.Isatap)
        {
            var ll = i.Addresses.Where(a => a.IsIsatapLinkLocal).ToList();
            if (ll.Count == 0) continue;
            foreach (var a in ll.Where(a => a.State == AddressState.Deprecated)) deprecated.Add(a.Line);
            if (ctx.Role == HostRole.ManagementHost && i.State != Contracts.Diagnostics.LinkState.Disconnected && !i.Addresses.Exists(a => a.IsRoutable) && ll.TrueForAll(a => a.State != AddressState.Deprecated))
                onlyLinkLocal.Add(i);
        }
        var resolved = ctx.Collector?.RouterResolution?.Addresses is { Count: > 0 } ra ? string.Join(", ", ra.Take(4).Select(x => TextLines.Echo(x))) : null;
        if (deprecated.Count > 0)
            ctx.Findings.Add(FindingCodes.LinkLocalDeprecated,
                "The ISATAP link-local address is Deprecated: no ISATAP router answers this host (REFERENCE §5.9). " +
                (resolved is not null ? $"The router name resolves to {resolved}, so check that IPv4 protocol 41 passes both ways between this host and that address (REFERENCE §2.1), and that the router advertises (diagnose it with role directaccess-server). "
                                      : "Check that the router name resolves to the DirectAccess server's internal IPv4, that IPv4 protocol 41 passes both ways between this host and the router (REFERENCE §2.1), and that the router advertises. ") +
                "On AWS/EC2 hosts this state is normal when no ISATAP router exists (REFERENCE §6.4).",
                deprecated);
        if (onlyLinkLocal.Count > 0)
            ctx.Findings.Add(FindingCodes.LinkLocalOnly,
                "The ISATAP interface is up (the router name resolves) but has only its link-local address: the router advertises no prefix, so there is no routable ISATAP address and no route to DirectAccess clients. " +
                "On the DirectAccess server, forwarding and advertising must be enabled on the ISATAP interface of the internal adapter and the route for the ISATAP /64 published; this configuration can be lost when the server restarts (REFERENCE §4.2, §5.3, HICKS-GH). " +
                "Diagnose the server (role directaccess-server, with its collector) to get the commands with its interface index.",
                onlyLinkLocal.SelectMany(i => i.Addresses.Where(a => a.IsIsatapLinkLocal).Select(a => a.Line)));
    }

    private static void NoDefaultGateway(RuleContext ctx)
    {
        if (ctx.Role != HostRole.ManagementHost) return;
        var hits = ctx.Isatap.Where(i => i.GatewaysKnown && i.Gateways.Count == 0 && i.Addresses.Exists(a => a.IsRoutable && a.V6 is { } v && Isatap.TryDecode(v, out _))).ToList();
        if (hits.Count == 0) return;
        bool elb = ctx.Spec.Topology is Contracts.Plans.Topology.ExternalLoadBalancer or Contracts.Plans.Topology.Multisite;
        ctx.Findings.Add(FindingCodes.NoDefaultGateway,
            "The ISATAP interface has an address from the ISATAP prefix but no default gateway: the router advertises the prefix but not itself as a default router, so traffic to DirectAccess client prefixes has no route (REFERENCE §5.5). " +
            (elb ? "With an external load balancer or multisite the DirectAccess servers cannot act as one ISATAP router; use a standalone ISATAP router (see topology.unsupported-load-balancer). "
                 : "Check the router: Forwarding must be Enabled on its ISATAP interface as well as Advertising (a router that advertises without forwarding is not a default router: inferred, UNVERIFIED for Windows). Behind an external load balancer this is the typical symptom. "),
            hits.SelectMany(i => i.Addresses.Where(a => a.IsRoutable).Select(a => a.Line).Append(i.GatewayLine ?? "collector: no ::/0 route on the ISATAP interface")));
    }

    private static void RouterMismatch(RuleContext ctx)
    {
        if (ctx.Role != HostRole.ManagementHost) return;
        var s = ctx.Spec;
        if (s.RouterName is null && s.RouterIpv4 is null && s.IsatapPrefix is null) return;
        var details = new List<string>();
        var lines = new List<string?>();
        bool configured = ctx.Collector?.IsatapConfiguration is not null || ctx.Collector?.IsatapPolicy is not null;
        bool fromPolicy = ctx.PolicyRouter is not null;
        if (configured && (s.RouterName is not null || s.RouterIpv4 is not null))
        {
            var r = ctx.EffectiveRouter;
            if (r is null) { details.Add($"No router is configured, so Windows looks up the default name ISATAP instead of {ctx.ExpectedRouter}."); lines.Add("collector.isatapConfiguration.router = (empty)"); }
            else if (!SameRouter(r, s.RouterName, s.RouterIpv4))
            {
                details.Add($"The host is configured with router '{TextLines.Echo(r)}'{(fromPolicy ? " by Group Policy (ISATAP_RouterName)" : "")}, not {ctx.ExpectedRouter}.");
                lines.Add(fromPolicy ? $"collector.isatapPolicy.routerName = {TextLines.Echo(r)}" : $"collector.isatapConfiguration.router = {TextLines.Echo(r)}");
            }
        }
        if (s.RouterIpv4 is { } want && ctx.Collector?.RouterResolution is { Addresses: { Count: > 0 } got } rr)
        {
            var parsed = got.Select(a => IPv4Address.TryParse(a.AsSpan().Trim(), out var v) ? v : (IPv4Address?)null).OfType<IPv4Address>().ToList();
            if (parsed.Count > 0 && !parsed.Contains(want))
            {
                details.Add($"The router name '{TextLines.Echo(rr.Name ?? "")}' resolves to {string.Join(", ", parsed)}, not {want}: the DNS record (or a HOSTS entry) points at another server.");
                lines.Add(TextLines.Echo($"collector.routerResolution = {rr.Name} -> {string.Join(", ", got)}"));
            }
        }
        foreach (var i in ctx.Isatap)
        {
            if (s.RouterIpv4 is { } want2)
                foreach (var g in i.Gateways)
                    if (g.V6 is { } gv && Isatap.TryDecode(gv, out var info) && info.IPv4 != want2)
                    {
                        details.Add($"The ISATAP default gateway {gv.ToMixedString()} is the router at {info.IPv4}, not {want2}.");
                        lines.Add(g.Line);
                    }
            if (s.IsatapPrefix is { } p)
                foreach (var a in i.Addresses.Where(a => a.IsRoutable && a.V6 is { } v && Isatap.TryDecode(v, out _) && !p.Contains(v)))
                {
                    details.Add($"The ISATAP address {a.V6!.Value.ToMixedString()} is not in the expected prefix {p}: another ISATAP router advertises to this host.");
                    lines.Add(a.Line);
                }
        }
        if (details.Count == 0) return;
        ctx.Findings.Add(FindingCodes.RouterMismatch, string.Join(" ", details.Distinct()), lines);
        if (fromPolicy) ctx.AddStep(PhasePolicy, HostSteps.PolicyRefresh(ctx.Computer, ctx.HostTarget, ctx.ExpectedRouter));
        else if (ctx.ExpectedRouter is not null && configured) EnableStep(ctx, "The host is pointed at another ISATAP router.");
    }

    private static bool SameRouter(string configured, string? name, IPv4Address? ipv4)
    {
        var c = configured.Trim().TrimEnd('.');
        if (ipv4 is { } ip && IPv4Address.TryParse(c.AsSpan(), out var lit) && lit == ip) return true;
        if (name is null) return false;
        if (c.Equals(name, StringComparison.OrdinalIgnoreCase)) return true;
        // A single label resolves with the DNS suffix: 'isatap-mo' and 'isatap-mo.corp.contoso.com' name the same router.
        bool cSingle = !c.Contains('.'), nSingle = !name.Contains('.');
        return (cSingle || nSingle) && NameRules.FirstLabel(c).Equals(NameRules.FirstLabel(name), StringComparison.OrdinalIgnoreCase);
    }

    private static void RouterResolution(RuleContext ctx)
    {
        if (ctx.Role is not (HostRole.ManagementHost or HostRole.IsatapRouter)) return;
        var rr = ctx.Collector?.RouterResolution;
        if (rr is null || string.IsNullOrWhiteSpace(rr.Name) || rr.IsIpv4Literal == true) return;
        if (IPv4Address.TryParse(rr.Name.AsSpan().Trim(), out _)) return;
        if (rr.Addresses is { Count: > 0 }) return;
        if (rr.Addresses is null && rr.Error is null) return;
        string name = TextLines.Echo(rr.Name);
        bool global = RuleContext.IsIsatapName(rr.Name);
        ctx.Findings.Add(FindingCodes.RouterUnresolved,
            $"The router name '{name}' ({SourceText(rr.Source)}) does not resolve on this host, so its ISATAP interface cannot come up (REFERENCE §2.3). " +
            (global ? "'isatap' is on the DNS Global Query Block List by default, and removing it enables ISATAP for every IPv6 host: use a unique name instead (see dns.router-is-global-isatap). "
                    : "Create a DNS A record for it pointing at the DirectAccess server's internal IPv4 (or point the host at the IPv4 literal). "),
            [TextLines.Echo($"collector.routerResolution = {rr.Name} -> (no address){(rr.Error is null ? "" : ": " + rr.Error)}")]);
        // The record can be created only when the request says where it should point.
        if (!global && ctx.Spec.RouterIpv4 is { } ip && ctx.Spec.RouterName is { } fqdn && fqdn.Contains('.') && !RuleContext.IsIsatapName(fqdn)
            && string.Equals(fqdn.TrimEnd('.'), rr.Name.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
        {
            int dot = fqdn.IndexOf('.');
            ctx.AddStep(PhaseDns, DnsRecordStep.RouterRecord(fqdn[(dot + 1)..], fqdn[..dot], ip));
        }
    }

    private static string SourceText(string? source) => source?.ToLowerInvariant() switch
    {
        "policy" => "from Group Policy ISATAP_RouterName",
        "isatap-configuration" => "from Get-NetIsatapConfiguration",
        "default" => "the default name, because no router is configured",
        "parameter" => "given to the collector",
        _ => "the configured router",
    };

    private static void GlobalName(RuleContext ctx)
    {
        if (ctx.Role != HostRole.ManagementHost) return;
        var lines = new List<string?>();
        string? detail = null;
        if (ctx.EffectiveRouter is { } r && RuleContext.IsIsatapName(r))
        {
            detail = $"The host uses the router name '{TextLines.Echo(r)}', the global name every Windows host resolves by default.";
            lines.Add(ctx.PolicyRouter is not null ? $"collector.isatapPolicy.routerName = {TextLines.Echo(r)}" : $"collector.isatapConfiguration.router = {TextLines.Echo(r)}");
        }
        else if ((ctx.Collector?.IsatapConfiguration is not null || ctx.Collector?.IsatapPolicy is not null) && ctx.EffectiveRouter is null && (Is(ctx.EffectiveState, "Enabled") || ctx.Isatap.Count > 0))
        {
            detail = "No router name is configured, so Windows looks up the default single-label name ISATAP (REFERENCE §2.3).";
            lines.Add("collector.isatapConfiguration.router = (empty)");
        }
        if (ctx.Spec.RouterName is { } e && RuleContext.IsIsatapName(e))
        {
            detail = (detail is null ? "" : detail + " ") + $"expected.routerName '{e}' is the global name too.";
        }
        if (detail is null) return;
        ctx.Findings.Add(FindingCodes.RouterIsGlobalIsatap,
            detail + " Publishing 'isatap' enables ISATAP on every IPv6 host that resolves it, and Windows DNS Server blocks the name by default (Global Query Block List). Use a unique name (e.g. isatap-mo) and point only manage-out hosts at it (REFERENCE §2.4, §5.5).",
            lines);
        if (ctx.Spec.RouterName is { } unique && !RuleContext.IsIsatapName(unique) && ctx.PolicyRouter is null) EnableStep(ctx, "The host uses the global router name.");
    }

    // ---- router ----

    private static void Router(RuleContext ctx)
    {
        if (!ctx.IsRouter) return;
        var isatap = ctx.Isatap;
        var choice = ctx.RouterInterface;
        if (isatap.Count == 0) return;

        // Without knowing which interface is internal, a problem counts only when no ISATAP interface is configured.
        var targets = choice.Interface is { } chosen ? [chosen] : isatap;
        var forwarding = targets.Where(i => i.Forwarding == false).ToList();
        var advertising = targets.Where(i => i.Advertising == false).ToList();
        if (choice.Interface is null && (forwarding.Count < targets.Count || isatap.Exists(i => i.Forwarding == true))) forwarding.Clear();
        if (choice.Interface is null && (advertising.Count < targets.Count || isatap.Exists(i => i.Advertising == true))) advertising.Clear();
        string which = choice.Interface is { } c2 ? $"the ISATAP interface of the internal adapter (index {Index(c2)})" : "every ISATAP interface";
        string rebootNote = " This configuration may be lost after a restart (HICKS-GH; affected builds UNVERIFIED).";

        if (forwarding.Count > 0)
            ctx.Findings.Add(FindingCodes.ForwardingDisabled,
                $"Forwarding is Disabled on {which}: the router does not forward between ISATAP hosts and DirectAccess clients and is not a default router (REFERENCE §4.2)." + rebootNote,
                forwarding.Select(i => i.ForwardingLine));
        if (advertising.Count > 0)
            ctx.Findings.Add(FindingCodes.AdvertisingDisabled,
                $"Advertising is Disabled on {which}: ISATAP hosts get no address from the prefix and no default route, only their link-local address (REFERENCE §4.2)." + rebootNote,
                advertising.Select(i => i.AdvertisingLine));

        var prefix = ctx.IsatapPrefix;
        var routeTargets = targets.Where(i => i.RoutesKnown).ToList();
        var unpublished = routeTargets.Where(i => !i.Routes.Exists(r => r.IsPublished && (prefix is { } p ? r.Prefix is { } rp && rp == p : r.Prefix is { Length: 64 }))).ToList();
        if (choice.Interface is null && unpublished.Count < routeTargets.Count) unpublished.Clear();
        if (unpublished.Count > 0)
            ctx.Findings.Add(FindingCodes.RouteNotPublished,
                (prefix is { } px ? $"No route for {px} with Publish Yes on {which}" : $"No published /64 route on {which} (give expected.isatapPrefix to check the exact prefix)") +
                ": the router advertises only published routes, so ISATAP hosts get no address from the ISATAP prefix (REFERENCE §4.2, HICKS-GH)." + rebootNote,
                unpublished.SelectMany(i => i.Routes.Count == 0 ? [$"collector: no IPv6 route on {TextLines.Echo(i.Name ?? "the ISATAP interface")}"] : i.Routes.Select(r => r.Line)));

        if (isatap.Count > 1)
        {
            string list = string.Join("; ", isatap.Select(Describe));
            string detail = choice.Interface is { } ci
                ? $"{isatap.Count} ISATAP interfaces ({list}). Configure index {Index(ci)} ({TextLines.Echo(ci.Name ?? "?")}): {choice.Reason}. Forwarding, advertising and the published route belong on the ISATAP interface of the internal adapter only."
                : $"{isatap.Count} ISATAP interfaces ({list}) and the evidence does not show which belongs to the internal adapter. Diagnose again with expected.routerIpv4 (the internal IPv4) or the collector's JSON (Get-RemoteAccess InternalInterface).";
            ctx.Findings.Add(FindingCodes.MultipleIsatapInterfaces, detail, isatap.SelectMany(i => i.Lines.Take(1)).Concat(isatap.SelectMany(i => i.Addresses.Where(a => a.IsIsatapLinkLocal).Select(a => a.Line))),
                forwarding.Count + advertising.Count + unpublished.Count > 0 || choice.Interface is null ? Severity.Warning : Severity.Info);
        }
        if (forwarding.Count + advertising.Count + unpublished.Count == 0) return;
        bool das = ctx.Role == HostRole.DirectAccessServer;
        var target = choice.Interface ?? (isatap.Count == 1 ? isatap[0] : null);
        if (target is null && !das) return; // a standalone router with several ISATAP interfaces: the finding says which evidence is missing
        int? index = target?.Index;
        string? alias = target?.Name is { Length: > 0 and <= 256 } n && TextLines.IsWellFormed(n) ? n : null;
        if (index is null && !das) return;
        string why = index is { } ix
            ? $"The evidence proves the ISATAP interface of the internal adapter is index {ix.ToString(CultureInfo.InvariantCulture)}{(alias is null ? "" : $" ({alias})")}: {choice.Reason ?? "it is the only ISATAP interface"}."
            : "The evidence does not prove the interface index, so the script finds the internal adapter's ISATAP interface itself (Get-RemoteAccess InternalInterface, as Hicks' script does).";
        ctx.AddStep(PhaseRouter, RouterStep.Configure(ctx.Computer, ctx.HostTarget, das, index, index is null ? null : alias, prefix, why));
    }

    private static string Index(Evidence.ParsedInterface i) => i.Index?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Describe(Evidence.ParsedInterface i)
    {
        var ll = i.Addresses.FirstOrDefault(a => a.IsIsatapLinkLocal);
        string embedded = ll?.V6 is { } v && Isatap.TryDecode(v, out var info) ? $", embeds {info.IPv4}" : "";
        return TextLines.Echo($"index {Index(i)} {i.Name ?? "?"}{embedded}");
    }

    // ---- topology ----

    private static void Topology(RuleContext ctx)
    {
        if (!ctx.NeedsIsatap || ctx.Role == HostRole.IsatapRouter) return;
        var t = ctx.Spec.Topology;
        if (t is Contracts.Plans.Topology.ExternalLoadBalancer or Contracts.Plans.Topology.Multisite)
        {
            bool das = ctx.Role == HostRole.DirectAccessServer;
            ctx.Findings.Add(FindingCodes.UnsupportedLoadBalancer,
                $"expected.topology is {ContractNames.Of(t.Value)}: ISATAP through the DirectAccess servers is supported only with a single server; with an external load balancer or multisite it must be replaced by native IPv6 or a standalone ISATAP router (REFERENCE §5.2, MS-DA-UNSUP). " +
                (das ? "This DirectAccess server should not be the ISATAP router. " : "Make sure this host's router name points at a standalone ISATAP router, not at the DirectAccess servers or their virtual IP. ") +
                "POST /api/v1/isatap/plans with this topology and router.server plans the standalone router.",
                [$"expected.topology = {ContractNames.Of(t.Value)}"], das ? Severity.Error : Severity.Warning);
        }
        else if (t == Contracts.Plans.Topology.Nlb)
        {
            ctx.Findings.Add(FindingCodes.UnsupportedLoadBalancer,
                "expected.topology is nlb: ISATAP works with Windows NLB but is not supported; use A records for each server's internal IPv4 and the virtual IP under a unique name (REFERENCE §5.2, HICKS-NLB).",
                ["expected.topology = nlb"], Severity.Warning);
        }
        if (ctx.Role == HostRole.ManagementHost && ctx.Collector?.RouterResolution?.Addresses is { Count: > 1 } many)
        {
            ctx.Findings.Add(FindingCodes.UnsupportedLoadBalancer,
                $"The router name resolves to {many.Count} addresses ({string.Join(", ", many.Take(6).Select(x => TextLines.Echo(x)))}): a load-balanced ISATAP router name. With Windows NLB this works but is not supported; behind an external load balancer or multisite use a standalone ISATAP router (REFERENCE §5.2).",
                [TextLines.Echo($"collector.routerResolution = {ctx.Collector.RouterResolution.Name} -> {string.Join(", ", many.Take(6))}")], Severity.Warning);
        }
    }

    // ---- DirectAccess client ----

    private static void Client(RuleContext ctx)
    {
        if (ctx.Role != HostRole.DirectAccessClient) return;
        var dns = ctx.Collector?.DnsClient;
        if (dns is not null)
        {
            var v = dns.DisableNrptForAdapterRegistration;
            bool defaultOff = v is null && ctx.Build is >= 19041 && ctx.IsServer != true;
            if (v is { } set && set != 0 || defaultOff)
            {
                ctx.Findings.Add(FindingCodes.ClientDnsRegistrationDisabled,
                    (defaultOff
                        ? $"DisableNRPTForAdapterRegistration is not set on build {ctx.Build!.Value.ToString(CultureInfo.InvariantCulture)} (Windows 10 2004 or later), where 1 (disabled) is the default"
                        : $"DisableNRPTForAdapterRegistration is {v!.Value.ToString(CultureInfo.InvariantCulture)}") +
                    ": the client does not register its addresses on the DNS servers in its NRPT, so manage-out hosts cannot find it by name (REFERENCE §5.7, MS-DA-KI). Set it to 0, for all clients with a Group Policy preference.",
                    [v is null ? "collector.dnsClient.disableNRPTForAdapterRegistration = (not set)" : $"collector.dnsClient.disableNRPTForAdapterRegistration = {v.Value.ToString(CultureInfo.InvariantCulture)}",
                     ctx.Build is { } b ? $"collector.os.buildNumber = {b.ToString(CultureInfo.InvariantCulture)}" : null]);
                ctx.AddStep(PhaseClient, ClientSteps.DnsRegistration(ctx.Computer, ctx.HostTarget));
            }
        }
        if (ctx.Collector?.FirewallRules is { } rules)
        {
            var blocked = rules.Where(r => string.Equals(r.EdgeTraversalPolicy, "Block", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(r.Name)).ToList();
            if (blocked.Count == 0) return;
            var gpo = blocked.Where(r => string.Equals(r.PolicyStoreSourceType, "GroupPolicy", StringComparison.OrdinalIgnoreCase)).ToList();
            var local = blocked.Except(gpo).Where(r => IsRuleName(r.Name!)).ToList();
            ctx.Findings.Add(FindingCodes.ClientEdgeTraversalMissing,
                $"{blocked.Count} inbound management rule(s) block edge traversal ({string.Join(", ", blocked.Take(8).Select(r => TextLines.Echo(r.Name!)))}): Teredo-connected DirectAccess clients can be reached from the intranet only through rules with edge traversal allowed (REFERENCE §5.6)." +
                (gpo.Count > 0 ? $" {gpo.Count} of them come from Group Policy ({string.Join(", ", gpo.Select(r => TextLines.Echo(r.PolicyStoreSource ?? "unknown GPO")).Distinct().Take(4))}): change them in that GPO." : "") +
                " Other management rules (agents, custom ports) are not checked and need the same setting.",
                blocked.Take(10).Select(r => TextLines.Echo($"collector.firewallRules: {r.Name} ({r.DisplayName}) edgeTraversalPolicy = {r.EdgeTraversalPolicy}, source {r.PolicyStoreSourceType}")));
            if (local.Count > 0)
                ctx.AddStep(PhaseClient, ClientSteps.EdgeTraversal(ctx.Computer, ctx.HostTarget, local.Select(r => (r.Name!, string.IsNullOrWhiteSpace(r.DisplayName) ? null : r.DisplayName)).ToList()));
        }
    }

    /// <summary>Firewall rule names that reach a script: 1-200 of letters, digits, space and <c>- _ . ( ) { }</c>.</summary>
    internal static bool IsRuleName(string name)
        => name.Length is > 0 and <= 200 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '(' or ')' or '{' or '}');

    // ---- shared ----

    /// <summary>The enable-ISATAP step (management host, standalone router), with the router the request expects.</summary>
    private static void EnableStep(RuleContext ctx, string why)
    {
        if (ctx.Role is not (HostRole.ManagementHost or HostRole.IsatapRouter)) return;
        if (ctx.PolicyState is not null && Is(ctx.PolicyState, "Disabled")) return; // the policy step comes first and must be fixed in the GPO
        string? router = ctx.ExpectedRouter;
        if (ctx.Role == HostRole.IsatapRouter && ctx.Spec.RouterIpv4 is { } own) router = own.ToString();
        if (router is not null && RuleContext.IsIsatapName(router) && ctx.Role == HostRole.ManagementHost) router = null;
        ctx.AddStep(PhaseHost, HostSteps.EnableIsatap(ctx.Computer, ctx.HostTarget, router, ctx.Role == HostRole.ManagementHost ? ctx.Spec.IsatapPrefix : null, why));
    }

    private static bool Is(string? value, string word) => string.Equals(value?.Trim(), word, StringComparison.OrdinalIgnoreCase);
}
