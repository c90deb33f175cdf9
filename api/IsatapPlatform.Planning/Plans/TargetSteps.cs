using System.Text;
using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Rendering;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Planning.Plans;

/// <summary>Steps on the manage-out hosts: the configuration by method (REFERENCE §4.1, §4.3, §2.3, §5.4,
/// §5.5), the Windows 10 1607 DNS-client workaround (§5.3), and the per-host verification (§5.5, §5.9).</summary>
internal static class TargetSteps
{
    public static bool IsDefaultOff(Os os) => os is Os.Windows10_1703OrLater or Os.Windows11 or Os.WindowsServer2019OrLater;
    public static bool HasDnsClientBug(Os os) => os is Os.Windows10_1607 or Os.WindowsServer2016;

    private static PsScript OnTarget(TargetHost t) => new PsScript().Set("computer", t.ComputerName).Code(Snippets.ComputerGuard);

    private static string OsNote(TargetHost t) => IsDefaultOff(t.Os)
        ? $" {t.Name} runs {ContractNames.Of(t.Os)}: ISATAP is off by default there, so a router name alone no longer enables it; the state must be Enabled (REFERENCE §4.5, §5.4)."
        : $" {t.Name} runs {ContractNames.Of(t.Os)}; the state is set to Enabled anyway, which is explicit and also works where Default would.";

    private static string NetshLines(string routerName)
        => $"netsh interface isatap set router {CmdQuoter.KeyValue("name", routerName)} state=enabled\nnetsh interface isatap set state state=enabled\n";

    /// <summary>The verification of a manage-out host: an ISATAP address from the prefix, a default route via
    /// the router, and (when named) a DirectAccess client that answers.</summary>
    public static (string Script, string Expect) Verification(PlanSpec spec, TargetHost t, IReadOnlyList<IPv4Address> routerAddresses)
    {
        var hops = routerAddresses.Select(a => Snippets.Bytes(Isatap.LinkLocal(a))).ToArray();
        var ps = OnTarget(t).Set("prefixText", spec.IsatapPrefix.ToString()).Set("prefixBytes", Snippets.Bytes(spec.IsatapPrefix.Address, 8))
            .SetArray("routerHops", hops).Code("""
            # Compare addresses by value (Windows prints ISATAP addresses in mixed notation, REFERENCE §3.4).
            $isatapAddresses = @(Get-NetIPAddress -AddressFamily IPv6 | Where-Object {
                $b = ([System.Net.IPAddress]($_.IPAddress -replace '%.*$', '')).GetAddressBytes()
                (($b[0..7]) -join ',') -eq $prefixBytes -and $b[10] -eq 0x5E -and $b[11] -eq 0xFE
            })
            if ($isatapAddresses.Count -eq 0) { throw ('No ISATAP address from ' + $prefixText + ' on this host: check that the router name resolves, protocol 41 is allowed, and the router advertises.') }
            # The default route's next hop is the router's ISATAP link-local fe80::5efe:<router IPv4> (inferred, UNVERIFIED; REFERENCE §5.9).
            $defaultRoutes = @(Get-NetRoute -AddressFamily IPv6 -DestinationPrefix '::/0' -InterfaceIndex $isatapAddresses[0].InterfaceIndex -ErrorAction SilentlyContinue | Where-Object {
                $routerHops -contains ((([System.Net.IPAddress]($_.NextHop -replace '%.*$', '')).GetAddressBytes()) -join ',')
            })
            if ($defaultRoutes.Count -eq 0) { throw 'No default IPv6 route via the ISATAP router on the ISATAP interface.' }
            """);
        string clientExpect;
        if (spec.DirectAccessClient is { } client)
        {
            ps.Set("client", client).Code("""
                $aaaa = @(Resolve-DnsName -Name $client -Type AAAA -ErrorAction SilentlyContinue | Where-Object { $_.Type -eq 'AAAA' })
                if ($aaaa.Count -eq 0) { throw ('No AAAA record for ' + $client + ': since Windows 10 2004 DirectAccess clients register only with DisableNRPTForAdapterRegistration=0 (REFERENCE §5.7).') }
                if (-not (Test-Connection -ComputerName $client -Count 2 -Quiet)) { throw ('No answer from ' + $client + ': its firewall must allow ICMPv6 echo with edge traversal (REFERENCE §5.6; exact rule UNVERIFIED).') }
                """);
            clientExpect = $" The DirectAccess client {client} has an AAAA record and answers ping.";
        }
        else clientExpect = " No directAccessClient was given: test one by hand (Test-Connection <client> and an RDP session).";
        ps.Code("'OK: ' + (($isatapAddresses | ForEach-Object { $_.IPAddress }) -join ', ')");
        string hopsText = string.Join(" or ", routerAddresses.Select(a => Isatap.LinkLocal(a).ToMixedString()));
        return (ps.ToString(),
            $"On {t.Name}: an address from {spec.IsatapPrefix} with an ISATAP interface identifier (…:0:5efe:<IPv4> or …:200:5efe:<IPv4>) and a default route ::/0 via {hopsText} (next-hop form inferred, UNVERIFIED).{clientExpect}");
    }

