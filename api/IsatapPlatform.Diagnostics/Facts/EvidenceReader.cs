using System.Globalization;
using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Evidence;

namespace IsatapPlatform.Diagnostics.Facts;

/// <summary>Runs the parsers over every evidence field and merges what they read into the <see cref="HostModel"/>.
/// A text field its own parser cannot read is tried with the others (pasting into the wrong field is common);
/// what no parser reads is recorded for <c>evidence.unrecognized</c>.</summary>
internal static class EvidenceReader
{
    private delegate TextReport Parser(string text);

    private static readonly (string Field, string Output, Parser Parse, bool Inventory)[] TextParsers =
    [
        (IpconfigParser.Source, "ipconfig /all", IpconfigParser.Parse, true),
        (NetshInterfacesParser.Source, "netsh interface ipv6 show interfaces", NetshInterfacesParser.Parse, true),
        (NetshAddressesParser.Source, "netsh interface ipv6 show addresses", NetshAddressesParser.Parse, false),
        (GetNetIPAddressParser.Source, "Get-NetIPAddress", GetNetIPAddressParser.Parse, false),
    ];

    public static void Read(HostModel model)
    {
        var e = model.Spec.Evidence;
        ReadText(model, "ipconfigAll", e.IpconfigAll, 0);
        ReadText(model, "netshInterfaces", e.NetshInterfaces, 1);
        ReadText(model, "netshAddresses", e.NetshAddresses, 2);
        ReadText(model, "getNetIpAddress", e.GetNetIpAddress, 3);
        if (e.Collector is { } c) ReadCollector(model, c);
    }

