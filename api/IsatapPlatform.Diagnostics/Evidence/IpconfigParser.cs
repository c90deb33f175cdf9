using IsatapPlatform.Contracts.Diagnostics;

namespace IsatapPlatform.Diagnostics.Evidence;

/// <summary>Reads pasted <c>ipconfig /all</c> in English and the localized shapes of REFERENCE §6.1 without
/// keying on labels: blocks start at non-indented lines ending in <c>:</c> (or <c> :</c>); a value is the text
/// after the colon that follows the dot leader; the media-state, description and physical-address lines are
/// found by position; addresses by their value (and their <c>(Preferred)</c>-style suffix); ISATAP adapters by
/// header, description or an <c>fe80::[200:]5efe:</c> address. Lines cut by a console wrap are joined back.
/// Never throws.</summary>
internal static class IpconfigParser
{
    public const string Source = "ipconfigAll";

    private sealed class Entry(string label, string value, string line)
    {
        public readonly string Label = label;
        public readonly List<string> Values = [value];
        public readonly List<string> Lines = [line];
    }

    private sealed class Block(string? header, bool isTitle)
    {
        public readonly string? Header = header;
        public readonly bool IsTitle = isTitle;
        public readonly List<Entry> Entries = [];
    }

    // Labels are only a fallback where position is ambiguous; each list covers English and the REFERENCE §6.1 locales.
    private static readonly string[] GatewayWords = ["gateway", "passerelle", "网关", "ゲートウェイ", "puerta de enlace"];
    private static readonly string[] DnsServerWords = ["dns server", "dns-server", "serveurs dns", "dns 服务器", "dns サーバー", "servidores dns"];
    private static readonly string[] DescriptionWords = ["description", "beschreibung", "描述", "説明", "descripción"];
    // Media-state values (English, German, French, Chinese real; Japanese UNVERIFIED).
    private static readonly string[] DisconnectedWords = ["disconnected", "getrennt", "déconnecté", "deconnecte", "断开", "接続されていません", "切断"];
    private static readonly string[] HeaderPrefixes =
    [
        "Tunnel adapter ", "Ethernet adapter ", "Wireless LAN adapter ", "PPP adapter ", "Unknown adapter ",
        "Tunneladapter ", "Ethernet-Adapter ", "Drahtlos-LAN-Adapter ", "PPP-Adapter ", "Unbekannter Adapter ",
        "Carte Tunnel ", "Carte Ethernet ", "Carte réseau sans fil ", "Carte PPP ", "Carte inconnue ",
        "隧道适配器 ", "以太网适配器 ", "无线局域网适配器 ", "PPP 适配器 ",
        "トンネル アダプター ", "イーサネット アダプター ", "Wireless LAN adapter ",
    ];

    public static TextReport Parse(string text)
    {
        var report = new TextReport();
        var lines = Join(TextLines.Split(text));
        var blocks = new List<Block>();
        Block? current = null;
        Entry? last = null;
        foreach (var raw in lines)
        {
            if (raw.Length == 0 || raw.AsSpan().Trim().IsEmpty) continue;
            if (report.Sample.Count < 3) report.Sample.Add(TextLines.Echo(raw));
            int sep = Separator(raw);
            if (sep >= 0)
            {
                if (current is null) blocks.Add(current = new Block(null, false));
                last = new Entry(raw[..sep].Trim(), raw[(sep + 1)..].Trim(), TextLines.Echo(raw));
                current.Entries.Add(last);
                continue;
            }
            var trimmed = raw.Trim();
            bool indented = TextLines.IsIndented(raw);
            if (!indented && (trimmed.EndsWith(':') || trimmed.EndsWith('：')))
            {
                blocks.Add(current = new Block(trimmed, false));
                last = null;
                continue;
            }
            if (indented && last is not null)
            {
                // A further value of the previous entry (a second DNS server or gateway).
                last.Values.Add(trimmed);
                last.Lines.Add(TextLines.Echo(raw));
                continue;
            }
            if (!indented && trimmed.Contains("IP", StringComparison.Ordinal) && trimmed.Contains("Windows", StringComparison.OrdinalIgnoreCase))
            {
                blocks.Add(current = new Block(trimmed, true));
                last = null;
            }
        }

        foreach (var b in blocks)
        {
            if (b.Entries.Count == 0) continue;
            if (b.IsTitle)
            {
                report.Recognized = true;
                // Host Name is the first line of the "Windows IP Configuration" block, whatever the language.
                var host = b.Entries[0].Values[0];
                if (host.Length is > 0 and <= 255 && !host.Contains(' ')) { report.ComputerName = host; report.ComputerNameLine = b.Entries[0].Lines[0]; }
                continue;
            }
            var iface = Adapter(b, report);
            if (iface is not null) { report.Interfaces.Add(iface); report.Recognized = true; }
        }
        return report;
    }

