using System.Globalization;
using System.Text;
using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Plans;
using IsatapPlatform.Planning.Rendering;

namespace IsatapPlatform.Diagnostics.Remediation;

/// <summary>The ISATAP router step (REFERENCE §4.2, HICKS-GH): forwarding, advertising and the published route on
/// the ISATAP interface of the internal adapter, at the index the evidence proved.</summary>
internal static class RouterStep
{
    /// <summary>Finds the internal adapter's ISATAP interface at run time, as Hicks' script does, when the evidence
    /// did not prove an index.</summary>
    private const string FindOnDirectAccessServer = """
        # The evidence did not prove the index: find the ISATAP interface of the internal adapter (REFERENCE §4.2, HICKS-GH).
        $internalGuid = (Get-NetAdapter -InterfaceAlias (Get-RemoteAccess).InternalInterface).InterfaceGuid
        $interface = Get-NetAdapter -IncludeHidden | Where-Object Name -eq ('isatap.' + $internalGuid)
        if (-not $interface) { throw 'The ISATAP interface of the internal adapter was not found.' }
        $index = $interface.ifIndex
        """;

    private const string CheckAlias = """
        # The index comes from the evidence: make sure it still names the same interface (indexes can change after a restart).
        $ipInterface = Get-NetIPInterface -InterfaceIndex $index -AddressFamily IPv6
        if ($ipInterface.InterfaceAlias -ne $alias) { throw ('Interface index ' + $index + ' is now ' + $ipInterface.InterfaceAlias + ', not ' + $alias + ': collect the evidence again.') }
        """;

    private const string PrefixFromRemoteAccess = """
        # InternalIPv6Prefix is the ISATAP /64 in Hicks' scripts (REFERENCE §3.2; general rule UNVERIFIED).
        $isatapPrefix = [string](Get-RemoteAccess).InternalIPv6Prefix
        if (-not $isatapPrefix) { throw 'Get-RemoteAccess returned no InternalIPv6Prefix: diagnose again with expected.isatapPrefix.' }
        """;