    /// <summary>Windows 10 1607 (and, per the post's title, Server 2016): the DNS-client bug workaround (REFERENCE §5.3).</summary>
    public static StepDraft DnsClientWorkaround(TargetHost t)
    {
        string stepId = "management-host-" + Snippets.Slug(t.ComputerName) + "-dns-client";
        PsScript Head() => OnTarget(t).Set("stepId", stepId).Code(Snippets.StatePaths)
            .Code("$parameters = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\Parameters'");
        var ps = Head().Code("""
            $before = (Get-ItemProperty -Path $parameters -Name 'DisableParallelAandAAAA' -ErrorAction SilentlyContinue).DisableParallelAandAAAA
            $state = [ordered]@{ Existed = ($null -ne $before); Value = $before }
            """).Code(Snippets.SaveStateOnce).Code("""
            if ($before -ne 1) { New-ItemProperty -Path $parameters -Name 'DisableParallelAandAAAA' -PropertyType DWord -Value 1 -Force | Out-Null }
            Write-Output 'Restart the computer for the DNS client to pick this up (whether a restart is required is UNVERIFIED).'
            """);
        var verify = OnTarget(t).Code("""
            $value = (Get-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\Dnscache\Parameters' -Name 'DisableParallelAandAAAA' -ErrorAction SilentlyContinue).DisableParallelAandAAAA
            if ($value -ne 1) { throw 'DisableParallelAandAAAA is not 1.' }
            'OK: DisableParallelAandAAAA = 1'
            """);
        var rollback = Head().Code(Snippets.LoadState).Code("""
            if ($state.Existed) { Set-ItemProperty -Path $parameters -Name 'DisableParallelAandAAAA' -Value $state.Value }
            else { Remove-ItemProperty -Path $parameters -Name 'DisableParallelAandAAAA' -ErrorAction SilentlyContinue }
            """).Code(Snippets.DropState);
        return new StepDraft(stepId, StepTarget.ManagementHost,
            $"Work around the Windows 10 DNS-client bug on {t.Name}",
            $"{t.Name} runs {ContractNames.Of(t.Os)}. Manage-out over ISATAP from Windows 10 before 1703 fails because of a DNS-client bug (Hicks, REFERENCE §5.3); the workaround is the DWORD DisableParallelAandAAAA = 1 under HKLM\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\Parameters. " +
            "Windows 10 1703 fixed it; upgrading is the better fix. Whether Windows Server 2016 needs it is inferred from the post's title (UNVERIFIED). A second value recalled from the same post (DisableServerUnreachability) is UNVERIFIED and not set.",
            ps.ToString(),
            "reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\Parameters /v DisableParallelAandAAAA /t REG_DWORD /d 1 /f\nREM reg.exe syntax is standard Windows usage, not from REFERENCE.md.\n",
            verify.ToString(), "DisableParallelAandAAAA = 1 (after a restart the manage-out connection works).", rollback.ToString());
    }

