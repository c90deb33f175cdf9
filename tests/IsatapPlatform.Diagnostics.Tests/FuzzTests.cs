using System.Text;
using System.Text.Json;
using IsatapPlatform.Diagnostics.Catalog;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Tests.Support;

namespace IsatapPlatform.Diagnostics.Tests;

/// <summary>10,000+ mutated evidence documents (fixed seed): the engine never throws. Text evidence is mutated line
/// by line and character by character; collector documents are mutated as JSON text and go through the same
/// deserialization as the API, where only a JsonException (a 400) is allowed. Every distinct remediation script
/// that comes out still parses and uses only allow-listed commands.</summary>
public class FuzzTests
{
    private const int Seed = 20261126;
    private const int Documents = 10_000;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly string[] Tricky =
    [
        ":", " : ", ". . . :", ".:", "%", "%12", "(", ")", "(Preferred)", "(Deprecated)", "（", "）", "{", "}", "：", "\t", "\r", "\r\n", "\n",
        "\u0085", "\u2028", "\0", "fe80::5efe:", "fe80::200:5efe:10.0.0.1%13", "::", "5efe", "isatap", "ISATAP", "Tunnel adapter isatap.x:",
        "Media disconnected", "00-00-00-00-00-00-00-E0", "255.255.255.255", "4294967295", "-1", "99999999999", "Interface 12: ", "IPAddress : ",
        "   ", "…", "媒体已断开", "(首选)", "'", "\"", "$(x)", "`", "é", "\uD800", "\uDC00", "\uFFFF", "\U0001F600", "\U0001D518\U0001D518", "\u00A0",
    ];

    [Fact]
    public void Ten_thousand_mutated_evidence_documents_never_make_the_engine_throw()
    {
        var random = new Random(Seed);
        var seeds = Scenarios.All.Select(s => s.Request).ToArray();
        var texts = seeds.SelectMany(r => new[] { r.Evidence!.IpconfigAll, r.Evidence.NetshInterfaces, r.Evidence.NetshAddresses, r.Evidence.GetNetIpAddress })
            .OfType<string>().Distinct().ToArray();
        var collectors = seeds.Select(r => r.Evidence!.Collector).OfType<CollectorEvidence>().Select(c => JsonSerializer.Serialize(c, Web)).Distinct().ToArray();
        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        int diagnosed = 0, rejectedJson = 0;

        for (int i = 0; i < Documents; i++)
        {
            var seed = seeds[random.Next(seeds.Length)];
            DiagnosisRequest request;
            if (random.Next(3) == 0)
            {
                string json = MutateJson(random, collectors[random.Next(collectors.Length)]);
                // Every fourth document sends the collector as a JSON string, as ITSM tools store it.
                if (random.Next(4) == 0) json = JsonSerializer.Serialize(json);
                string body = "{\"host\":{\"name\":\"HELPDESK01\",\"role\":\"" + Role(random) + "\"},\"evidence\":{\"collector\":" + json + "}}";
                // The API deserializes UTF-8 bytes: only a JsonException (a 400) may come out of it.
                try { request = JsonSerializer.Deserialize<DiagnosisRequest>(Encoding.UTF8.GetBytes(body), Web)!; }
                catch (JsonException) { rejectedJson++; continue; }
            }
            else
            {
                var evidence = seed.Evidence! with
                {
                    IpconfigAll = Maybe(random, seed.Evidence.IpconfigAll, texts),
                    NetshInterfaces = Maybe(random, seed.Evidence.NetshInterfaces, texts),
                    NetshAddresses = Maybe(random, seed.Evidence.NetshAddresses, texts),
                    GetNetIpAddress = Maybe(random, seed.Evidence.GetNetIpAddress, texts),
                };
                request = seed with { Evidence = evidence, Host = seed.Host! with { Role = random.Next(4) == 0 ? (HostRole)random.Next(4) : seed.Host.Role } };
            }

            DiagnosisResult result;
            try { result = HostDiagnostics.Diagnose(request); }
            catch (Exception e) { throw new Xunit.Sdk.XunitException($"document {i} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}"); }
            if (!result.IsValid) continue;
            diagnosed++;
            var d = result.Diagnosis!;
            Assert.Equal(!d.Findings.Any(f => f.Severity == Severity.Error), d.Healthy);
            Assert.All(d.Findings, f => Assert.NotNull(FindingCatalog.Find(f.Code)));
            Assert.Equal(d.Findings.Count, d.Findings.Select(f => f.Code).Distinct().Count());
            // The API writes the diagnosis as UTF-8 JSON: that must never fail either (a lone surrogate would).
            JsonSerializer.SerializeToUtf8Bytes(d, Web);
            if (scripts.Count < 400)
                foreach (var (context, script) in PowerShellSyntax.Scripts(d))
                    scripts.TryAdd(script, $"document {i} {context}");
        }

        Assert.True(diagnosed + rejectedJson > 0);
        Assert.True(diagnosed >= Documents / 2, $"only {diagnosed} of {Documents} documents were diagnosed ({rejectedJson} were malformed JSON)");
        foreach (var (script, context) in scripts) PowerShellSyntax.AssertSafe(script, context);
    }