    public static StepDraft Configure(string computer, StepTarget target, bool directAccessServer, int? index, string? alias, IPv6Prefix? prefix, string why)
    {
        string stepId = HostSteps.Id(computer, "isatap-routing");
        bool withRoute = prefix is not null || directAccessServer;

        PsScript Start()
        {
            var s = HostSteps.OnHost(computer).Set("stepId", stepId).Code(Snippets.StatePaths);
            if (index is { } i)
            {
                s.Set("indexText", i.ToString(CultureInfo.InvariantCulture)).Code("$index = [int]$indexText");
                if (alias is not null) s.Set("alias", alias).Code(CheckAlias);
            }
            else s.Code(FindOnDirectAccessServer);
            if (prefix is { } p) s.Set("isatapPrefix", p.ToString());
            else if (withRoute) s.Code(PrefixFromRemoteAccess);
            return s;
        }

        var ps = Start().Code("""
            $ipBefore = Get-NetIPInterface -InterfaceIndex $index -AddressFamily IPv6
            $routeBefore = $false
            """);
        if (withRoute) ps.Code("$routeBefore = @(Get-NetRoute -AddressFamily IPv6 -DestinationPrefix $isatapPrefix -InterfaceIndex $index -ErrorAction SilentlyContinue | Where-Object { $_.Publish -eq 'Yes' }).Count -gt 0");
        ps.Code("$state = [ordered]@{ Forwarding = [string]$ipBefore.Forwarding; Advertising = [string]$ipBefore.Advertising; RoutePublished = $routeBefore }")
          .Code(Snippets.SaveStateOnce).Code("""
            if ($ipBefore.Forwarding -ne 'Enabled' -or $ipBefore.Advertising -ne 'Enabled') {
                Set-NetIPInterface -InterfaceIndex $index -AddressFamily IPv6 -Forwarding Enabled -Advertising Enabled
            }
            """);
        if (withRoute) ps.Code("""
            $routes = @(Get-NetRoute -AddressFamily IPv6 -DestinationPrefix $isatapPrefix -InterfaceIndex $index -ErrorAction SilentlyContinue)
            if (@($routes | Where-Object { $_.Publish -ne 'Yes' }).Count -gt 0) {
                # An unpublished route is replaced by a published one (Remove-NetRoute is not in REFERENCE.md: UNVERIFIED here).
                Remove-NetRoute -AddressFamily IPv6 -DestinationPrefix $isatapPrefix -InterfaceIndex $index -Confirm:$false
                $routes = @()
            }
            if ($routes.Count -eq 0) {
                New-NetRoute -AddressFamily IPv6 -DestinationPrefix $isatapPrefix -InterfaceIndex $index -Publish Yes | Out-Null
            }
            """);

        var verify = Start().Code("""
            $ipInterface = Get-NetIPInterface -InterfaceIndex $index -AddressFamily IPv6
            if ($ipInterface.Forwarding -ne 'Enabled' -or $ipInterface.Advertising -ne 'Enabled') { throw ('Forwarding or Advertising is not Enabled on interface ' + $index + '.') }
            """);
        if (withRoute) verify.Code("if (-not (Get-NetRoute -AddressFamily IPv6 -DestinationPrefix $isatapPrefix -InterfaceIndex $index -ErrorAction SilentlyContinue | Where-Object { $_.Publish -eq 'Yes' })) { throw ('No published route for ' + $isatapPrefix + ' on interface ' + $index + '.') }");
        verify.Code("'OK: forwarding and advertising are enabled on interface ' + $index + $(if ($isatapPrefix) { ' and ' + $isatapPrefix + ' is published.' } else { '.' })");

        var rollback = Start().Code(Snippets.LoadState);
        if (withRoute) rollback.Code("""
            if (-not $state.RoutePublished) {
                Remove-NetRoute -AddressFamily IPv6 -DestinationPrefix $isatapPrefix -InterfaceIndex $index -Confirm:$false -ErrorAction SilentlyContinue
            }
            """);
        rollback.Code("Set-NetIPInterface -InterfaceIndex $index -AddressFamily IPv6 -Forwarding $state.Forwarding -Advertising $state.Advertising").Code(Snippets.DropState);

        string idx = index?.ToString(CultureInfo.InvariantCulture) ?? "\"isatap.{INTERNAL-ADAPTER-GUID}\"";
        var netsh = new StringBuilder();
        if (index is null) netsh.Append("REM The evidence did not prove the index: find the ISATAP interface of the internal adapter and put it in place of ").Append(idx).Append(".\nnetsh interface ipv6 show interfaces\n");
        netsh.Append("netsh interface ipv6 set interface ").Append(idx).Append(" forwarding=enabled advertise=enabled\n");
        if (prefix is { } px) netsh.Append("netsh interface ipv6 add route ").Append(CmdQuoter.Quote(px.ToString())).Append(' ').Append(idx).Append(" publish=yes\n");
        else if (directAccessServer) netsh.Append("REM Add the published route for the ISATAP prefix ((Get-RemoteAccess).InternalIPv6Prefix):\nREM netsh interface ipv6 add route <ISATAP /64> ").Append(idx).Append(" publish=yes\n");

        string where = index is { } n ? $"interface index {n.ToString(CultureInfo.InvariantCulture)}" + (alias is null ? "" : $" ({Evidence.TextLines.Echo(alias)})") : "the ISATAP interface of the internal adapter";
        return new StepDraft(stepId, target,
            $"Enable ISATAP routing on {computer}, {where}",
            why + $" The step enables forwarding and advertising on {where}" + (withRoute ? (prefix is { } q ? $" and publishes the route for {q}" : " and publishes the route for (Get-RemoteAccess).InternalIPv6Prefix") : "") +
            " (REFERENCE §4.2, HICKS-GH). " + (index is null ? "" : "Before changing anything it checks that the index still names the interface the evidence showed. ") +
            "This configuration may be lost after a restart (HICKS-GH; affected builds UNVERIFIED): the ISATAP plan (POST /api/v1/isatap/plans) registers a startup task that re-applies it. The rollback restores what the step found.",
            ps.ToString(), netsh.ToString(), verify.ToString(),
            $"On {computer}: Forwarding and Advertising Enabled on {where}" + (withRoute ? ", and a published route for the ISATAP prefix." : "."),
            rollback.ToString());
    }
}

