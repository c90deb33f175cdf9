using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Diagnostics;

namespace IsatapPlatform.Diagnostics.Evidence;

/// <summary>An address as one evidence source showed it, with the line it came from.</summary>
internal sealed record ParsedAddress(IPv6Address? V6, IPv4Address? V4, string? Zone, int? PrefixLength, AddressState State, string Line)
{
    /// <summary>The zone as an interface index (Windows puts the ifIndex there, REFERENCE §6.1).</summary>
    public int? ZoneIndex => TextLines.TryIndex(Zone, out int i) ? i : null;

    /// <summary>An ISATAP link-local address: fe80::/64 with an ISATAP interface identifier (either u-bit form).</summary>
    public bool IsIsatapLinkLocal => V6 is { } a && a.IsLinkLocal && (a.High == 0xFE80_0000_0000_0000UL) && Isatap.TryDecode(a, out _);

    /// <summary>Not link-local, not loopback, not unspecified: an address a router (or an admin) gave the interface.</summary>
    public bool IsRoutable => V6 is { } a ? !a.IsLinkLocal && !a.IsLoopback && !a.IsUnspecified && !a.IsMulticast : V4 is { } b && !b.IsLinkLocal && !b.IsLoopback;

    /// <summary>Same address (zone and state ignored).</summary>
    public bool SameAddress(ParsedAddress other)
        => V6 is { } a ? other.V6 is { } b && a.High == b.High && a.Low == b.Low
         : V4 is { } c && other.V4 is { } d && c.Value == d.Value;
}

/// <summary>A route (collector only).</summary>
internal sealed record ParsedRoute(IPv6Prefix? Prefix, string PrefixText, IPv6Address? NextHop, string? NextHopText, string? Publish, string Line)
{
    public bool IsDefault => Prefix is { } p && p.Length == 0;
    public bool IsPublished => string.Equals(Publish, "Yes", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One interface as the evidence shows it; several sources are merged into one of these.</summary>
internal sealed class ParsedInterface
{
    public int? Index;
    public string? Name;
    public string? Description;
    public string? Guid;
    public string? CollectorKind;
    public LinkState State;
    public string? StateLine;
    public bool? Forwarding;
    public bool? Advertising;
    public int? Mtu;
    /// <summary>True when the source would have shown a default gateway if there was one.</summary>
    public bool GatewaysKnown;
    /// <summary>True when the source listed the interface's routes.</summary>
    public bool RoutesKnown;
    public readonly List<ParsedAddress> Addresses = [];
    public readonly List<ParsedAddress> Gateways = [];
    public readonly List<ParsedRoute> Routes = [];
    public readonly List<string> Sources = [];
    /// <summary>Lines that identify the interface (header, description, state), for finding evidence.</summary>
    public readonly List<string> Lines = [];
    public string? ForwardingLine;
    public string? AdvertisingLine;
    /// <summary>The Default Gateway line (ipconfig), quoted when the gateway is missing or wrong.</summary>
    public string? GatewayLine;

    public InterfaceKind Kind
    {
        get
        {
            if (Is("isatap") || Addresses.Exists(a => a.IsIsatapLinkLocal)) return InterfaceKind.Isatap;
            if (Is("teredo") || Addresses.Exists(a => a.V6 is { } v && Teredo.TryDecode(v, out _))) return InterfaceKind.Teredo;
            if (Is("iphttps") || Is("ip-https")) return InterfaceKind.IpHttps;
            return InterfaceKind.Other;
        }
    }

    private bool Is(string word)
        => (Name?.Contains(word, StringComparison.OrdinalIgnoreCase) ?? false)
        || (Description?.Contains(word, StringComparison.OrdinalIgnoreCase) ?? false)
        || string.Equals(CollectorKind, word, StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds an address unless the same value is already there; a known state beats an unknown one.</summary>
    public void AddAddress(ParsedAddress a) => AddTo(Addresses, a);

    public void AddGateway(ParsedAddress a) => AddTo(Gateways, a);

    private static void AddTo(List<ParsedAddress> list, ParsedAddress a)
    {
        int i = list.FindIndex(x => x.SameAddress(a));
        if (i < 0) list.Add(a);
        else if (list[i].State == AddressState.Unknown && a.State != AddressState.Unknown) list[i] = list[i] with { State = a.State, Line = a.Line };
        else if (list[i].PrefixLength is null && a.PrefixLength is not null) list[i] = list[i] with { PrefixLength = a.PrefixLength };
    }

    public void AddSource(string source)
    {
        if (!Sources.Contains(source)) Sources.Add(source);
    }

    public void AddLine(string? line)
    {
        if (line is not null && Lines.Count < 8 && !Lines.Contains(line)) Lines.Add(line);
    }
}

/// <summary>What one text parser read.</summary>
internal sealed class TextReport
{
    public bool Recognized;
    public readonly List<ParsedInterface> Interfaces = [];
    public string? ComputerName;
    public string? ComputerNameLine;
    /// <summary>A few lines to quote when the text was not recognized.</summary>
    public readonly List<string> Sample = [];
    /// <summary>Values that looked like addresses but did not parse.</summary>
    public int UnreadableValues;
}