    [Fact]
    public void Each_parser_reads_random_text_without_throwing()
    {
        var random = new Random(Seed + 1);
        Func<string, Diagnostics.Evidence.TextReport>[] parsers =
        [
            Diagnostics.Evidence.IpconfigParser.Parse, Diagnostics.Evidence.NetshInterfacesParser.Parse,
            Diagnostics.Evidence.NetshAddressesParser.Parse, Diagnostics.Evidence.GetNetIPAddressParser.Parse,
        ];
        for (int i = 0; i < 2_000; i++)
        {
            var sb = new StringBuilder();
            int lines = random.Next(1, 40);
            for (int l = 0; l < lines; l++) sb.Append(random.Next(3) == 0 ? "   " : "").Append(RandomChars(random, random.Next(0, 120))).Append(random.Next(2) == 0 ? "\n" : "\r\n");
            string text = sb.ToString();
            foreach (var parse in parsers)
            {
                var report = parse(text);
                Assert.All(report.Interfaces.SelectMany(x => x.Addresses), a => Assert.True(a.V6 is not null || a.V4 is not null));
            }
        }
    }

    private static string Role(Random r) => r.Next(4) switch { 0 => "management-host", 1 => "directaccess-server", 2 => "isatap-router", _ => "directaccess-client" };

    private static string? Maybe(Random r, string? text, string[] pool)
    {
        int roll = r.Next(10);
        if (text is null) return roll == 0 ? MutateText(r, pool[r.Next(pool.Length)]) : null;
        return roll < 8 ? MutateText(r, text) : roll == 8 ? text : null;
    }

    private static string MutateText(Random r, string text)
    {
        var lines = text.Split('\n').ToList();
        int ops = 1 + r.Next(6);
        for (int k = 0; k < ops && lines.Count > 0; k++)
        {
            int at = r.Next(lines.Count);
            switch (r.Next(12))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(at, lines[at]); break;
                case 2: (lines[at], lines[r.Next(lines.Count)]) = (lines[r.Next(lines.Count)], lines[at]); break;
                case 3: lines[at] = lines[at][..r.Next(lines[at].Length + 1)]; break;
                case 4: lines[at] = lines[at].Insert(r.Next(lines[at].Length + 1), Tricky[r.Next(Tricky.Length)]); break;
                case 5: lines[at] = lines[at].TrimStart(); break;
                case 6: lines[at] = r.Next(2) == 0 ? lines[at].ToUpperInvariant() : lines[at].ToLowerInvariant(); break;
                case 7: lines[at] = new string(lines[at].Select(c => char.IsAsciiDigit(c) && r.Next(3) == 0 ? (char)('0' + r.Next(10)) : c).ToArray()); break;
                case 8: if (at + 1 < lines.Count) { lines[at] += lines[at + 1]; lines.RemoveAt(at + 1); } break;
                case 9: lines.Insert(at, new string(Tricky[r.Next(Tricky.Length)][0], r.Next(1, 3000))); break;
                case 10: lines[at] = RandomChars(r, r.Next(80)); break;
                default: lines.Insert(at, lines[r.Next(lines.Count)] + Tricky[r.Next(Tricky.Length)] + lines[r.Next(lines.Count)]); break;
            }
        }
        return string.Join(r.Next(3) == 0 ? "\r\n" : "\n", lines);
    }

    private static string RandomChars(Random r, int n)
    {
        var sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.Append(r.Next(4) == 0 ? Tricky[r.Next(Tricky.Length)] : ((char)r.Next(0x20, 0x3000)).ToString());
        return sb.ToString();
    }

    private static readonly string[] JsonValues = ["null", "0", "-1", "1e308", "\"\"", "\"x\"", "[]", "{}", "[1,\"a\",{}]", "{\"value\":[{}],\"Count\":1}", "true", "\"fe80::5efe:10.0.0.1%13\"", "4294967296", "\"0x5\"", "\"\\uD800\"", "\"\\u0000x\"", "\"a\\nb\""];

    private static string MutateJson(Random r, string json)
    {
        var sb = new StringBuilder(json);
        int ops = 1 + r.Next(4);
        for (int k = 0; k < ops && sb.Length > 0; k++)
        {
            int at = r.Next(sb.Length);
            switch (r.Next(6))
            {
                case 0: sb.Remove(at, Math.Min(sb.Length - at, 1 + r.Next(8))); break;
                case 1: sb.Insert(at, Tricky[r.Next(Tricky.Length)]); break;
                case 2:
                {
                    // Replace a value after a colon with a value of another JSON type.
                    int colon = sb.ToString().IndexOf("\":", at, StringComparison.Ordinal);
                    if (colon < 0) break;
                    int start = colon + 2, end = start;
                    string s = sb.ToString();
                    if (end < s.Length && s[end] == '"') { end = s.IndexOf('"', end + 1); if (end < 0) break; end++; }
                    else while (end < s.Length && s[end] is not (',' or '}' or ']' or '[' or '{')) end++;
                    sb.Remove(start, end - start).Insert(start, JsonValues[r.Next(JsonValues.Length)]);
                    break;
                }
                case 3: sb[at] = (char)r.Next(0x20, 0x7F); break;
                case 4: sb.Length = at; break;
                default: sb.Insert(at, "{\"value\":[" ); sb.Append("],\"Count\":1}"); break;
            }
        }
        return sb.ToString();
    }
}
