using IsatapPlatform.Contracts.Diagnostics;

namespace IsatapPlatform.Diagnostics.Evidence;

/// <summary>Reads <c>netsh interface ipv6 show interfaces</c> (REFERENCE §6.2): rows of index, metric, MTU, state
/// and name, read by position (the header may be localized; the name may contain spaces and non-ASCII text).
/// Never throws.</summary>
internal static class NetshInterfacesParser
{
    public const string Source = "netshInterfaces";

    public static TextReport Parse(string text)
    {
        var report = new TextReport();
        Span<Range> t = stackalloc Range[5];
        foreach (var line in TextLines.Split(text))
        {
            if (line.Length == 0) continue;
            if (report.Sample.Count < 3 && !line.AsSpan().Trim().IsEmpty) report.Sample.Add(TextLines.Echo(line));
            var s = line.AsSpan();
            if (TextLines.Tokens(s, t, 5) != 5) continue;
            if (!TextLines.TryIndex(s[t[0]], out int index) || !IsNumber(s[t[1]]) || !IsNumber(s[t[2]])) continue;
            var iface = new ParsedInterface { Index = index, Name = s[t[4]].ToString() };
            if (long.TryParse(s[t[2]], out long mtu) && mtu is > 0 and <= int.MaxValue) iface.Mtu = (int)mtu;
            iface.State = StateOf(s[t[3]]);
            string echo = TextLines.Echo(line);
            if (iface.State != LinkState.Unknown) iface.StateLine = echo;
            iface.AddLine(echo);
            iface.AddSource(Source);
            report.Interfaces.Add(iface);
            report.Recognized = true;
        }
        return report;
    }

    private static bool IsNumber(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 10) return false;
        foreach (char c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    /// <summary>English state words (real output, even under a Chinese header); the German and French ones are UNVERIFIED.</summary>
    internal static LinkState StateOf(ReadOnlySpan<char> word)
    {
        if (word.Equals("connected", StringComparison.OrdinalIgnoreCase) || word.Equals("verbunden", StringComparison.OrdinalIgnoreCase)
            || word.Equals("connecté", StringComparison.OrdinalIgnoreCase) || word.Equals("已连接", StringComparison.Ordinal))
            return LinkState.Connected;
        if (word.Equals("disconnected", StringComparison.OrdinalIgnoreCase) || word.Equals("getrennt", StringComparison.OrdinalIgnoreCase)
            || word.Equals("déconnecté", StringComparison.OrdinalIgnoreCase) || word.Equals("已断开连接", StringComparison.Ordinal))
            return LinkState.Disconnected;
        return LinkState.Unknown;
    }
}

/// <summary>Reads <c>netsh interface ipv6 show addresses</c> (REFERENCE §6.3): an <c>Interface N: name</c> line (the
/// word may be localized) before each table; in each row the address is the last column and the DAD state the
/// second. Never throws.</summary>
internal static class NetshAddressesParser
{
    public const string Source = "netshAddresses";

    public static TextReport Parse(string text)
    {
        var report = new TextReport();
        ParsedInterface? current = null;
        Span<Range> t = stackalloc Range[8];
        foreach (var line in TextLines.Split(text))
        {
            if (line.Length == 0) continue;
            if (report.Sample.Count < 3 && !line.AsSpan().Trim().IsEmpty) report.Sample.Add(TextLines.Echo(line));
            var s = line.AsSpan();
            if (!TextLines.IsIndented(line) && TryInterfaceLine(s, out int index, out var name))
            {
                current = new ParsedInterface { Index = index, Name = name };
                current.AddLine(TextLines.Echo(line));
                current.AddSource(Source);
                report.Interfaces.Add(current);
                report.Recognized = true;
                continue;
            }
            if (current is null) continue;
            int n = TextLines.Tokens(s, t, 8);
            if (n < 2) continue;
            var last = s[t[n - 1]];
            if (!last.Contains(':') && !last.Contains('.')) continue;
            if (!TextLines.TryParseAddress(last, TextLines.Echo(line), out var a))
            {
                if (last.Count(':') >= 2) report.UnreadableValues++;
                continue;
            }
            if (n >= 5) a = a with { State = TextLines.StateOf(s[t[1]]) };
            current.AddAddress(a);
            if (current.Index is null && a.ZoneIndex is { } z) current.Index = z;
        }
        return report;
    }