    /// <summary>Joins lines a console wrap cut: a line with an unclosed '(' or '{' and the fragment after it, or an
    /// 80-column line and a following non-indented fragment that is neither an entry nor a header. Real wrapped
    /// lines are short, so a line is never grown past 1,000 characters (hostile input cannot make this quadratic).</summary>
    private static List<string> Join(List<string> lines)
    {
        var result = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            if (result.Count > 0 && line.Length > 0 && !TextLines.IsIndented(line) && Separator(line) < 0)
            {
                string prev = result[^1];
                bool fragment = !line.EndsWith(':') && !line.EndsWith('：');
                if (prev.Length is > 0 and < 1000 && (TextLines.HasUnclosedBracket(prev) || (fragment && prev.Length >= 79 && TextLines.IsIndented(prev))))
                {
                    result[^1] = prev + line.Trim();
                    continue;
                }
            }
            result.Add(line);
        }
        return result;
    }

    /// <summary>The index of the colon that ends an entry's label: preceded by a space or a dot, with a label that
    /// ends in a dot leader ("Description . . . :", "Beschreibung. . . :", "Adresse IPv6 . . .:"); or, on an
    /// indented line, a label that fills the whole column and has no leader ("Verbindungsspezifisches DNS-Suffix:").
    /// -1 otherwise (an address value's colons are preceded by a hex digit or a colon).</summary>
    private static int Separator(string line)
    {
        for (int i = 1; i < line.Length; i++)
        {
            char c = line[i];
            if (c is not (':' or '：')) continue;
            char p = line[i - 1];
            var label = line.AsSpan(0, i).TrimEnd();
            if (p is ' ' or '.')
            {
                if (label.Length < 2 || label[^1] != '.') return -1;
                return label.Trim(". ").IsEmpty ? -1 : i;
            }
            bool valueFollows = i + 1 == line.Length || line[i + 1] == ' ';
            return TextLines.IsIndented(line) && valueFollows && label.Trim().Length >= 2 && label.Trim().Contains(' ') ? i : -1;
        }
        return -1;
    }

    private static ParsedInterface? Adapter(Block b, TextReport report)
    {
        var e = b.Entries;
        var iface = new ParsedInterface();
        iface.AddSource(Source);
        if (b.Header is not null) { iface.Name = NameFromHeader(b.Header); iface.AddLine(TextLines.Echo(b.Header)); }

        int mac = e.FindIndex(x => TextLines.IsMacAddress(x.Values[0]));
        int desc = mac >= 1 ? mac - 1 : e.FindIndex(x => TextLines.ContainsAny(x.Label, DescriptionWords));
        if (desc >= 0 && e[desc].Values[0].Length > 0)
        {
            iface.Description = string.Join("", e[desc].Values);
            iface.AddLine(e[desc].Lines[0]);
        }
        // By position: the media-state line is the only line printed before the DNS-suffix and description lines.
        int media = mac >= 3 ? 0 : -1;
        if (media < 0 && e.Count > 0 && desc != 0 && TextLines.ContainsAny(e[0].Values[0], DisconnectedWords)) media = 0;
        if (media == 0)
        {
            iface.State = LinkState.Disconnected;
            iface.StateLine = e[0].Lines[0];
            iface.AddLine(iface.StateLine);
        }

        // Addresses: values with a state suffix; without any (Windows XP/2003), address values before the gateway.
        var values = new List<(ParsedAddress Address, bool Suffixed)>?[e.Count];
        bool anySuffixed = false;
        int lastAddressEntry = -1;
        for (int i = 0; i < e.Count; i++)
        {
            if (i == mac || i == desc || i == media) continue;
            for (int v = 0; v < e[i].Values.Count; v++)
            {
                var text = e[i].Values[v];
                if (text.Length == 0) continue;
                if (TextLines.TryParseAddress(text, e[i].Lines[Math.Min(v, e[i].Lines.Count - 1)], out var a))
                {
                    bool suffixed = text.TrimEnd().EndsWith(')') || text.TrimEnd().EndsWith('）') || text.Contains('(');
                    (values[i] ??= []).Add((a, suffixed));
                    if (suffixed) { anySuffixed = true; lastAddressEntry = i; }
                }
                else if (LooksLikeAddress(text)) report.UnreadableValues++;
            }
        }

        int gateway = e.FindIndex(x => TextLines.ContainsAny(x.Label, GatewayWords));
        if (gateway < 0 && anySuffixed)
        {
            // By position: ipconfig prints Default Gateway right after the addresses (after the subnet mask and leases on LAN adapters).
            for (int j = lastAddressEntry + 1; j < e.Count; j++)
            {
                if (TextLines.ContainsAny(e[j].Label, DnsServerWords)) break;
                bool empty = e[j].Values.TrueForAll(v => v.Length == 0);
                bool addresses = values[j] is { Count: > 0 } list && list.Count == e[j].Values.Count(v => v.Length > 0) && !list.Exists(x => IsMask(x.Address));
                if (empty || addresses) { gateway = j; break; }
            }
        }
        iface.GatewaysKnown = gateway >= 0;
        if (gateway >= 0) iface.GatewayLine = e[gateway].Lines[0];

        for (int i = 0; i < e.Count; i++)
        {
            if (values[i] is not { } list) continue;
            if (i == gateway)
            {
                foreach (var (a, _) in list) iface.AddGateway(a);
                continue;
            }
            if (TextLines.ContainsAny(e[i].Label, DnsServerWords)) continue;
            foreach (var (a, suffixed) in list)
            {
                if (anySuffixed ? suffixed : (gateway < 0 || i < gateway) && !IsMask(a)) iface.AddAddress(a);
            }
        }

        // The zone after '%' is the interface index (REFERENCE §6.1, DAVIES).
        var zones = iface.Addresses.Concat(iface.Gateways).Select(a => a.ZoneIndex).OfType<int>().ToList();
        if (zones.Count > 0) iface.Index = zones.GroupBy(z => z).OrderByDescending(g => g.Count()).First().Key;

        // Connected unless the media-state line says otherwise: a disconnected adapter has no address.
        if (iface.State == LinkState.Unknown && iface.Addresses.Count > 0) iface.State = LinkState.Connected;
        if (b.Header is null && mac < 0 && iface.Addresses.Count == 0) return null;
        return iface;
    }

    /// <summary>A value that should have parsed as an IPv6 address: hex digits, colons and dots before any zone or
    /// state suffix, at least two colons ("10:00:00 AM" in a lease line is not one).</summary>
    private static bool LooksLikeAddress(string text)
    {
        var core = text.AsSpan().Trim();
        int cut = core.IndexOfAny('%', '(');
        if (cut >= 0) core = core[..cut];
        if (core.Length is < 3 or > 60) return false;
        int colons = 0;
        foreach (char c in core)
        {
            if (c == ':') colons++;
            else if (!char.IsAsciiHexDigit(c) && c != '.') return false;
        }
        return colons >= 2;
    }

    /// <summary>A subnet mask (255.x with contiguous ones), which XP-era blocks print as an IPv4 "address".</summary>
    private static bool IsMask(ParsedAddress a)
    {
        if (a.V4 is not { } v) return false;
        uint x = v.Value;
        return (x >> 24) == 255 && (~x & (~x + 1)) == 0;
    }

    /// <summary>The adapter name from its header: the localized "Tunnel adapter " prefix and the trailing colon
    /// removed; for unknown prefixes, from "isatap." on.</summary>
    internal static string NameFromHeader(string header)
    {
        var h = header.AsSpan().Trim();
        if (h.EndsWith(":") || h.EndsWith("：")) h = h[..^1].TrimEnd();
        foreach (var p in HeaderPrefixes)
            if (h.StartsWith(p, StringComparison.OrdinalIgnoreCase)) return h[p.Length..].Trim().ToString();
        int isatap = h.IndexOf("isatap.", StringComparison.OrdinalIgnoreCase);
        if (isatap > 0 && h[isatap - 1] == ' ') return h[isatap..].ToString();
        int adapter = h.IndexOf("adapter ", StringComparison.OrdinalIgnoreCase);
        if (adapter >= 0) return h[(adapter + 8)..].Trim().ToString();
        return h.ToString();
    }
}
