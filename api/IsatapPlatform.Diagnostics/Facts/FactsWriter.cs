using System.Globalization;
using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Evidence;
using IsatapPlatform.Diagnostics.Rules;

namespace IsatapPlatform.Diagnostics.Facts;

/// <summary>Turns the merged model into the response's <see cref="HostFacts"/>, decoding every embedded IPv4 with
/// the addressing library's <see cref="AddressInspector"/>.</summary>
internal static class FactsWriter
{
    public static HostFacts Write(RuleContext ctx)
    {
        var m = ctx.Model;
        var c = m.Collector;
        OsFacts? os = null;
        if (c?.Os is { } o)
            os = new OsFacts(E(o.Caption), E(o.Version), ctx.Build, ctx.IsServer,
                ctx.Build is { } b ? b >= 15063 : null,
                ctx.Build is { } b2 && ctx.IsServer is { } s ? (!s && b2 is >= 10240 and < 15063) || (s && b2 == 14393) : null);
        IsatapFacts? isatap = null;
        if (c is not null)
        {
            var rr = c.RouterResolution;
            string? dc = ctx.DisabledComponents is { } v ? "0x" + v.ToString("X8", CultureInfo.InvariantCulture) : null;
            string? iph = c.IpHelper is { } h && (h.Status ?? h.StartType) is not null ? E($"{h.Status ?? "?"} ({h.StartType ?? "?"})") : null;
            isatap = new IsatapFacts(E(ctx.ConfigState), E(ctx.ConfigRouter), E(ctx.PolicyState), E(ctx.PolicyRouter),
                E(rr?.Name ?? ctx.EffectiveRouter), (rr?.Addresses ?? []).Take(64).Select(a => TextLines.Echo(a)).ToArray(), dc, iph);
        }
        var interfaces = m.Interfaces
            .OrderBy(i => i.Kind == InterfaceKind.Other ? 1 : 0).ThenBy(i => i.Index ?? int.MaxValue)
            .Select(Interface).ToArray();
        string? computer = m.ComputerNames.Count > 0 ? TextLines.Echo(m.ComputerNames[0].Name) : null;
        return new HostFacts(ctx.Spec.HostName, ctx.Role, computer, os, isatap, interfaces, m.EvidenceRead.ToArray());
    }

    /// <summary>Evidence text in the response goes through the same echo as finding evidence.</summary>
    private static string? E(string? s) => s is null ? null : TextLines.Echo(s);

    private static InterfaceFacts Interface(ParsedInterface i)
        => new(i.Index, i.Name is null ? null : TextLines.Echo(i.Name), i.Description is null ? null : TextLines.Echo(i.Description), i.Kind, i.State,
            i.Forwarding, i.Advertising, i.Mtu,
            i.Addresses.Select(Address).ToArray(), i.Gateways.Select(Address).ToArray(),
            i.Routes.Select(r => new RouteFacts(r.Prefix?.ToString() ?? TextLines.Echo(r.PrefixText), r.NextHop?.ToMixedString() ?? (r.NextHopText is null ? null : TextLines.Echo(r.NextHopText)), r.Publish is null ? null : TextLines.Echo(r.Publish))).ToArray(),
            i.Sources.ToArray());

    public static AddressFacts Address(ParsedAddress a)
    {
        AddressInspection inspection = a.V6 is { } v6 ? AddressInspector.Inspect(v6) : AddressInspector.Inspect(a.V4!.Value);
        var embedded = new List<EmbeddedIpv4Facts>(2);
        foreach (var e in inspection.EmbeddedIPv4) embedded.Add(new EmbeddedIpv4Facts(e.Role.GetName(), e.IPv4.ToString()));
        string canonical = a.V6?.ToString() ?? a.V4!.Value.ToString();
        string display = a.V6 is { } v && embedded.Count > 0 && (inspection.Isatap is not null || inspection.MappedIPv4 is not null) ? v.ToMixedString() : canonical;
        string? zone = a.Zone is null ? null : TextLines.Echo(a.Zone);
        return new AddressFacts(canonical, display, zone, a.PrefixLength, a.State, AddressKindNames.GetNames(inspection.Kinds).ToArray(), embedded);
    }
}