    /// <summary><c>Interface 12: isatap.corp.contoso.com</c>: a word, a number, a colon, the name.</summary>
    private static bool TryInterfaceLine(ReadOnlySpan<char> s, out int index, out string name)
    {
        index = 0;
        name = "";
        int colon = s.IndexOf(':');
        if (colon <= 0 || colon + 1 >= s.Length || s[colon + 1] != ' ') return false;
        var left = s[..colon].TrimEnd();
        int space = left.LastIndexOf(' ');
        if (space <= 0 || !TextLines.TryIndex(left[(space + 1)..], out index)) return false;
        name = s[(colon + 1)..].Trim().ToString();
        return name.Length > 0;
    }
}

/// <summary>Reads <c>Get-NetIPAddress</c> list output (REFERENCE §6.4): records of <c>Name : Value</c> lines
/// separated by blank lines; property names are not localized. Long values wrapped by the console are joined
/// back. Never throws.</summary>
internal static class GetNetIPAddressParser
{
    public const string Source = "getNetIpAddress";

    private sealed class Record
    {
        public readonly Dictionary<string, (string Value, string Line)> Values = new(StringComparer.OrdinalIgnoreCase);
        public string? LastKey;
    }

    public static TextReport Parse(string text)
    {
        var report = new TextReport();
        var records = new List<Record>();
        Record? current = null;
        foreach (var line in TextLines.Split(text))
        {
            if (line.AsSpan().Trim().IsEmpty) { current = null; continue; }
            if (report.Sample.Count < 3) report.Sample.Add(TextLines.Echo(line));
            var s = line.AsSpan();
            int sep = s.IndexOf(" : ");
            if (sep < 0 && s.TrimEnd().EndsWith(" :")) sep = s.TrimEnd().Length - 2;
            var key = sep > 0 ? s[..sep].Trim() : default;
            if (sep > 0 && IsPropertyName(key))
            {
                string k = key.ToString();
                if (current is null || current.Values.ContainsKey(k)) records.Add(current = new Record());
                if (current.Values.Count < 64) current.Values[k] = (s[(sep + 3 > s.Length ? s.Length : sep + 3)..].Trim().ToString(), TextLines.Echo(line));
                current.LastKey = k;
            }
            else if (current?.LastKey is { } lastKey && TextLines.IsIndented(line) && current.Values.TryGetValue(lastKey, out var prev) && prev.Value.Length < 1000)
            {
                // A wrapped value: joined directly inside brackets ("{90AB" + "CE23}"), with a space otherwise.
                string joined = TextLines.HasUnclosedBracket(prev.Value) ? prev.Value + s.Trim().ToString() : prev.Value + " " + s.Trim().ToString();
                current.Values[lastKey] = (joined, prev.Line);
            }
        }

        var byKey = new Dictionary<string, ParsedInterface>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in records)
        {
            if (!r.Values.TryGetValue("IPAddress", out var ip)) continue;
            if (!TextLines.TryParseAddress(ip.Value, ip.Line, out var a)) { report.UnreadableValues++; continue; }
            report.Recognized = true;
            string line = ip.Line;
            if (r.Values.TryGetValue("AddressState", out var st))
            {
                a = a with { State = TextLines.StateOf(st.Value) };
                line += " | " + st.Line;
            }
            if (r.Values.TryGetValue("PrefixLength", out var pl) && int.TryParse(pl.Value, out int len) && len is >= 0 and <= 128) a = a with { PrefixLength = len };
            a = a with { Line = line };
            int? index = r.Values.TryGetValue("InterfaceIndex", out var ix) && TextLines.TryIndex(ix.Value, out int i) ? i : a.ZoneIndex;
            string? alias = r.Values.TryGetValue("InterfaceAlias", out var al) && al.Value.Length > 0 ? al.Value : null;
            string key = index?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? alias ?? "?";
            if (!byKey.TryGetValue(key, out var iface))
            {
                byKey[key] = iface = new ParsedInterface { Index = index, Name = alias };
                iface.AddSource(Source);
                if (alias is not null) iface.AddLine(al.Line);
                report.Interfaces.Add(iface);
            }
            iface.AddAddress(a);
        }
        return report;
    }

    private static bool IsPropertyName(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 64 || !char.IsAsciiLetter(s[0])) return false;
        foreach (char c in s) if (!char.IsAsciiLetterOrDigit(c)) return false;
        return true;
    }
}
