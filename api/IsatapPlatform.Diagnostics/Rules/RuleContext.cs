using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Evidence;
using IsatapPlatform.Diagnostics.Facts;
using IsatapPlatform.Diagnostics.Validation;
using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Plans;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Diagnostics.Rules;

/// <summary>What every rule sees: the model, the findings so far and the remediation being assembled, plus the
/// derived facts several rules share.</summary>
internal sealed class RuleContext
{
    public RuleContext(HostModel model)
    {
        Model = model;
        var c = model.Collector;
        Build = c?.Os?.BuildNumber is > 0 ? c.Os.BuildNumber : BuildFromVersion(c?.Os?.Version);
        IsServer = c?.Os?.ProductType is { } pt ? pt != 1 : null;
        PolicyState = Blank(c?.IsatapPolicy?.State);
        PolicyRouter = Blank(c?.IsatapPolicy?.RouterName);
        ConfigState = Blank(c?.IsatapConfiguration?.State);
        ConfigRouter = Blank(c?.IsatapConfiguration?.Router);
        if (c?.DisabledComponents is { Present: not false, Value: { } v }) DisabledComponents = unchecked((uint)v);
        RouterInterface = RouterInterfaceChoice.Choose(this);
    }

    public HostModel Model { get; }
    public DiagnosisSpec Spec => Model.Spec;
    public HostRole Role => Model.Role;
    public CollectorEvidence? Collector => Model.Collector;
    public FindingSet Findings { get; } = new();
    public Dictionary<string, (int Phase, StepDraft Step)> Steps { get; } = new(StringComparer.Ordinal);

    public int? Build { get; }
    public bool? IsServer { get; }
    public string? PolicyState { get; }
    public string? PolicyRouter { get; }
    public string? ConfigState { get; }
    public string? ConfigRouter { get; }
    public uint? DisabledComponents { get; }
    /// <summary>On a router: the ISATAP interface of the internal adapter, and why.</summary>
    public RouterInterfaceChoice RouterInterface { get; }

    public string Computer => Spec.ComputerName;
    public bool NeedsIsatap => Role is HostRole.ManagementHost or HostRole.IsatapRouter or HostRole.DirectAccessServer;
    public bool IsRouter => Role is HostRole.DirectAccessServer or HostRole.IsatapRouter;
    public List<ParsedInterface> Isatap => Model.Isatap.ToList();

    /// <summary>Where the diagnosed host's own steps run (the step contract has no directaccess-client target).</summary>
    public StepTarget HostTarget => Role switch
    {
        HostRole.DirectAccessServer => StepTarget.DirectAccessServer,
        HostRole.IsatapRouter => StepTarget.IsatapRouter,
        _ => StepTarget.ManagementHost,
    };

    /// <summary>The effective ISATAP state: Group Policy wins over the local configuration.</summary>
    public string? EffectiveState => PolicyState ?? ConfigState;

    /// <summary>The effective router: Group Policy, then the local configuration (null: the default name ISATAP).</summary>
    public string? EffectiveRouter => PolicyRouter ?? ConfigRouter;

    /// <summary>The router the remediation should configure: expected.routerName, else expected.routerIpv4.</summary>
    public string? ExpectedRouter => Spec.RouterName ?? Spec.RouterIpv4?.ToString();

    /// <summary>The ISATAP /64: expected.isatapPrefix, else Get-RemoteAccess InternalIPv6Prefix when it is a /64.</summary>
    public IPv6Prefix? IsatapPrefix
    {
        get
        {
            if (Spec.IsatapPrefix is { } p) return p;
            var text = Collector?.RemoteAccess?.InternalIpv6Prefix;
            if (text is not null && IPv6Prefix.TryParse(text.AsSpan().Trim(), PrefixParseMode.Strict, out var q, out _) && q.Length == 64) return q;
            return null;
        }
    }

    public void AddStep(int phase, StepDraft step) => Steps.TryAdd(step.Id, (phase, step));

    public static bool IsIsatapName(string? name)
        => name is not null && NameRules.FirstLabel(name.Trim()).Equals("isatap", StringComparison.OrdinalIgnoreCase);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static int? BuildFromVersion(string? version)
    {
        if (version is null) return null;
        var parts = version.Split('.');
        return parts.Length >= 3 && int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int b) && b > 0 ? b : null;
    }

    public string Echo(string text) => TextLines.Echo(text);
}

/// <summary>Which ISATAP interface of a router belongs to the internal adapter, and the evidence that says so.</summary>
internal sealed record RouterInterfaceChoice(ParsedInterface? Interface, string? Reason, bool Certain)
{
    public static RouterInterfaceChoice Choose(RuleContext ctx)
    {
        if (!ctx.IsRouter) return new(null, null, false);
        var isatap = ctx.Model.Isatap.ToList();
        if (isatap.Count == 0) return new(null, null, false);
        if (isatap.Count == 1) return new(isatap[0], "it is the only ISATAP interface", true);

        var ra = ctx.Collector?.RemoteAccess;
        if (ra?.InternalInterfaceGuid is { Length: > 0 } guid)
        {
            string name = "isatap." + guid.Trim();
            var byName = isatap.Where(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (byName.Count == 1)
                return new(byName[0], $"its name is isatap.<GUID of the internal adapter '{ra.InternalInterface}'> (Get-RemoteAccess InternalInterface, as Hicks' script finds it)", true);
        }
        var internalIpv4 = new List<IPv4Address>();
        if (ctx.Spec.RouterIpv4 is { } r) internalIpv4.Add(r);
        foreach (var s in ra?.InternalIpv4 ?? [])
            if (IPv4Address.TryParse(s.AsSpan().Trim(), out var a)) internalIpv4.Add(a);
        foreach (var ip in internalIpv4)
        {
            var embeds = isatap.Where(i => i.Addresses.Exists(x => x.IsIsatapLinkLocal && Isatap.TryDecode(x.V6!.Value, out var info) && info.IPv4 == ip)).ToList();
            if (embeds.Count == 1)
                return new(embeds[0], $"its ISATAP link-local address embeds {ip}, " + (ctx.Spec.RouterIpv4 == ip ? "expected.routerIpv4" : "the internal adapter's IPv4 (Get-RemoteAccess InternalInterface)"), true);
        }
        // Heuristic: the internal adapter should not have a public IPv4 (REFERENCE §5.2, MS-DA-MGMT).
        var nonGlobal = isatap.Where(i => i.Addresses.Exists(x => x.IsIsatapLinkLocal && Isatap.TryDecode(x.V6!.Value, out var info) && !info.IPv4.IsGlobal)).ToList();
        if (nonGlobal.Count == 1 && isatap.Count(i => i.Addresses.Exists(x => x.IsIsatapLinkLocal)) > 1)
            return new(nonGlobal[0], "it is the only ISATAP interface whose link-local address embeds a non-global IPv4, and the internal adapter should not have a public IPv4 (a heuristic: confirm with expected.routerIpv4 or the collector)", false);
        return new(null, null, false);
    }
}
