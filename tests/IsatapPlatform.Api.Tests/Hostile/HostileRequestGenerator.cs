using System.Text;
using System.Text.Json.Nodes;
using IsatapPlatform.Api.Tests.Diagnostics;
using IsatapPlatform.Diagnostics.Examples;

namespace IsatapPlatform.Api.Tests.Hostile;

/// <summary>Generates malformed and hostile requests for every endpoint from a seeded
/// <see cref="Random"/>, so a failure reproduces exactly: hostile field values (near-miss addresses,
/// huge, binary, control characters, lone surrogates, wrong JSON types), mutated valid bodies,
/// garbage and invalid UTF-8, deep nesting, wrong media types, oversized bodies, hostile query
/// strings (bad percent-encoding, repeated keys, 8 KB values), hostile path segments and methods. Nested bodies
/// (ISATAP plans, diagnoses) are templates whose slots get a valid value (any of the contract's alternatives), null,
/// or a hostile value: shell metacharacters aimed at the generated scripts, mutated evidence, wrong JSON types.</summary>
public sealed class HostileRequestGenerator(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>A JSON endpoint. <see cref="Fields"/> are the body's top-level members; a nested body also has a
    /// <see cref="Template"/> whose «path» markers are filled from <see cref="Slots"/> (the first choice of each is the
    /// valid body's).</summary>
    private sealed record JsonEndpoint(string Path, string[] Fields, string ValidBody)
    {
        public string? Template { get; init; }
        public IReadOnlyList<Slot> Slots { get; init; } = [];
    }

    /// <summary>A slot of a nested body: its JSON path and valid JSON values to choose from.</summary>
    private sealed record Slot(string Path, params string[] Choices);

    private static JsonEndpoint Nested(string path, string template, params Slot[] slots)
    {
        string valid = slots.Aggregate(template, (text, slot) => text.Replace("«" + slot.Path + "»", slot.Choices[0], StringComparison.Ordinal));
        string[] fields = JsonNode.Parse(valid)!.AsObject().Select(p => p.Key).ToArray();
        return new JsonEndpoint(path, fields, valid) { Template = template, Slots = slots };
    }

    private static string J(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static readonly string s_ipconfig = DiagnosisExamples.DisconnectedManagementHost().Evidence!.IpconfigAll!;

    private static readonly string s_planTemplate = """
        {"mode":«mode»,"deployment":{"topology":«deployment.topology»,"servers":«deployment.servers»,"virtualIpv4":«deployment.virtualIpv4»,
        "isatapPrefix":«deployment.isatapPrefix»,"dnsZone":«deployment.dnsZone»,"dnsServer":«deployment.dnsServer»},
        "router":{"name":«router.name»,"allowGlobalName":«router.allowGlobalName»,"server":«router.server»},"method":«method»,
        "targets":[{"name":«targets[0].name»,"os":«targets[0].os»}],
        "groupPolicy":{"name":«groupPolicy.name»,"securityGroup":«groupPolicy.securityGroup»,"linkTo":«groupPolicy.linkTo»},
        "directAccessClient":«directAccessClient»}
        """;

    private static readonly Slot[] s_planSlots =
    [
        new("mode", "\"deploy\"", "\"decommission\""),
        new("deployment.topology", "\"single-server\"", "\"nlb\"", "\"external-load-balancer\"", "\"multisite\""),
        new("deployment.servers", """[{"name":"DA01","internalIpv4":"10.0.0.1"}]""", """[{"name":"DA01","internalIpv4":"10.0.0.1"},{"name":"DA02.corp.contoso.com","internalIpv4":"10.0.0.2"}]"""),
        new("deployment.virtualIpv4", "null", "\"10.0.0.10\""),
        new("deployment.isatapPrefix", "\"2002:836b:1:8000::/64\"", "\"fd7f:f787:2112:1::/64\""),
        new("deployment.dnsZone", "\"corp.contoso.com\""),
        new("deployment.dnsServer", "\"DC01\"", "\"10.0.0.53\"", "null"),
        new("router.name", "\"isatap-mo\"", "\"isatap\""),
        new("router.allowGlobalName", "false", "true"),
        new("router.server", "null", """{"name":"ISATAP01","internalIpv4":"10.0.0.20"}"""),
        new("method", "\"group-policy\"", "\"powershell\"", "\"netsh\"", "\"hosts-file\""),
        new("targets[0].name", "\"HELPDESK01\"", "\"MGMT01.corp.contoso.com\""),
        new("targets[0].os", "\"windows-10-1703-or-later\"", "\"windows-10-1607\"", "\"windows-11\"", "\"windows-server-2012-r2\"", "\"windows-server-2016\"", "\"windows-server-2019-or-later\""),
        new("groupPolicy.name", "\"DirectAccess Manage Out\""),
        new("groupPolicy.securityGroup", "\"CORP\\\\DA Manage Out\""),
        new("groupPolicy.linkTo", "\"OU=Helpdesk,DC=corp,DC=contoso,DC=com\""),
        new("directAccessClient", "\"LAPTOP01.corp.contoso.com\"", "null"),
    ];

    private static readonly string s_diagnosisTemplate = """
        {"host":{"name":«host.name»,"role":«host.role»},
        "expected":{"routerName":«expected.routerName»,"routerIpv4":«expected.routerIpv4»,"isatapPrefix":«expected.isatapPrefix»,"topology":«expected.topology»},
        "evidence":{"ipconfigAll":«evidence.ipconfigAll»,"netshInterfaces":«evidence.netshInterfaces»,"netshAddresses":«evidence.netshAddresses»,
        "getNetIpAddress":«evidence.getNetIpAddress»,"collector":«evidence.collector»}}
        """;

    private static readonly Slot[] s_diagnosisSlots =
    [
        new("host.name", "\"HELPDESK01\"", "\"DA01\"", "\"helpdesk01.corp.contoso.com\""),
        new("host.role", "\"management-host\"", "\"directaccess-server\"", "\"isatap-router\"", "\"directaccess-client\""),
        new("expected.routerName", "\"isatap-mo.corp.contoso.com\"", "null", "\"isatap\""),
        new("expected.routerIpv4", "\"10.0.0.1\"", "null"),
        new("expected.isatapPrefix", "\"fd7f:f787:2112:1::/64\"", "null"),
        new("expected.topology", "null", "\"single-server\"", "\"nlb\"", "\"external-load-balancer\"", "\"multisite\""),
        new("evidence.ipconfigAll", J(s_ipconfig), "null"),
        new("evidence.netshInterfaces", "null", J("Idx     Met         MTU          State                Name\r\n---  ----------  ----------  ------------  ---------------------------\r\n  1          75  4294967295  connected     Loopback Pseudo-Interface 1\r\n 12          50        1280  disconnected  isatap.corp.contoso.com\r\n")),
        new("evidence.netshAddresses", "null"),
        new("evidence.getNetIpAddress", "null", J("IPAddress         : fe80::5efe:10.0.0.5%12\r\nInterfaceIndex    : 12\r\nInterfaceAlias    : isatap.corp.contoso.com\r\nAddressFamily     : IPv6\r\nAddressState      : Deprecated\r\n")),
        new("evidence.collector", "null", Evidence.HealthyManagementHostCollector, J(Evidence.HealthyManagementHostCollector), Evidence.DirectAccessServerWithoutForwardingCollector),
    ];

    private static readonly JsonEndpoint[] s_jsonEndpoints =
    [
        new("/api/v1/nat64/derive", ["prefix", "ipv4", "policy", "normalize"], """{"prefix":"fd03:b402:e10c:7777::/96","ipv4":"172.16.1.225","policy":"strict","normalize":false}"""),
        new("/api/v1/nat64/derive/batch", ["prefix", "ipv4", "policy", "normalize"], """{"prefix":"2001:db8:122:344::/96","ipv4":["192.0.2.33","10.0.0.1","1.2.3.4"]}"""),
        new("/api/v1/nat64/extract", ["ipv6", "prefix"], """{"ipv6":"fd03:b402:e10c:7777::ac10:1e1","prefix":"fd03:b402:e10c:7777::/96"}"""),
        new("/api/v1/nat64/discover", ["addresses"], """{"addresses":["64:ff9b::c000:aa","64:ff9b::c000:ab"]}"""),
        new("/api/v1/addresses/inspect", ["address", "nat64Prefix"], """{"address":"2001:0:4136:e378:8000:63bf:3fff:fdd2"}"""),
        new("/api/v1/isatap/address", ["prefix", "ipv4"], """{"prefix":"2002:836b:1:8000::/64","ipv4":"192.168.99.10"}"""),
        new("/api/v1/6to4/prefix", ["ipv4"], """{"ipv4":"131.107.0.1"}"""),
        new("/api/v1/directaccess/prefixes", ["publicIpv4"], """{"publicIpv4":"131.107.0.1"}"""),
        Nested("/api/v1/isatap/plans", s_planTemplate, s_planSlots),
        Nested("/api/v1/isatap/plans/bundle", s_planTemplate, s_planSlots),
        Nested("/api/v1/diagnostics", s_diagnosisTemplate, s_diagnosisSlots),
    ];

    // Aimed at the generated PowerShell and cmd.exe scripts: every one must be refused or quoted harmlessly.
    private static readonly string[] s_nastyNames =
    [
        "DA01'; Remove-Item C:\\ -Recurse; '", "HELPDESK01`nRestart-Computer", "$(Invoke-Expression 'calc')", "a\"b", "a''b",
        "%COMPUTERNAME%", "x^&calc", "a|b", "a&b", "a;b", "a`b", "\u2018x\u2019", "\u201Aquoted\u201B", "isatap", "ISATAP", "con", "-",
        "1234", "corp..contoso.com", "corp.contoso.com.", "OU=x,DC=y\\,z", "CORP\\DA Manage Out\\x", "DC=com", "@{a=1}", "${env:PATH}",
        "HELPDESK01\r\nnetsh interface isatap set state disabled", new string('a', 64), new string('b', 300),
    ];

    private static readonly string[] s_validAddresses =
    [
        "172.16.1.225", "192.0.2.33", "10.1.2.3", "0.0.0.0", "255.255.255.255", "192.0.0.170",
        "fd03:b402:e10c:7777::ac10:1e1", "64:ff9b::c000:aa", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "fe80::5efe:10.0.0.5%12",
        "::ffff:1.2.3.4", "::", "::1", "2002:836b:1:8000:0:5efe:192.168.99.10", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    ];

    private static readonly string[] s_validPrefixes =
    [
        "fd03:b402:e10c:7777::/96", "64:ff9b::/96", "64:ff9b:1::/48", "2001:db8::/32", "2001:db8:100::/40", "2001:db8:122::/48",
        "2001:db8:122:300::/56", "2001:db8:122:344::/64", "2002:836b:1:8000::/64", "::/0", "::/128", "10.0.0.0/8",
    ];

    private static readonly string[] s_nastyStrings =
    [
        "", " ", "\t", "\0", "null", "true", "NaN", "-0", "1e400", "%s%s%n", "{{7*7}}", "${jndi:ldap://x}", "'; DROP TABLE x;--",
        "<script>alert(1)</script>", "../../../../etc/passwd", "\\\\server\\share", "C:\\Windows\\System32", "\u202Eevil", "\uFEFF1.2.3.4",
        "１.２.３.４", "1.2.3.4\n", " 1.2.3.4", "1.2.3.4 ", "01.2.3.4", "1.2.3", "1.2.3.4.5", "256.0.0.1", "0x7f.0.0.1", "1..2.3",
        ":::", "1:2:3:4:5:6:7:8:9", "fe80::1%", "fe80::1%%", "fe80::1%eth0/64", "::ffff:1.2.3.4.5", "2001:db8::/129", "2001:db8::/-1",
        "2001:db8::/0096", "2001:db8::/96/96", "/96", "2001:db8::1/96", "64:ff9b::/96%1", "strict", "permissive", "STRICT", "Permissive",
        "\ud800", "\udfff\ud800", "😀", "ÿ", "\u0001\u0002\u0003", new string('9', 400), new string(':', 300),
    ];

    private static readonly string?[] s_contentTypes =
    [
        "text/plain", "application/x-ndjson", "application/xml", "application/json; charset=utf-16", "application/json; charset=\"",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "a/b/c", ";;;", "application/problem+json", "*/*", "", null,
    ];

    private static readonly string[] s_methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "PROPFIND", "X-HOSTILE"];

    /// <summary>The next request. The mix aims most requests at real endpoints, where validation matters.</summary>
    public HostileRequest Next() => _random.Next(100) switch
    {
        < 47 => JsonBody(),
        < 55 => DeriveQuery(),
        < 66 => Stream(),
        < 75 => InspectPath(),
        < 80 => StaticGet(),
        < 91 => RandomPath(),
        _ => WrongMethod(),
    };

    private static readonly string[] s_staticGets = ["/api/v1/collectors/windows.ps1", "/api/v1/diagnostics/catalog"];

    private HostileRequest StaticGet()
    {
        string path = Pick(s_staticGets);
        string query = _random.Next(2) == 0 ? HostileQuery(["format", "version", "code", "lang"]) : "";
        byte[]? body = _random.Next(5) == 0 ? RandomBytes(_random.Next(0, 500)) : null;
        return new("GET " + path, Pick(["GET", "GET", "GET", "HEAD"]), path + query, body, body is null ? null : Pick(s_contentTypes));
    }

    private HostileRequest JsonBody()
    {
        var endpoint = Pick(s_jsonEndpoints);
        byte[]? body;
        switch (_random.Next(10))
        {
            case 0: body = RandomBytes(_random.Next(0, 2048)); break;
            case 1: body = Mutate(Encoding.UTF8.GetBytes(endpoint.ValidBody)); break;
            case 2: body = Encoding.UTF8.GetBytes(Nested(_random.Next(10, 3000))); break;
            case 3: body = Encoding.UTF8.GetBytes(Pick(["", "null", "[]", "{}", "\"x\"", "123", "true", "[{}]", "{\"a\":", "\uFEFF{}"])); break;
            case 4 when _random.Next(20) == 0: body = Oversized(endpoint); break; // rare: a body over the limit
            case 5: body = Encoding.UTF8.GetBytes(DuplicateAndUnknownKeys(endpoint)); break;
            default: body = Encoding.UTF8.GetBytes(HostileObject(endpoint)); break;
        }
        string? contentType = _random.Next(6) == 0 ? Pick(s_contentTypes) : "application/json";
        return new(endpoint.Path, "POST", endpoint.Path, body, contentType);
    }

    private HostileRequest DeriveQuery()
    {
        string[] keys = ["prefix", "ipv4", "policy", "normalize"];
        return new("GET /api/v1/nat64/derive", "GET", "/api/v1/nat64/derive" + HostileQuery(keys), null, null);
    }

    private HostileRequest Stream()
    {
        string url = "/api/v1/nat64/derive/stream" + (_random.Next(3) == 0 ? HostileQuery(["prefix", "policy"]) : "?prefix=" + Encode(Pick(s_validPrefixes)));
        var lines = new List<byte>();
        int count = _random.Next(0, 60);
        for (int i = 0; i < count; i++)
        {
            switch (_random.Next(8))
            {
                case 0: lines.AddRange(RandomBytes(_random.Next(0, 80))); break;
                case 1: lines.AddRange(Encoding.UTF8.GetBytes(new string((char)('0' + _random.Next(10)), _random.Next(200, 3000)))); break;
                case 2: lines.AddRange(Encoding.UTF8.GetBytes("\"" + Pick(s_nastyStrings).Replace("\"", "\\\"", StringComparison.Ordinal) + (_random.Next(2) == 0 ? "\"" : ""))); break;
                case 3: lines.AddRange(Encoding.UTF8.GetBytes(Pick(s_nastyStrings))); break;
                default: lines.AddRange(Encoding.UTF8.GetBytes(Pick(s_validAddresses))); break;
            }
            lines.AddRange(_random.Next(4) == 0 ? "\r\n"u8.ToArray() : "\n"u8.ToArray());
        }
        string? contentType = _random.Next(4) == 0 ? Pick(s_contentTypes) : Pick(["text/plain", "application/x-ndjson", "text/plain; charset=utf-8"]);
        return new("POST /api/v1/nat64/derive/stream", "POST", url, lines.ToArray(), contentType);
    }

    private HostileRequest InspectPath()
    {
        string segment = _random.Next(3) switch
        {
            0 => EncodePath(Pick(s_nastyStrings)),
            1 => EncodePath(Mutate(Pick(s_validAddresses))),
            _ => EncodePathBytes(RandomBytes(_random.Next(1, 300))),
        };
        string query = _random.Next(3) == 0 ? HostileQuery(["nat64Prefix"]) : "";
        return new("GET /api/v1/addresses/{address}", Pick(["GET", "GET", "GET", "HEAD"]), "/api/v1/addresses/" + segment + query, null, null);
    }

    private HostileRequest RandomPath()
    {
        var path = new StringBuilder(Pick(["", "/api", "/api/v1", "/api/v1/nat64", "/api/v2", "/swagger", "/health"]));
        int segments = _random.Next(0, 6);
        for (int i = 0; i < segments; i++)
        {
            path.Append('/');
            path.Append(_random.Next(5) switch
            {
                0 => "..",
                1 => "",
                2 => EncodePath(Pick(s_nastyStrings)),
                3 => EncodePathBytes(RandomBytes(_random.Next(1, 40))),
                _ => Pick(["derive", "batch", "stream", "extract", "discover", "inspect", "live", "ready", "v1", "%2e%2e", "%2F", "index.html",
                    "isatap", "plans", "bundle", "diagnostics", "catalog", "collectors", "windows.ps1"]),
            });
        }
        if (path.Length == 0) path.Append('/');
        // "//x" would be read as a host name by the client, not sent as a path.
        if (path.Length > 1 && path[1] == '/') path.Insert(1, "x");
        string method = Pick(s_methods);
        byte[]? body = _random.Next(3) == 0 ? RandomBytes(_random.Next(0, 500)) : null;
        return new("random path", method, path.ToString() + (_random.Next(4) == 0 ? HostileQuery(["prefix", "ipv4"]) : ""), body, body is null ? null : Pick(s_contentTypes));
    }

    private HostileRequest WrongMethod()
    {
        string path = Pick([.. s_jsonEndpoints.Select(e => e.Path), .. s_staticGets, "/api/v1/nat64/derive/stream", "/api/v1/addresses/1.2.3.4", "/health/live", "/health/ready"]);
        byte[]? body = _random.Next(2) == 0 ? Encoding.UTF8.GetBytes(HostileObject(Pick(s_jsonEndpoints))) : null;
        return new("wrong method", Pick(s_methods), path, body, body is null ? null : "application/json");
    }

    // ---- pieces ------------------------------------------------------------------------------

    private string HostileObject(JsonEndpoint endpoint)
    {
        if (endpoint.Template is { } template)
        {
            // Mostly the valid body with a few alternatives, and up to three slots null or hostile: enough requests
            // get past validation for hostile values to reach the script builders, not only the validators.
            var hostile = Enumerable.Range(0, _random.Next(0, 4)).Select(_ => _random.Next(endpoint.Slots.Count)).ToHashSet();
            string text = template;
            for (int i = 0; i < endpoint.Slots.Count; i++)
            {
                var slot = endpoint.Slots[i];
                string value = !hostile.Contains(i)
                    ? (_random.Next(4) == 0 ? Pick(slot.Choices) : slot.Choices[0])
                    : _random.Next(5) == 0 ? "null" : HostileSlotValue(slot);
                text = text.Replace("«" + slot.Path + "»", value, StringComparison.Ordinal);
            }
            return text;
        }
        var members = new List<string>();
        foreach (var field in endpoint.Fields)
        {
            if (_random.Next(5) == 0) continue; // missing
            members.Add($"\"{field}\":{HostileValue(field)}");
        }
        return "{" + string.Join(",", members) + "}";
    }

    private string HostileValue(string field)
    {
        bool isList = field is "addresses" || (field == "ipv4" && _random.Next(2) == 0);
        if (isList && _random.Next(3) > 0)
        {
            int count = _random.Next(0, _random.Next(10) == 0 ? 1200 : 20);
            var items = Enumerable.Range(0, count).Select(_ => _random.Next(3) == 0 ? HostileScalar() : Quote(Pick(s_validAddresses)));
            return "[" + string.Join(",", items) + "]";
        }
        return _random.Next(3) switch
        {
            0 => Quote(field.Contains("refix", StringComparison.Ordinal) ? Mutate(Pick(s_validPrefixes)) : Mutate(Pick(s_validAddresses))),
            1 => Quote(field.Contains("refix", StringComparison.Ordinal) ? Pick(s_validPrefixes) : Pick(s_validAddresses)),
            _ => HostileScalar(),
        };
    }

    private string HostileSlotValue(Slot slot)
    {
        if (slot.Path.StartsWith("evidence.", StringComparison.Ordinal))
        {
            return _random.Next(6) switch
            {
                0 => Quote(Mutate(s_ipconfig)),
                1 => Quote(Encoding.UTF8.GetString(RandomBytes(_random.Next(0, 4000)))),
                2 => Quote(string.Join("\r\n", Enumerable.Range(0, _random.Next(1, 50)).Select(_ => Pick(s_nastyNames) + " . . . : " + Pick(s_validAddresses)))),
                3 => Encoding.UTF8.GetString(Mutate(Encoding.UTF8.GetBytes(Evidence.HealthyManagementHostCollector))),
                4 => Quote(Mutate(Evidence.DirectAccessServerWithoutForwardingCollector)),
                _ => HostileScalar(),
            };
        }
        if (slot.Path is "deployment.servers" or "router.server")
        {
            string server = $"{{\"name\":{Quote(Pick(s_nastyNames))},\"internalIpv4\":{Quote(Mutate(Pick(s_validAddresses)))}}}";
            return _random.Next(3) switch
            {
                0 => slot.Path == "router.server" ? server : "[" + server + "]",
                1 => "[" + string.Join(",", Enumerable.Repeat(slot.Choices[^1].Trim('[', ']'), _random.Next(0, 80))) + "]",
                _ => HostileScalar(),
            };
        }
        return _random.Next(4) switch
        {
            0 => Quote(Pick(s_nastyNames)),
            1 => Quote(Mutate(slot.Choices[0].Trim('"'))),
            2 => HostileValue(slot.Path),
            _ => HostileScalar(),
        };
    }

    private string HostileScalar() => _random.Next(8) switch
    {
        0 => "null",
        1 => Pick(["true", "false", "0", "-1", "1e400", "123456789012345678901234567890", "-0.0", "1.5"]),
        2 => "[" + Quote(Pick(s_nastyStrings)) + "]",
        3 => "{\"a\":" + Quote(Pick(s_nastyStrings)) + "}",
        4 => Quote(new string('A', _random.Next(1000, 20000))),
        5 => "\"\\ud800\\u0000\\uFFFF\"",
        _ => Quote(Pick(s_nastyStrings)),
    };

    private string DuplicateAndUnknownKeys(JsonEndpoint endpoint)
    {
        string field = Pick(endpoint.Fields);
        string upper = field.ToUpperInvariant();
        return $"{{\"{field}\":{HostileValue(field)},\"{field}\":{HostileValue(field)},\"{upper}\":1,\"__proto__\":{{}},\"extra\":[1,2,3]}}";
    }

    private static byte[] Oversized(JsonEndpoint endpoint)
    {
        // Over the batch endpoint's 8 MiB, so every endpoint refuses it.
        var filler = new string(' ', 9 * 1024 * 1024);
        return Encoding.UTF8.GetBytes(endpoint.ValidBody.Insert(1, filler));
    }

    private string Nested(int depth)
    {
        bool arrays = _random.Next(2) == 0;
        var text = new StringBuilder();
        for (int i = 0; i < depth; i++) text.Append(arrays ? "[" : "{\"a\":");
        text.Append("1");
        for (int i = 0; i < depth; i++) text.Append(arrays ? ']' : '}');
        return text.ToString();
    }

    private string HostileQuery(string[] keys)
    {
        var parts = new List<string>();
        int count = _random.Next(0, 6);
        for (int i = 0; i < count; i++)
        {
            string key = _random.Next(5) == 0 ? Encode(Pick(s_nastyStrings)) : Pick(keys);
            string value = _random.Next(7) switch
            {
                0 => Pick(["%", "%zz", "%0", "%00", "%ff%fe", "%C0%AF", "+", "%2B", "&&", "=="]),
                1 => Encode(new string('1', _random.Next(100, 8192))),
                2 => EncodeBytes(RandomBytes(_random.Next(0, 64))),
                3 => Encode(Pick(s_nastyStrings)),
                4 => Encode(Mutate(Pick(s_validPrefixes))),
                _ => Encode(Pick([.. s_validAddresses, .. s_validPrefixes, "strict", "permissive", "true", "false"])),
            };
            parts.Add(_random.Next(10) == 0 ? key : $"{key}={value}");
        }
        return parts.Count == 0 && _random.Next(2) == 0 ? "" : "?" + string.Join("&", parts);
    }

    private string Mutate(string text) => Encoding.UTF8.GetString(Mutate(Encoding.UTF8.GetBytes(text)));

    private byte[] Mutate(byte[] input)
    {
        var bytes = new List<byte>(input);
        int edits = _random.Next(1, 4);
        for (int i = 0; i < edits; i++)
        {
            int at = bytes.Count == 0 ? 0 : _random.Next(bytes.Count);
            switch (_random.Next(5))
            {
                case 0 when bytes.Count > 0: bytes.RemoveAt(at); break;
                case 1: bytes.Insert(at, (byte)_random.Next(256)); break;
                case 2 when bytes.Count > 0: bytes[at] ^= (byte)(1 << _random.Next(8)); break;
                case 3 when bytes.Count > 0: bytes.RemoveRange(at, bytes.Count - at); break; // truncate
                default: bytes.Insert(at, (byte)Pick(":./%\"\\{}[],0123456789abcdefABCDEF"u8.ToArray())); break;
            }
        }
        return bytes.ToArray();
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private static string Quote(string text)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Serialize(text);
        }
        catch (ArgumentException)
        {
            // Lone surrogates: spell them as escapes, which is exactly the hostile part.
            return "\"" + string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c.ToString() : $"\\u{(int)c:x4}")) + "\"";
        }
    }

    private static string Encode(string text) => Uri.EscapeDataString(text.Replace("\ud800", "", StringComparison.Ordinal).Replace("\udfff", "", StringComparison.Ordinal));

    private static string EncodeBytes(byte[] bytes) => string.Concat(bytes.Select(b => $"%{b:X2}"));

    // The test client refuses to send %00 in a path (and Kestrel answers such a request line with a
    // bare 400 before any middleware runs), so paths get every byte but NUL.
    private static string EncodePathBytes(byte[] bytes) => EncodeBytes(bytes.Select(b => b == 0 ? (byte)1 : b).ToArray());

    private static string EncodePath(string text) => Encode(text.Replace('\0', '\u0001'));

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