/// <summary>The DNS step for an unresolved router name: the A record, check then act (REFERENCE §5.5).</summary>
internal static class DnsRecordStep
{
    public static StepDraft RouterRecord(string zone, string label, IPv4Address ipv4)
    {
        const string stepId = "dns-router-record";
        string fqdn = label + "." + zone;
        PsScript Head() => new PsScript().Set("zone", zone).Set("name", label).Set("address", ipv4.ToString()).Set("stepId", stepId).Code(Snippets.StatePaths);
        var ps = Head().Code("""
            $existing = @(Get-DnsServerResourceRecord -ZoneName $zone -Name $name -RRType A -ErrorAction SilentlyContinue | ForEach-Object { $_.RecordData.IPv4Address.ToString() })
            $state = [ordered]@{ Added = ($existing -notcontains $address) }
            """).Code(Snippets.SaveStateOnce).Code("""
            if ($existing -notcontains $address) { Add-DnsServerResourceRecordA -ZoneName $zone -Name $name -IPv4Address $address }
            """);
        var verify = new PsScript().Set("fqdn", fqdn).Set("address", ipv4.ToString()).Code("""
            $answers = @(Resolve-DnsName -Name $fqdn -Type A -DnsOnly | Where-Object { $_.Type -eq 'A' } | ForEach-Object { $_.IPAddress })
            if ($answers -notcontains $address) { throw ($fqdn + ' does not resolve to ' + $address + ': ' + ($answers -join ', ')) }
            'OK: ' + $fqdn + ' -> ' + ($answers -join ', ')
            """);
        var rollback = Head().Code(Snippets.LoadState).Code("""
            if ($state.Added) { Remove-DnsServerResourceRecord -ZoneName $zone -RRType A -Name $name -RecordData $address -Force }
            """).Code(Snippets.DropState);
        return new StepDraft(stepId, StepTarget.Dns, $"Create the A record {fqdn} -> {ipv4}",
            $"The router name {fqdn} does not resolve, so the host's ISATAP interface cannot come up (REFERENCE §2.3). Run this on the DNS server (or with the DNS Server module against it); the zone is taken as the name minus its first label ({zone}). " +
            "The name is unique, not 'isatap', so only hosts pointed at it use it (REFERENCE §5.5). The rollback removes the record only if this step added it, and must run on the same computer.",
            ps.ToString(),
            $"dnscmd /recordadd {CmdQuoter.Quote(zone)} {CmdQuoter.Quote(label)} A {CmdQuoter.Quote(ipv4.ToString())}\nREM dnscmd syntax (/recordadd <zone> <node> A <IPv4>) is from the dnscmd reference, not REFERENCE.md: UNVERIFIED here.\n",
            verify.ToString(), $"{fqdn} resolves to {ipv4}.", rollback.ToString());
    }
}

/// <summary>Steps on a DirectAccess client (REFERENCE §5.6, §5.7). The plan step contract has no
/// <c>directaccess-client</c> target yet, so they carry the diagnosed host's target; the computer guard names the client.</summary>
internal static class ClientSteps
{
    public const string DnscachePath = @"HKLM:\SYSTEM\CurrentControlSet\Services\Dnscache\Parameters";

    public static StepDraft DnsRegistration(string computer, StepTarget target)
    {
        string stepId = HostSteps.Id(computer, "dns-registration");
        PsScript Head() => HostSteps.OnHost(computer).Set("stepId", stepId).Code(Snippets.StatePaths).Set("parameters", DnscachePath);
        var ps = Head().Code("""
            $before = (Get-ItemProperty -Path $parameters -Name 'DisableNRPTForAdapterRegistration' -ErrorAction SilentlyContinue).DisableNRPTForAdapterRegistration
            $state = [ordered]@{ Existed = ($null -ne $before); Value = $before }
            """).Code(Snippets.SaveStateOnce).Code("""
            if ($before -ne 0 -or $null -eq $before) { New-ItemProperty -Path $parameters -Name 'DisableNRPTForAdapterRegistration' -PropertyType DWord -Value 0 -Force | Out-Null }
            Write-Output 'Restart the computer so the DNS client registers again (whether a restart is required is UNVERIFIED).'
            """);
        var verify = HostSteps.OnHost(computer).Set("parameters", DnscachePath).Code("""
            $value = (Get-ItemProperty -Path $parameters -Name 'DisableNRPTForAdapterRegistration' -ErrorAction SilentlyContinue).DisableNRPTForAdapterRegistration
            if ($value -ne 0 -or $null -eq $value) { throw 'DisableNRPTForAdapterRegistration is not 0.' }
            'OK: DisableNRPTForAdapterRegistration = 0'
            """);
        var rollback = Head().Code(Snippets.LoadState).Code("""
            if ($state.Existed) { New-ItemProperty -Path $parameters -Name 'DisableNRPTForAdapterRegistration' -PropertyType DWord -Value ([int32]$state.Value) -Force | Out-Null }
            else { Remove-ItemProperty -Path $parameters -Name 'DisableNRPTForAdapterRegistration' -ErrorAction SilentlyContinue }
            """).Code(Snippets.DropState);
        return new StepDraft(stepId, target, $"Let the DirectAccess client {computer} register its addresses in DNS",
            "Since Windows 10 2004 DirectAccess clients no longer register their IP addresses on DNS servers configured in the NRPT, so manage-out hosts cannot find them by name. " +
            "DisableNRPTForAdapterRegistration = 0 under HKLM\\System\\CurrentControlSet\\Services\\Dnscache\\Parameters re-enables it (REFERENCE §5.7, MS-DA-KI). " +
            "For all clients, deliver the same value with a Group Policy preference. This step runs on the client (the step contract has no directaccess-client target yet).",
            ps.ToString(),
            "reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\Parameters /v DisableNRPTForAdapterRegistration /t REG_DWORD /d 0 /f\nREM reg.exe syntax is standard Windows usage, not from REFERENCE.md.\n",
            verify.ToString(), "DisableNRPTForAdapterRegistration = 0; after a restart the client's AAAA record appears in DNS.", rollback.ToString());
    }

