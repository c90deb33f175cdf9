using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Tests.Support;

namespace IsatapPlatform.Diagnostics.Tests;

/// <summary>Evidence is hostile input. Crafted values in every evidence field that can reach a script, a title or
/// a finding never become code: every script still parses, calls only allow-listed commands, and holds the marker
/// only inside single-quoted literals or comments; cmd.exe text holds it only inside double quotes.</summary>
public class InjectionTests
{
    private static readonly string Marker = HostileCorpus.Marker;

    /// <summary>Each site puts one hostile value where evidence reaches the engine.</summary>
    private static readonly (string Site, Func<string, DiagnosisRequest> Build)[] Sites =
    [
        ("collector interface alias on a DirectAccess server", v => Requests.DirectAccessServer(new HostEvidence
        {
            Collector = Collectors.DirectAccessServer().WithInterface(13, i => i with { InterfaceAlias = v, Forwarding = "Disabled", Routes = [] }) with
            {
                RemoteAccess = Collectors.DirectAccessServer().RemoteAccess! with { InternalInterfaceGuid = v },
            },
        })),
        ("ipconfig adapter header that names the router interface", v => Requests.DirectAccessServer(new HostEvidence
        {
            IpconfigAll = Scenarios.DaServerIpconfig.Replace("isatap.{6B5B1F0C-2E4A-4A7F-9C1D-3E2F1A0B9C8D}", v.Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal), StringComparison.Ordinal),
            Collector = Collectors.DirectAccessServer().WithInterface(13, i => i with { InterfaceAlias = null, Forwarding = "Disabled" }),
        })),
        ("remote access prefix and internal IPv4", v => Requests.DirectAccessServer(new HostEvidence
        {
            Collector = Collectors.DirectAccessServer().WithInterface(13, i => i with { Routes = [] }) with
            {
                RemoteAccess = new() { InternalIpv6Prefix = v, InternalInterface = v, InternalInterfaceGuid = v, InternalIpv4 = [v] },
            },
        }, new ExpectedConfiguration())),
        ("configured router, policy and resolution on a management host", v => Requests.ManagementHost(new HostEvidence
        {
            Collector = Collectors.ManagementHost() with
            {
                IsatapConfiguration = new() { State = "Default", Router = v },
                IsatapPolicy = new() { RouterName = v },
                RouterResolution = new() { Name = v, Source = v, Addresses = [], Error = v },
                Interfaces = [Collectors.ManagementHost().Interfaces![1]],
                ComputerName = v,
                Errors = [new() { Item = v, Message = v }],
            },
        }, new ExpectedConfiguration())),
        ("firewall rule names on a DirectAccess client", v => Requests.Client(new HostEvidence
        {
            Collector = Collectors.DirectAccessClient() with
            {
                FirewallRules =
                [
                    new() { Name = v, DisplayName = v, EdgeTraversalPolicy = "Block", PolicyStoreSourceType = "Local" },
                    new() { Name = "RemoteDesktop-UserMode-In-TCP", DisplayName = v, EdgeTraversalPolicy = "Block", PolicyStoreSourceType = "Local" },
                    new() { Name = "WINRM-HTTP-In-TCP", DisplayName = "Windows Remote Management (HTTP-In)", EdgeTraversalPolicy = "Block", PolicyStoreSourceType = "GroupPolicy", PolicyStoreSource = v },
                ],
            },
        })),
        ("pasted text of every kind", v => Requests.ManagementHost(new HostEvidence
        {
            IpconfigAll = Ipconfig.Document(Ipconfig.IsatapLinkLocalOnly.Replace("isatap.corp.contoso.com:", v + ":", StringComparison.Ordinal).Replace("Microsoft ISATAP Adapter #2", v, StringComparison.Ordinal)),
            NetshInterfaces = Text.NetshInterfacesEnglish.Replace("isatap.{2B8B139B-418D-4593-A2DC-4F43D31A1833}", "isatap." + v, StringComparison.Ordinal),
            NetshAddresses = Text.NetshAddresses.Replace("isatap.corp.contoso.com", v, StringComparison.Ordinal),
            GetNetIpAddress = Text.GetNetIPAddress.Replace("Reusable ISATAP Interface {90ABCE23-305A-4BDE-AA39-4FFDA7413134}", "ISATAP " + v, StringComparison.Ordinal),
        })),
        ("collector interface fields on a management host", v => Requests.ManagementHost(new HostEvidence
        {
            Collector = Collectors.ManagementHost().WithInterface(12, i => i with
            {
                InterfaceAlias = v, InterfaceDescription = v, InterfaceGuid = v, Kind = v, ConnectionState = v, Forwarding = v,
                Addresses = [Collectors.Address(v), Collectors.Address("fe80::5efe:10.0.0.5%" + v, v)],
                Routes = [Collectors.Route(v, v, v)],
            }),
        })),
    ];

    public static TheoryData<string> SiteNames()
    {
        var data = new TheoryData<string>();
        foreach (var (site, _) in Sites) data.Add(site);
        return data;
    }

    [Theory]
    [MemberData(nameof(SiteNames))]
    public void Hostile_evidence_never_becomes_code(string site)
    {
        var build = Sites.Single(s => s.Site == site).Build;
        int scripts = 0;
        foreach (var value in HostileCorpus.Values)
        {
            var result = HostDiagnostics.Diagnose(build(value));
            Assert.True(result.IsValid);
            var d = result.Diagnosis!;
            foreach (var (context, script) in PowerShellSyntax.Scripts(d))
            {
                PowerShellSyntax.AssertSafe(script, $"{site} / {Printable(value)} / {context}", Marker);
                scripts++;
            }
            AssertCmdSafe(d.Remediation.Netsh, $"{site} / {Printable(value)}");
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(d, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
            foreach (var f in d.Findings)
                foreach (var line in f.Evidence)
                {
                    Assert.True(line.Length <= 301, $"{site}: evidence line of {line.Length} characters");
                    Assert.DoesNotContain(line, c => char.IsControl(c));
                }
        }
        Assert.True(scripts >= HostileCorpus.Values.Count, $"{site}: only {scripts} scripts checked");
    }

    [Fact]
    public void Hostile_values_that_reach_a_script_arrive_there_as_single_quoted_literals()
    {
        // The alias is the one evidence string that is written into a script (to re-check the index before changing anything).
        var d = Requests.Diagnose(Sites[0].Build("isatap.{x}'; PWNED; '"));
        var step = d.Step("isatap-routing");
        Assert.Contains("$alias = 'isatap.{x}''; PWNED; '''", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("$indexText = '13'", step.Powershell, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_router_from_evidence_is_never_written_into_a_script()
    {
        var d = Requests.Diagnose(Sites[3].Build("isatap'; PWNED; '"));
        Assert.All(PowerShellSyntax.Scripts(d), s => Assert.DoesNotContain(Marker, s.Script, StringComparison.Ordinal));
        Assert.Contains("$router = [string]$current.Router", d.Step("isatap-configuration").Powershell, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_firewall_rule_names_are_left_out_of_the_script()
    {
        var d = Requests.Diagnose(Sites[4].Build("x'; PWNED"));
        var step = d.Step("edge-traversal");
        Assert.Contains("$ruleNames = @('RemoteDesktop-UserMode-In-TCP')", step.Powershell, StringComparison.Ordinal);
    }

    /// <summary>In cmd.exe text the marker may appear only inside a double-quoted argument free of <c>" % !</c>
    /// (what <c>CmdQuoter</c> guarantees), as a bare argument of plain characters (<c>A-Z a-z 0-9 . - _ : / \ =</c>),
    /// or in a REM line without any cmd.exe metacharacter.</summary>
    private static void AssertCmdSafe(string netsh, string context)
    {
        foreach (var line in netsh.Split('\n'))
        {
            int at = line.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            if (line.StartsWith("REM", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(line, c => c is '&' or '|' or '<' or '>' or '^' or '%' or '!' or '"' || char.IsControl(c));
                continue;
            }
            int open = line.LastIndexOf('"', at);
            if (open >= 0 && line[..open].Count(c => c == '"') % 2 == 0)
            {
                int close = line.IndexOf('"', at);
                Assert.True(close > at, $"{context}: unterminated quote: {line}");
                Assert.DoesNotContain(line[(open + 1)..close], c => c is '%' or '!' || char.IsControl(c));
                continue;
            }
            int start = line.LastIndexOf(' ', at) + 1, end = line.IndexOf(' ', at);
            string token = line[start..(end < 0 ? line.Length : end)];
            Assert.True(token.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':' or '/' or '\\' or '='), $"{context}: marker in a bare token with metacharacters: {line}");
        }
    }

    private static string Printable(string s) => new(s.Take(40).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