    /// <summary>The powershell, netsh and hosts-file methods: one step per host that configures and verifies it.</summary>
    public static StepDraft ConfigureHost(PlanSpec spec, TargetHost t, ConfigurationMethod method, IReadOnlyList<IPv4Address> routerAddresses, IPv4Address hostsAddress)
    {
        string router = spec.RouterFqdn!;
        string stepId = "management-host-" + Snippets.Slug(t.ComputerName) + "-isatap";
        var (verify, expect) = Verification(spec, t, routerAddresses);
        PsScript Head() => OnTarget(t).Set("router", router).Set("stepId", stepId).Code(Snippets.StatePaths);

        switch (method)
        {
            case ConfigurationMethod.Powershell:
            {
                var ps = Head().Code(Snippets.TargetPreflight).Code(Snippets.CaptureIsatapConfig).Code("""
                    $state = [ordered]@{ State = [string]$current.State; Router = [string]$current.Router }
                    """).Code(Snippets.SaveStateOnce).Code("""
                    if ([string]$current.State -ne 'Enabled' -or [string]$current.Router -ne $router) {
                        Set-NetIsatapConfiguration -State Enabled -Router $router
                    }
                    """);
                var rollback = Head().Code(Snippets.LoadState).Code(Snippets.RestoreIsatapConfig).Code(Snippets.DropState);
                return new StepDraft(stepId, StepTarget.ManagementHost, $"Point {t.Name} at the ISATAP router with Set-NetIsatapConfiguration",
                    $"Set-NetIsatapConfiguration -State Enabled -Router {router} targets this host only (REFERENCE §4.1, §5.5). A GPO that sets ISATAP_State=Disabled (hardening baselines do) wins over it (REFERENCE §5.9).{OsNote(t)} The rollback restores the state and router name this step found.",
                    ps.ToString(), NetshLines(router), verify, expect, rollback.ToString());
            }
            case ConfigurationMethod.Netsh:
            {
                CmdQuoter.Quote(router); // netsh receives the value as one native argument: refuse what cmd/netsh could split.
                var ps = OnTarget(t).Set("router", router).Code(Snippets.TargetPreflight).Code("""
                    # netsh set is idempotent: setting the same values again changes nothing.
                    netsh interface isatap set router ('name=' + $router) state=enabled
                    if ($LASTEXITCODE -ne 0) { throw 'netsh interface isatap set router failed.' }
                    netsh interface isatap set state state=enabled
                    if ($LASTEXITCODE -ne 0) { throw 'netsh interface isatap set state failed.' }
                    """);
                var rollback = OnTarget(t).Code("""
                    # Restores the defaults (netsh cannot report the previous values in a form worth parsing).
                    netsh interface isatap set router name=default state=default
                    netsh interface isatap set state state=default
                    """);
                return new StepDraft(stepId, StepTarget.ManagementHost, $"Point {t.Name} at the ISATAP router with netsh",
                    $"netsh interface isatap set router name={router} state=enabled, then set state state=enabled (REFERENCE §4.3). In 'set router', state= is the name-resolution state; 'set state' turns ISATAP itself on. " +
                    $"This plan leaves the resolution interval alone; if you set one, netsh's interval= is in MINUTES while Set-NetIsatapConfiguration -ResolutionIntervalSeconds is in SECONDS.{OsNote(t)} The rollback restores the defaults, not earlier custom values.",
                    ps.ToString(), NetshLines(router) + "netsh interface isatap show router\nnetsh interface isatap show state\n", verify, expect, rollback.ToString());
            }
            case ConfigurationMethod.HostsFile:
            {
                string line = HostsFileLine.Line(hostsAddress, router);
                var ps = Head().Set("line", line).Code("$hostsPath = Join-Path -Path $env:SystemRoot -ChildPath '" + HostsFileLine.PathBelowSystemRoot + "'")
                    .Code(Snippets.TargetPreflight).Code(Snippets.CaptureIsatapConfig).Code("""
                    $lines = @(Get-Content -Path $hostsPath)
                    $state = [ordered]@{ LineExisted = ($lines -contains $line); State = [string]$current.State; Router = [string]$current.Router }
                    """).Code(Snippets.SaveStateOnce).Code("""
                    if ($lines -notcontains $line) { Add-Content -Path $hostsPath -Value $line -Encoding ASCII }
                    # The HOSTS entry only resolves the name; the host must still be told to use it, and to enable ISATAP.
                    if ([string]$current.State -ne 'Enabled' -or [string]$current.Router -ne $router) {
                        Set-NetIsatapConfiguration -State Enabled -Router $router
                    }
                    """);
                var rollback = Head().Set("line", line).Code("$hostsPath = Join-Path -Path $env:SystemRoot -ChildPath '" + HostsFileLine.PathBelowSystemRoot + "'")
                    .Code(Snippets.LoadState).Code("""
                    if (-not $state.LineExisted) {
                        $kept = @(Get-Content -Path $hostsPath | Where-Object { $_ -ne $line })
                        Set-Content -Path $hostsPath -Value $kept -Encoding ASCII
                    }
                    """).Code(Snippets.RestoreIsatapConfig).Code(Snippets.DropState);
                return new StepDraft(stepId, StepTarget.ManagementHost, $"Add the HOSTS entry on {t.Name} and point it at the ISATAP router",
                    $"Test labs only: a HOSTS entry resolves the router name on this one host without DNS (REFERENCE §2.3, SHINDER). Add the line '{line}' to {HostsFileLine.WindowsPath}; the host is then pointed at {router} with Set-NetIsatapConfiguration. " +
                    "HOSTS entries are invisible to DNS administrators, do not follow a router that moves, and must be removed by hand on every host: do not use this in production.{0} The rollback removes the line (if this step added it) and restores the ISATAP configuration.".Replace("{0}", OsNote(t), StringComparison.Ordinal),
                    ps.ToString(),
                    "REM Add the line from hosts-entry.txt to %SystemRoot%\\System32\\drivers\\etc\\hosts by hand, then:\n" + NetshLines(router),
                    verify, expect, rollback.ToString());
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "group-policy hosts are configured by the GPO steps");
        }
    }