    /// <summary>Edge traversal for local-store rules; <paramref name="rules"/> are validated rule names with their display names.</summary>
    public static StepDraft EdgeTraversal(string computer, StepTarget target, IReadOnlyList<(string Name, string? DisplayName)> rules)
    {
        string stepId = HostSteps.Id(computer, "edge-traversal");
        PsScript Head() => HostSteps.OnHost(computer).Set("stepId", stepId).Code(Snippets.StatePaths).SetArray("ruleNames", rules.Select(r => r.Name));
        var ps = Head().Code("""
            $state = [ordered]@{ Rules = @($ruleNames | ForEach-Object { [ordered]@{ Name = $_; EdgeTraversalPolicy = [string](Get-NetFirewallRule -Name $_).EdgeTraversalPolicy } }) }
            """).Code(Snippets.SaveStateOnce).Code("""
            foreach ($ruleName in $ruleNames) {
                if ([string](Get-NetFirewallRule -Name $ruleName).EdgeTraversalPolicy -ne 'Allow') { Set-NetFirewallRule -Name $ruleName -EdgeTraversalPolicy Allow }
            }
            """);
        var verify = HostSteps.OnHost(computer).SetArray("ruleNames", rules.Select(r => r.Name)).Code("""
            $blocked = @($ruleNames | Where-Object { [string](Get-NetFirewallRule -Name $_).EdgeTraversalPolicy -ne 'Allow' })
            if ($blocked.Count -gt 0) { throw ('Edge traversal is not allowed on: ' + ($blocked -join ', ')) }
            'OK: edge traversal allowed on ' + ($ruleNames -join ', ')
            """);
        var rollback = Head().Code(Snippets.LoadState).Code("""
            foreach ($rule in @($state.Rules)) { Set-NetFirewallRule -Name $rule.Name -EdgeTraversalPolicy $rule.EdgeTraversalPolicy }
            """).Code(Snippets.DropState);
        var netsh = new StringBuilder();
        foreach (var (name, display) in rules)
        {
            if (display is null) { netsh.Append("REM ").Append(CmdSafe(name)).Append(": no display name in the evidence; use the PowerShell step.\n"); continue; }
            try { netsh.Append("netsh advfirewall firewall set rule ").Append(CmdQuoter.KeyValue("name", display)).Append(" dir=in new edge=yes\n"); }
            catch (UnsafeShellValueException) { netsh.Append("REM ").Append(CmdSafe(name)).Append(": its display name cannot be passed to cmd.exe safely; use the PowerShell step.\n"); }
        }
        return new StepDraft(stepId, target, $"Allow edge traversal on the management firewall rules of {computer}",
            "Teredo-connected DirectAccess clients can be reached from the intranet only through inbound rules with edge traversal enabled (REFERENCE §5.6, UAGHELP). " +
            "The step sets EdgeTraversalPolicy Allow on the local rules the evidence showed blocked; rules that come from a GPO must be changed in that GPO. The rollback restores each rule's previous policy. " +
            "This step runs on the client (the step contract has no directaccess-client target yet).",
            ps.ToString(), netsh.Append("REM netsh's name= matches display names (UAGHELP example).\n").ToString(), verify.ToString(),
            "EdgeTraversalPolicy is Allow on every listed rule.", rollback.ToString());
    }

    /// <summary>A rule name inside a REM line: only the characters rule names are validated against.</summary>
    private static string CmdSafe(string name) => new(name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.').ToArray());
}
