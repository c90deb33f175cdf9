using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.Json;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Tests.Support;

namespace IsatapPlatform.Diagnostics.Tests;

/// <summary>windows.ps1: parses with zero errors, only reads, stays within Windows PowerShell 5.1 syntax, and — run
/// for real in-process against stubbed cmdlets — prints JSON that the C# schema reads and the engine diagnoses.</summary>
public class CollectorScriptTests
{
    private static readonly string Script = HostDiagnostics.CollectorScript();

    [Fact]
    public void It_is_served_as_plain_ascii_text_and_parses_with_zero_errors()
    {
        Assert.Equal("text/plain; charset=utf-8", HostDiagnostics.CollectorMediaType);
        Assert.All(Script, c => Assert.True(c < 0x80, $"non-ASCII character U+{(int)c:X4}: Windows PowerShell 5.1 reads BOM-less files in the ANSI code page"));
        PowerShellSyntax.AssertSafe(Script, "windows.ps1", allowList: PowerShellSyntax.CollectorAllowList);
        Assert.Contains("schemaVersion       = 1", Script, StringComparison.Ordinal);
    }

    [Fact]
    public void It_only_reads_netsh_runs_only_show_commands()
    {
        var r = PowerShellSafety.Parse(Script);
        foreach (var c in r.Commands.Where(c => string.Equals(c.GetCommandName(), "netsh", StringComparison.OrdinalIgnoreCase)))
            Assert.Equal("show", ((StringConstantExpressionAst)c.CommandElements[3]).Value);
        var functions = r.Ast.FindAll(a => a is FunctionDefinitionAst, true).Cast<FunctionDefinitionAst>().Select(f => f.Name).ToHashSet();
        Assert.Equal(["Add-CollectorError", "ConvertTo-UInt32", "Get-RegistryValue"], functions.Order());
        // Apart from its own helpers (which only build the in-memory document), every command is a reader.
        foreach (var name in r.CommandNames.OfType<string>().Where(n => !functions.Contains(n)))
        {
            string verb = name.Split('-')[0];
            Assert.DoesNotContain(verb, new[] { "Set", "New", "Remove", "Add", "Enable", "Disable", "Start", "Stop", "Restart", "Register", "Unregister", "Invoke", "Reset", "Clear", "Install" });
        }
    }