    /// <summary>Group-policy method: per host, refresh policy and verify.</summary>
    public static StepDraft ApplyPolicy(PlanSpec spec, TargetHost t, IReadOnlyList<IPv4Address> routerAddresses)
    {
        string stepId = "management-host-" + Snippets.Slug(t.ComputerName) + "-gpupdate";
        var (verify, expect) = Verification(spec, t, routerAddresses);
        var ps = OnTarget(t).Code(Snippets.TargetPreflight).Code("""
            gpupdate /target:computer /force
            if ($LASTEXITCODE -ne 0) { throw 'gpupdate failed.' }
            """);
        var rollback = OnTarget(t).Code("""
            # Run after the GPO rollback steps: the next policy refresh removes the ISATAP policy values.
            gpupdate /target:computer /force
            """);
        return new StepDraft(stepId, StepTarget.ManagementHost, $"Apply the ISATAP policy on {t.Name} and verify it",
            $"Refreshes computer policy on {t.Name} so the GPO's ISATAP_RouterName and ISATAP_State=Enabled take effect, then checks the result.{OsNote(t)} " +
            "If the GPO does not apply, restart the host: its computer account was just added to the security group, and a computer's group membership is read at startup (standard Windows behaviour, not from REFERENCE.md).",
            ps.ToString(), "gpupdate /target:computer /force\n", verify, expect, rollback.ToString());
    }
}