    private static void ReadText(HostModel model, string field, string? text, int own)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var report = TextParsers[own].Parse(text);
        int used = own;
        if (!report.Recognized)
        {
            for (int i = 0; i < TextParsers.Length && !report.Recognized; i++)
            {
                if (i == own) continue;
                var other = TextParsers[i].Parse(text);
                if (other.Recognized) { report = other; used = i; }
            }
        }
        if (!report.Recognized)
        {
            model.Unrecognized.Add(("evidence." + field, $"not readable as {TextParsers[own].Output} output (nor as any other supported output)", report.Sample));
            return;
        }
        if (used != own) model.Notes.Add($"evidence.{field} was read as {TextParsers[used].Output} output.");
        if (report.UnreadableValues > 0)
            model.Unrecognized.Add(("evidence." + field, $"{report.UnreadableValues} address value(s) could not be parsed", []));
        Add(model, "evidence." + field, report, TextParsers[used].Inventory);
    }

    private static void Add(HostModel model, string field, TextReport report, bool inventory)
    {
        if (!model.EvidenceRead.Contains(field["evidence.".Length..])) model.EvidenceRead.Add(field["evidence.".Length..]);
        model.InventoryKnown |= inventory;
        if (report.ComputerName is not null) model.ComputerNames.Add((report.ComputerName, report.ComputerNameLine ?? report.ComputerName));
        foreach (var i in report.Interfaces) model.Merge(i);
    }

    private static void ReadCollector(HostModel model, CollectorEvidence c)
    {
        if (c.ReadError is { } error)
        {
            model.Unrecognized.Add(("evidence.collector", error, []));
            return;
        }
        model.Collector = c;
        bool anything = c.Os is not null || c.IsatapConfiguration is not null || c.IsatapPolicy is not null || c.Interfaces is not null
            || c.DisabledComponents is not null || c.IpHelper is not null || c.RouterResolution is not null || c.DnsClient is not null
            || c.RemoteAccess is not null || c.FirewallRules is not null || c.NetshInterfaces is not null || c.NetshAddresses is not null;
        if (!anything)
        {
            model.Unrecognized.Add(("evidence.collector", "the document has none of the collector's items", []));
            model.Collector = null;
            return;
        }
        if (c.SchemaVersion is not 1)
            model.Unrecognized.Add(("evidence.collector", $"schemaVersion is {(c.SchemaVersion?.ToString(CultureInfo.InvariantCulture) ?? "missing")}; this engine reads version 1 and read what it recognised", []));
        model.EvidenceRead.Add("collector");
        if (!string.IsNullOrWhiteSpace(c.ComputerName)) model.ComputerNames.Add((c.ComputerName, "collector.computerName = " + TextLines.Echo(c.ComputerName)));

        if (c.Interfaces is { } list)
        {
            model.InventoryKnown = true;
            int unreadable = 0;
            for (int i = 0; i < list.Count; i++) model.Merge(Interface(list[i], i, ref unreadable));
            if (unreadable > 0) model.Unrecognized.Add(("evidence.collector.interfaces", $"{unreadable} address or route value(s) could not be parsed", []));
        }
        // Windows 7 / 2008 R2 have no NetTCPIP cmdlets: the collector sends netsh's text instead.
        if (!string.IsNullOrWhiteSpace(c.NetshInterfaces))
        {
            var r = NetshInterfacesParser.Parse(c.NetshInterfaces);
            if (r.Recognized) Add(model, "evidence.collector", r, inventory: true);
            else model.Unrecognized.Add(("evidence.collector.netshInterfaces", "not readable as netsh interface ipv6 show interfaces output", r.Sample));
        }
        if (!string.IsNullOrWhiteSpace(c.NetshAddresses))
        {
            var r = NetshAddressesParser.Parse(c.NetshAddresses);
            if (r.Recognized) Add(model, "evidence.collector", r, inventory: false);
            else model.Unrecognized.Add(("evidence.collector.netshAddresses", "not readable as netsh interface ipv6 show addresses output", r.Sample));
        }
    }

    private static bool? Toggle(string? s)
        => string.Equals(s, "Enabled", StringComparison.OrdinalIgnoreCase) ? true
         : string.Equals(s, "Disabled", StringComparison.OrdinalIgnoreCase) ? false : null;

    private static ParsedInterface Interface(CollectorInterface ci, int i, ref int unreadable)
    {
        string path = $"collector.interfaces[{i}]";
        var x = new ParsedInterface
        {
            Index = ci.InterfaceIndex is > 0 ? ci.InterfaceIndex : null,
            Name = string.IsNullOrWhiteSpace(ci.InterfaceAlias) ? null : ci.InterfaceAlias,
            Description = string.IsNullOrWhiteSpace(ci.InterfaceDescription) ? null : ci.InterfaceDescription,
            Guid = ci.InterfaceGuid,
            CollectorKind = ci.Kind,
            Forwarding = Toggle(ci.Forwarding),
            Advertising = Toggle(ci.Advertising),
            Mtu = ci.NlMtu is > 0 and <= int.MaxValue ? (int)ci.NlMtu.Value : null,
            GatewaysKnown = ci.Routes is not null,
            RoutesKnown = ci.Routes is not null,
        };
        x.AddSource("collector");
        string index = ci.InterfaceIndex?.ToString(CultureInfo.InvariantCulture) ?? "?";
        x.AddLine(TextLines.Echo($"{path} = {ci.InterfaceAlias} (index {index}, {ci.ConnectionState})"));
        x.State = NetshInterfacesParser.StateOf(ci.ConnectionState);
        if (x.State != LinkState.Unknown) x.StateLine = TextLines.Echo($"{path}.connectionState = {ci.ConnectionState} ({ci.InterfaceAlias}, index {index})");
        if (x.Forwarding is not null) x.ForwardingLine = TextLines.Echo($"{path}.forwarding = {ci.Forwarding} ({ci.InterfaceAlias}, index {index})");
        if (x.Advertising is not null) x.AdvertisingLine = TextLines.Echo($"{path}.advertising = {ci.Advertising} ({ci.InterfaceAlias}, index {index})");

        if (ci.Addresses is { } addresses)
            for (int j = 0; j < addresses.Count; j++)
            {
                var a = addresses[j];
                if (string.IsNullOrWhiteSpace(a.IpAddress)) continue;
                string line = TextLines.Echo($"{path}.addresses[{j}] = {a.IpAddress} ({a.AddressState})");
                if (!TextLines.TryParseAddress(a.IpAddress, line, out var parsed)) { unreadable++; continue; }
                parsed = parsed with { State = TextLines.StateOf(a.AddressState), PrefixLength = a.PrefixLength is >= 0 and <= 128 ? a.PrefixLength : null };
                x.AddAddress(parsed);
            }

        if (ci.Routes is { } routes)
            for (int j = 0; j < routes.Count; j++)
            {
                var r = routes[j];
                if (string.IsNullOrWhiteSpace(r.DestinationPrefix)) continue;
                string line = TextLines.Echo($"{path}.routes[{j}] = {r.DestinationPrefix} via {r.NextHop} publish {r.Publish}");
                IPv6Prefix? prefix = IPv6Prefix.TryParse(r.DestinationPrefix.AsSpan().Trim(), PrefixParseMode.Normalize, out var p, out _) ? p : null;
                if (prefix is null) unreadable++;
                ParsedAddress? hop = null;
                if (!string.IsNullOrWhiteSpace(r.NextHop) && TextLines.TryParseAddress(r.NextHop, line, out var h) && h.V6 is not null) hop = h;
                x.Routes.Add(new ParsedRoute(prefix, r.DestinationPrefix, hop?.V6, r.NextHop, r.Publish, line));
                if (prefix is { Length: 0 } && hop is { V6: { IsUnspecified: false } }) x.AddGateway(hop);
            }
        return x;
    }
}
