using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Evidence;
using IsatapPlatform.Diagnostics.Validation;

namespace IsatapPlatform.Diagnostics.Facts;

/// <summary>Everything the rules look at: the validated request plus the evidence, parsed and merged.</summary>
internal sealed class HostModel(DiagnosisSpec spec)
{
    public DiagnosisSpec Spec { get; } = spec;
    public HostRole Role => Spec.Role;
    public CollectorEvidence? Collector;
    public readonly List<ParsedInterface> Interfaces = [];
    /// <summary>True when a source that lists every interface was read (ipconfig, netsh show interfaces, collector).</summary>
    public bool InventoryKnown;
    public readonly List<string> EvidenceRead = [];
    public readonly List<(string Name, string Line)> ComputerNames = [];
    /// <summary>Fields that could not be read: the field, why, and lines to quote.</summary>
    public readonly List<(string Field, string Why, IReadOnlyList<string> Sample)> Unrecognized = [];
    /// <summary>Fields read as another output than their name says.</summary>
    public readonly List<string> Notes = [];

    public IEnumerable<ParsedInterface> Isatap => Interfaces.Where(i => i.Kind == InterfaceKind.Isatap);

    /// <summary>Adds an interface, merging it into one already known by index (or, without index, by name).</summary>
    public void Merge(ParsedInterface x)
    {
        var match = x.Index is { } idx
            ? Interfaces.Find(i => i.Index == idx) ?? Interfaces.Find(i => i.Index is null && SameName(i, x))
            : Interfaces.Find(i => SameName(i, x));
        if (match is null) { Interfaces.Add(x); return; }
        match.Index ??= x.Index;
        match.Name ??= x.Name;
        match.Description ??= x.Description;
        match.Guid ??= x.Guid;
        match.CollectorKind ??= x.CollectorKind;
        if (x.State != LinkState.Unknown && (match.State == LinkState.Unknown || x.Sources.Contains("collector")))
        {
            match.State = x.State;
            match.StateLine = x.StateLine;
        }
        match.Forwarding ??= x.Forwarding;
        match.Advertising ??= x.Advertising;
        match.ForwardingLine ??= x.ForwardingLine;
        match.AdvertisingLine ??= x.AdvertisingLine;
        match.Mtu ??= x.Mtu;
        match.GatewaysKnown |= x.GatewaysKnown;
        match.RoutesKnown |= x.RoutesKnown;
        match.GatewayLine ??= x.GatewayLine;
        foreach (var a in x.Addresses) match.AddAddress(a);
        foreach (var g in x.Gateways) match.AddGateway(g);
        match.Routes.AddRange(x.Routes);
        foreach (var s in x.Sources) match.AddSource(s);
        foreach (var l in x.Lines) match.AddLine(l);
    }

    private static bool SameName(ParsedInterface a, ParsedInterface b)
        => a.Name is not null && b.Name is not null && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
}