    [Fact]
    public void It_uses_no_syntax_newer_than_windows_powershell_5_1()
    {
        var ast = PowerShellSafety.Parse(Script).Ast;
        Assert.Empty(ast.FindAll(a => a is TernaryExpressionAst or PipelineChainAst, true));
        Assert.Empty(ast.FindAll(a => a is BinaryExpressionAst { Operator: TokenKind.QuestionQuestion }, true));
        Assert.Empty(ast.FindAll(a => a is AssignmentStatementAst { Operator: TokenKind.QuestionQuestionEquals }, true));
        Assert.Empty(ast.FindAll(a => a is MemberExpressionAst { NullConditional: true }, true));
        Assert.DoesNotContain("-Parallel", Script, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("-AsHashtable", Script, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("-Depth 8", Script, StringComparison.Ordinal); // ConvertTo-Json's default depth of 2 would cut the document
    }

    private const string Stubs = """
        $env:COMPUTERNAME = 'HELPDESK01'
        $global:Registry = @{
            'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' = @{ DisplayVersion = '22H2'; ReleaseId = '2009' }
            'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters' = @{ DisabledComponents = -1 }
            'HKLM:\SYSTEM\CurrentControlSet\Services\Dnscache\Parameters' = @{ DisableNRPTForAdapterRegistration = 1 }
        }
        function global:Get-CimInstance { [CmdletBinding()] param([string] $ClassName) [pscustomobject]@{ Caption = 'Microsoft Windows 10 Enterprise'; Version = '10.0.19045'; BuildNumber = '19045'; ProductType = 1 } }
        function global:Get-ItemProperty {
            [CmdletBinding()] param([string] $Path, [string] $Name)
            $values = $global:Registry[$Path]
            if ($null -eq $values -or -not $values.ContainsKey($Name)) { return $null }
            [pscustomobject]@{ $Name = $values[$Name] }
        }
        function global:Get-NetIsatapConfiguration { [CmdletBinding()] param() [pscustomobject]@{ State = 'Enabled'; Router = 'isatap-mo.corp.contoso.com'; ResolutionState = 'Default'; ResolutionInterval = 3600 } }
        function global:Get-NetAdapter {
            [CmdletBinding()] param([switch] $IncludeHidden, [string] $InterfaceAlias)
            [pscustomobject]@{ ifIndex = 12; Name = 'isatap.corp.contoso.com'; InterfaceDescription = 'Microsoft ISATAP Adapter #2'; InterfaceGuid = '{0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0}' }
            [pscustomobject]@{ ifIndex = 14; Name = 'Teredo Tunneling Pseudo-Interface'; InterfaceDescription = 'Teredo Tunneling Pseudo-Interface'; InterfaceGuid = '{11111111-1111-1111-1111-111111111111}' }
            [pscustomobject]@{ ifIndex = 6; Name = 'Ethernet'; InterfaceDescription = 'Intel(R) 82574L Gigabit Network Connection'; InterfaceGuid = '{22222222-2222-2222-2222-222222222222}' }
        }
        function global:Get-NetIPInterface {
            [CmdletBinding()] param([string] $AddressFamily, $InterfaceIndex)
            if ($global:NoNetTcpip) { throw "The term 'Get-NetIPInterface' is not recognized as the name of a cmdlet." }
            [pscustomobject]@{ ifIndex = 12; InterfaceAlias = 'isatap.corp.contoso.com'; ConnectionState = 'Connected'; Forwarding = 'Disabled'; Advertising = 'Disabled'; AdvertiseDefaultRoute = 'Disabled'; NlMtu = 1280 }
            [pscustomobject]@{ ifIndex = 14; InterfaceAlias = 'Teredo Tunneling Pseudo-Interface'; ConnectionState = 'Disconnected'; Forwarding = 'Disabled'; Advertising = 'Disabled'; AdvertiseDefaultRoute = 'Disabled'; NlMtu = 1280 }
            [pscustomobject]@{ ifIndex = 6; InterfaceAlias = 'Ethernet'; ConnectionState = 'Connected'; Forwarding = 'Disabled'; Advertising = 'Disabled'; AdvertiseDefaultRoute = 'Disabled'; NlMtu = 1500 }
        }
        function global:Get-NetIPAddress {
            [CmdletBinding()] param([string] $AddressFamily, $InterfaceIndex)
            if ($InterfaceIndex -eq 12) {
                [pscustomobject]@{ IPAddress = 'fd7f:f787:2112:1:0:5efe:10.0.0.5'; PrefixLength = 64; AddressState = 'Preferred'; PrefixOrigin = 'RouterAdvertisement'; SuffixOrigin = 'Link' }
                [pscustomobject]@{ IPAddress = 'fe80::5efe:10.0.0.5%12'; PrefixLength = 128; AddressState = 'Preferred'; PrefixOrigin = 'WellKnown'; SuffixOrigin = 'Link' }
            }
        }
        function global:Get-NetRoute {
            [CmdletBinding()] param([string] $AddressFamily, $InterfaceIndex)
            [pscustomobject]@{ DestinationPrefix = '::/0'; NextHop = 'fe80::5efe:10.0.0.1'; Publish = 'No'; RouteMetric = 0 }
        }
        function global:Get-Service { [CmdletBinding()] param([string] $Name) [pscustomobject]@{ Status = 'Running'; StartType = 'Automatic' } }
        function global:Resolve-DnsName { [CmdletBinding()] param([string] $Name, [string] $Type) [pscustomobject]@{ Type = 'A'; IPAddress = '10.0.0.1' } }
        function global:Get-NetFirewallRule {
            [CmdletBinding()] param([string[]] $Name)
            [pscustomobject]@{ Name = 'RemoteDesktop-UserMode-In-TCP'; DisplayName = 'Remote Desktop - User Mode (TCP-In)'; Enabled = 'True'; Direction = 'Inbound'; Action = 'Allow'; EdgeTraversalPolicy = 'Block'; PolicyStoreSourceType = 'Local'; PolicyStoreSource = 'PersistentStore' }
        }
        function global:netsh {
            if ($args[3] -eq 'interfaces') {
                'Idx     Met         MTU          State                Name'
                '---  ----------  ----------  ------------  ---------------------------'
                '  1          50  4294967295  connected     Loopback Pseudo-Interface 1'
                ' 12          25        1280  disconnected  isatap.corp.contoso.com'
            }
            else {
                'Interface 1: Loopback Pseudo-Interface 1'
                ''
                'Addr Type  DAD State   Valid Life Pref. Life Address'
                '---------  ----------- ---------- ---------- ------------------------'
                'Other      Preferred     infinite   infinite ::1'
            }
        }
        """;

    private static string Run(bool windows7 = false)
    {
        using var ps = PowerShell.Create();
        ps.AddScript(Stubs + (windows7 ? "\n$global:NoNetTcpip = $true" : "")).Invoke();
        Assert.Empty(ps.Streams.Error);
        ps.Commands.Clear();
        var output = ps.AddScript(Script).Invoke();
        // HadErrors is also set by errors the script catches or silences on purpose; the error stream must stay empty.
        Assert.Empty(ps.Streams.Error.Select(e => e.ToString()));
        return string.Join("\n", output.Select(o => o?.ToString()));
    }

    [Fact]
    public void Run_against_stubbed_cmdlets_it_prints_one_json_document_the_schema_reads()
    {
        string json = Run();
        using (var doc = JsonDocument.Parse(json))
        {
            var root = doc.RootElement;
            // One-item lists stay arrays, and enums arrive as their names.
            Assert.Equal(JsonValueKind.Array, root.GetProperty("routerResolution").GetProperty("addresses").ValueKind);
            Assert.Equal(JsonValueKind.Array, root.GetProperty("interfaces")[0].GetProperty("routes").ValueKind);
            Assert.Equal(JsonValueKind.Array, root.GetProperty("errors").ValueKind);
            Assert.Equal(4294967295, root.GetProperty("disabledComponents").GetProperty("value").GetInt64());
        }
        var c = JsonSerializer.Deserialize<CollectorEvidence>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(1, c.SchemaVersion);
        Assert.Equal("HELPDESK01", c.ComputerName);
        Assert.Equal(19045, c.Os!.BuildNumber);
        Assert.Equal("22H2", c.Os.DisplayVersion);
        Assert.Equal("Enabled", c.IsatapConfiguration!.State);
        Assert.Equal(3600, c.IsatapConfiguration.ResolutionIntervalSeconds);
        Assert.Null(c.IsatapPolicy!.State);
        Assert.Equal(["isatap", "teredo"], c.Interfaces!.Select(i => i.Kind));
        var isatap = c.Interfaces![0];
        Assert.Equal(12, isatap.InterfaceIndex);
        Assert.Equal("Microsoft ISATAP Adapter #2", isatap.InterfaceDescription);
        Assert.Equal(2, isatap.Addresses!.Count);
        Assert.Null(c.Interfaces[1].Routes);
        Assert.Equal("isatap-configuration", c.RouterResolution!.Source);
        Assert.Equal(["10.0.0.1"], c.RouterResolution.Addresses);
        Assert.Equal(1, c.DnsClient!.DisableNrptForAdapterRegistration);
        Assert.Null(c.DnsClient.DisableParallelAandAaaa);
        Assert.Null(c.RemoteAccess);
        Assert.Equal("Block", Assert.Single(c.FirewallRules!).EdgeTraversalPolicy);
        Assert.Empty(c.Errors!);

        var d = Requests.Collector(c);
        Assert.Equal(["registry.disabled-components"], d.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Code));
        Assert.Equal("0xFFFFFFFF", d.Host.Isatap!.DisabledComponents);
    }

    [Fact]
    public void Without_the_nettcpip_cmdlets_it_sends_netsh_text_and_the_error()
    {
        var c = JsonSerializer.Deserialize<CollectorEvidence>(Run(windows7: true), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Null(c.Interfaces);
        Assert.Equal("interfaces", Assert.Single(c.Errors!).Item);
        Assert.Contains("isatap.corp.contoso.com", c.NetshInterfaces, StringComparison.Ordinal);
        var d = Requests.Collector(c);
        Assert.Equal(LinkState.Disconnected, Assert.Single(d.Host.Interfaces, i => i.Kind == InterfaceKind.Isatap).State);
        d.Single("isatap.media-disconnected");
        d.Single("evidence.collector-incomplete");
    }
}
