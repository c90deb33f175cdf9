using System.Globalization;
using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Plans;
using IsatapPlatform.Planning.Rendering;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Diagnostics.Remediation;

/// <summary>Remediation steps that run on the diagnosed host itself. Scripts are built with the plan engine's
/// <see cref="PsScript"/> and <see cref="Snippets"/>: constant templates, values only as single-quoted literals,
/// a computer guard first, state saved once so the rollback restores what the step found.</summary>
internal static class HostSteps
{
    public const string DisabledComponentsPath = @"HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters";
    public const string PolicyPath = @"HKLM:\Software\Policies\Microsoft\Windows\TCPIP\v6Transition";

    public static PsScript OnHost(string computer) => new PsScript().Set("computer", computer).Code(Snippets.ComputerGuard);

    public static string Id(string computer, string what) => Snippets.Slug(computer) + "-" + what;

    private static PsScript Head(string computer, string stepId) => OnHost(computer).Set("stepId", stepId).Code(Snippets.StatePaths);

    /// <summary>Clears DisabledComponents bits 0x01 and 0x04 (deletes 0xFFFFFFFF); on a DirectAccess server keeps only
    /// 0x20 (REFERENCE §4.6). The script decides from the value it reads; the evidence value is only quoted in text.</summary>
    public static StepDraft DisabledComponents(string computer, StepTarget target, bool directAccessServer, uint evidenceValue)
    {
        string stepId = Id(computer, "disabled-components");
        PsScript Start() => Head(computer, stepId).Set("parameters", DisabledComponentsPath);
        const string Read = """
            $item = Get-ItemProperty -Path $parameters -Name 'DisabledComponents' -ErrorAction SilentlyContinue
            # Get-ItemProperty returns a REG_DWORD as a signed Int32: reinterpret it as the unsigned value.
            $value = $null
            if ($null -ne $item) { $value = [BitConverter]::ToUInt32([BitConverter]::GetBytes([int32]$item.DisabledComponents), 0) }
            """;
        // No 32-bit hex literals with the top bit set: PowerShell reads 0xFFFFFFFA as the Int32 -6.
        string compute = directAccessServer
            ? "    # On a DirectAccess server only 0 or 0x20 keeps RRAS working (REFERENCE §4.6).\n    $wanted = [uint32]($value -band 0x20)\n"
            : "    # Bits 0x01 (all tunnels) and 0x04 (ISATAP) block ISATAP (REFERENCE §4.6): clear them, keep the rest.\n    $wanted = [uint32]($value - ($value -band 0x05))\n";
        var ps = Start().Code(Read).Code("""
            $state = [ordered]@{ Existed = ($null -ne $item); Value = $null }
            if ($null -ne $item) { $state.Value = [int32]$item.DisabledComponents }
            """).Code(Snippets.SaveStateOnce).Code("if ($null -ne $value) {").Code(compute).Code("""
                if ($value -eq [uint32]::MaxValue) {
                    # 0xFFFFFFFF is not a valid setting (5-second boot delay, ISATAP error 0x490): delete it (REFERENCE §4.6, KSTREET).
                    Remove-ItemProperty -Path $parameters -Name 'DisabledComponents'
                    Write-Output 'DisabledComponents (0xFFFFFFFF) deleted.'
                }
                elseif ($wanted -ne $value) {
                    New-ItemProperty -Path $parameters -Name 'DisabledComponents' -PropertyType DWord -Value ([BitConverter]::ToInt32([BitConverter]::GetBytes([uint32]$wanted), 0)) -Force | Out-Null
                    Write-Output ('DisabledComponents changed from 0x{0:X8} to 0x{1:X8}.' -f $value, $wanted)
                }
            }
            Write-Output 'Restart the computer: DisabledComponents is read at startup (REFERENCE §4.6).'
            """);
        var verify = OnHost(computer).Set("parameters", DisabledComponentsPath).Code(Read).Code(directAccessServer
            ? "if ($null -ne $value -and $value -ne 0 -and $value -ne 0x20) { throw ('DisabledComponents is 0x{0:X8}; a DirectAccess server needs 0 or 0x20.' -f $value) }\n'OK: DisabledComponents is 0, 0x20 or not set.'"
            : "if ($null -ne $value -and ($value -band 0x05) -ne 0) { throw ('DisabledComponents is 0x{0:X8}: bit 0x01 or 0x04 still blocks ISATAP.' -f $value) }\n'OK: DisabledComponents does not block ISATAP (restart if it was just changed).'");
        var rollback = Start().Code(Snippets.LoadState).Code("""
            if ($state.Existed) { New-ItemProperty -Path $parameters -Name 'DisabledComponents' -PropertyType DWord -Value ([int32]$state.Value) -Force | Out-Null }
            else { Remove-ItemProperty -Path $parameters -Name 'DisabledComponents' -ErrorAction SilentlyContinue }
            """).Code(Snippets.DropState).Code("Write-Output 'Restart the computer for the restored value to take effect.'");

        uint wanted = directAccessServer ? evidenceValue & 0x20 : evidenceValue & 0xFFFFFFFA;
        string reg = evidenceValue == uint.MaxValue
            ? "reg delete HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters /v DisabledComponents /f\n"
            : $"reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters /v DisabledComponents /t REG_DWORD /d 0x{wanted:X8} /f\n";
        string hex = "0x" + evidenceValue.ToString("X8", CultureInfo.InvariantCulture);
        return new StepDraft(stepId, target,
            directAccessServer ? $"Set DisabledComponents on {computer} to a value RRAS supports" : $"Clear the DisabledComponents bits that block ISATAP on {computer}",
            $"The evidence shows DisabledComponents = {hex}. " + (directAccessServer
                ? "On a DirectAccess server any value other than 0 or 0x20 breaks RRAS, and bits 0x01/0x04 block its ISATAP interface (REFERENCE §4.6). The step keeps only 0x20."
                : "Bit 0x01 disables IPv6 on all tunnel interfaces and 0x04 disables ISATAP, whatever else is configured (REFERENCE §4.6). The step clears those two bits and keeps the rest; 0xFFFFFFFF, an invalid value a removed GPO can leave behind, is deleted (KSTREET).") +
            " The script reads the value again when it runs. A restart is required; the step does not restart the computer. If a GPO sets the value, fix the GPO or it comes back.",
            ps.ToString(), reg + "REM reg.exe syntax is standard Windows usage, not from REFERENCE.md. Restart the computer afterwards.\n",
            verify.ToString(),
            directAccessServer ? "DisabledComponents is 0, 0x20 or not set; after the restart RRAS and ISATAP work." : "DisabledComponents has neither 0x01 nor 0x04 set; after the restart the ISATAP interface exists.",
            rollback.ToString());
    }

    /// <summary>Starts IP Helper and sets it to Automatic when Disabled (REFERENCE §4.4).</summary>
    public static StepDraft IpHelper(string computer, StepTarget target)
    {
        string stepId = Id(computer, "ip-helper");
        var ps = Head(computer, stepId).Code("""
            $service = Get-Service -Name 'iphlpsvc'
            $state = [ordered]@{ Status = [string]$service.Status; StartType = [string]$service.StartType }
            """).Code(Snippets.SaveStateOnce).Code("""
            if ([string]$service.StartType -eq 'Disabled') { Set-Service -Name 'iphlpsvc' -StartupType Automatic }
            if ([string]$service.Status -ne 'Running') { Start-Service -Name 'iphlpsvc' }
            """);
        var verify = OnHost(computer).Code("""
            $service = Get-Service -Name 'iphlpsvc'
            if ([string]$service.Status -ne 'Running') { throw ('IP Helper (iphlpsvc) is ' + $service.Status + '.') }
            if ([string]$service.StartType -eq 'Disabled') { throw 'IP Helper (iphlpsvc) is running but its start type is Disabled.' }
            'OK: IP Helper is running.'
            """);
        var rollback = Head(computer, stepId).Code(Snippets.LoadState).Code("""
            Set-Service -Name 'iphlpsvc' -StartupType $state.StartType
            if ($state.Status -ne 'Running') { Stop-Service -Name 'iphlpsvc' -Force }
            """).Code(Snippets.DropState);
        return new StepDraft(stepId, target, $"Start the IP Helper service on {computer}",
            "IP Helper (iphlpsvc) provides the ISATAP, 6to4, Teredo and IP-HTTPS tunnels; while it is stopped or disabled there is no ISATAP interface (REFERENCE §4.4). " +
            "'Debloat' scripts disable it. The step sets the start type to Automatic if it is Disabled and starts the service; the rollback restores both as found.",
            ps.ToString(),
            "sc config iphlpsvc start= auto\nnet start iphlpsvc\nREM sc.exe syntax is standard Windows usage, not from REFERENCE.md.\n",
            verify.ToString(), "IP Helper is Running and its start type is not Disabled.", rollback.ToString());
    }

    /// <summary>ISATAP settings that come from Group Policy cannot be changed on the host: refresh policy after the
    /// GPO was fixed, and stop with guidance while the GPO still disables ISATAP or names another router.</summary>
    public static StepDraft PolicyRefresh(string computer, StepTarget target, string? expectedRouter)
    {
        string stepId = Id(computer, "isatap-policy");
        var ps = OnHost(computer).Set("policyKey", PolicyPath);
        if (expectedRouter is not null) ps.Set("router", expectedRouter);
        ps.Code("""
            gpupdate /target:computer /force
            if ($LASTEXITCODE -ne 0) { throw 'gpupdate failed.' }
            $policy = Get-ItemProperty -Path $policyKey -ErrorAction SilentlyContinue
            if ([string]$policy.ISATAP_State -eq 'Disabled') { throw 'Group Policy still sets ISATAP_State = Disabled for this computer: change "Set ISATAP State" to Enabled State in the GPO that applies here (gpresult /scope computer /r lists the GPOs), or exclude this computer from it, then run this step again.' }
            """);
        if (expectedRouter is not null)
            ps.Code("if ([string]$policy.ISATAP_RouterName -and [string]$policy.ISATAP_RouterName -ne $router) { throw ('Group Policy sets ISATAP_RouterName = ' + $policy.ISATAP_RouterName + ', not ' + $router + ': change \"Set ISATAP Router Name\" in the GPO that applies here.') }");
        ps.Code(expectedRouter is null ? "'OK: Group Policy no longer disables ISATAP.'" : "'OK: Group Policy no longer disables ISATAP or names another router.'");
        var verify = OnHost(computer).Set("policyKey", PolicyPath).Code("""
            $policy = Get-ItemProperty -Path $policyKey -ErrorAction SilentlyContinue
            if ([string]$policy.ISATAP_State -eq 'Disabled') { throw 'ISATAP_State is still Disabled by Group Policy.' }
            'OK: ISATAP_State is ' + $(if ($policy.ISATAP_State) { [string]$policy.ISATAP_State } else { 'not set by policy' }) + '.'
            """);
        var rollback = new PsScript(stopOnError: false).Code("# Only refreshes and reads policy: nothing to roll back.\nWrite-Output 'Nothing to roll back: this step only refreshes and reads Group Policy.'");
        return new StepDraft(stepId, target, $"Refresh Group Policy on {computer} after fixing the ISATAP GPO",
            "The ISATAP setting comes from Group Policy (HKLM\\Software\\Policies\\Microsoft\\Windows\\TCPIP\\v6Transition), which a local Set-NetIsatapConfiguration cannot override. " +
            "Hardening baselines (CIS, DISA STIG) set ISATAP_State = Disabled (REFERENCE §4.5, §5.9). First change the GPO that applies to this computer: 'Set ISATAP State' = Enabled State and 'Set ISATAP Router Name' = the unique router name " +
            "(Computer Configuration > Policies > Administrative Templates > Network > TCPIP Settings > IPv6 Transition Technologies), or exclude this computer from the baseline. Then this step refreshes policy and stops if the GPO still disables ISATAP. " +
            "Which GPO sets it is shown by gpresult (standard Windows tool, not from REFERENCE.md).",
            ps.ToString(), "gpupdate /target:computer /force\n", verify.ToString(),
            "ISATAP_State is not Disabled by Group Policy.", rollback.ToString());
    }

    /// <summary>Set-NetIsatapConfiguration -State Enabled -Router (REFERENCE §4.1, §5.4, §5.5). With no router known,
    /// the script keeps the router the host already has and stops if it has none.</summary>
    public static StepDraft EnableIsatap(string computer, StepTarget target, string? router, IPv6Prefix? prefix, string why)
    {
        string stepId = Id(computer, "isatap-configuration");
        PsScript Start()
        {
            var s = Head(computer, stepId);
            return router is null ? s : s.Set("router", router);
        }
        var ps = Start().Code(Snippets.TargetPreflight).Code(Snippets.CaptureIsatapConfig).Code("""
            $state = [ordered]@{ State = [string]$current.State; Router = [string]$current.Router }
            """).Code(Snippets.SaveStateOnce);
        if (router is null)
            ps.Code("""
                $router = [string]$current.Router
                if (-not $router) { throw 'No ISATAP router is configured on this computer: diagnose again with expected.routerName (or expected.routerIpv4) to get the exact command.' }
                """);
        ps.Code("""
            if ([string]$current.State -ne 'Enabled' -or [string]$current.Router -ne $router) {
                Set-NetIsatapConfiguration -State Enabled -Router $router
            }
            """);

        var verify = OnHost(computer);
        if (router is not null) verify.Set("router", router);
        verify.Code("""
            $config = Get-NetIsatapConfiguration | Select-Object -First 1
            if ([string]$config.State -ne 'Enabled') { throw ('The ISATAP state is ' + $config.State + ', not Enabled.') }
            """);
        if (router is not null) verify.Code("if ([string]$config.Router -ne $router) { throw ('The ISATAP router is ' + $config.Router + ', not ' + $router + '.') }");
        verify.Code("""
            # ISATAP interface identifiers are 0:5efe:a.b.c.d or 200:5efe:a.b.c.d (REFERENCE §2.1): compare bytes, not text.
            $isatap = @(Get-NetIPAddress -AddressFamily IPv6 -ErrorAction SilentlyContinue | Where-Object {
                $b = ([System.Net.IPAddress]($_.IPAddress -replace '%.*$', '')).GetAddressBytes()
                ($b[8] -band 0xFC) -eq 0 -and $b[9] -eq 0 -and $b[10] -eq 0x5E -and $b[11] -eq 0xFE
            })
            if ($isatap.Count -eq 0) { throw 'No ISATAP address yet: check that the router name resolves and protocol 41 reaches the router.' }
            """);
        string expect = "Get-NetIsatapConfiguration shows State Enabled" + (router is null ? "" : $" and Router {router}") + "; the host has an ISATAP address";
        if (prefix is { } p)
        {
            verify.Set("prefixText", p.ToString()).Set("prefixBytes", Snippets.Bytes(p.Address, 8)).Code("""
                $fromPrefix = @($isatap | Where-Object { ((([System.Net.IPAddress]($_.IPAddress -replace '%.*$', '')).GetAddressBytes())[0..7] -join ',') -eq $prefixBytes })
                if ($fromPrefix.Count -eq 0) { throw ('No ISATAP address from ' + $prefixText + ' yet: the router has not advertised the prefix to this host.') }
                """);
            expect += $" from {p}";
        }
        verify.Code("'OK: ' + (($isatap | ForEach-Object { $_.IPAddress }) -join ', ')");
        var rollback = Start().Code(Snippets.LoadState).Code(Snippets.RestoreIsatapConfig).Code(Snippets.DropState);

        string netsh = router is null
            ? "REM The evidence names no router: give expected.routerName to get the exact command.\nnetsh interface isatap show router\nnetsh interface isatap set state state=enabled\n"
            : $"netsh interface isatap set router {CmdQuoter.KeyValue("name", router)} state=enabled\nnetsh interface isatap set state state=enabled\n";
        return new StepDraft(stepId, target,
            router is null ? $"Enable ISATAP on {computer}" : $"Enable ISATAP on {computer} with router {router}",
            why + " Set-NetIsatapConfiguration -State Enabled -Router <name> targets this computer only (REFERENCE §4.1, §5.5); on Windows 10 1703 and later only the state Enabled brings ISATAP up (REFERENCE §5.4). " +
            "The step first checks DisabledComponents and IP Helper, which would make it pointless. A GPO that sets ISATAP_State or ISATAP_RouterName wins over this local setting. " +
            "In netsh, 'set router state=' is the name-resolution state and interval= is in minutes where the cmdlet uses seconds (REFERENCE §4.3). The rollback restores the state and router this step found.",
            ps.ToString(), netsh, verify.ToString(), expect + ".", rollback.ToString());
    }

    /// <summary>The Windows 10 before 1703 DNS-client workaround: the plan engine's step, with this host's text.</summary>
    public static StepDraft DnsClientWorkaround(string hostName, int build, bool server)
    {
        var draft = TargetSteps.DnsClientWorkaround(new TargetHost(hostName, server ? Os.WindowsServer2016 : Os.Windows10_1607));
        string computer = NameRules.FirstLabel(hostName);
        return draft with
        {
            Title = $"Work around the Windows 10 DNS-client bug on {computer}",
            Why = $"{computer} runs build {build.ToString(CultureInfo.InvariantCulture)}" + (server ? " (Windows Server 2016)" : " (Windows 10 before 1703)") + ". " +
                  "Manage-out over ISATAP from Windows 10 before 1703 fails because of a DNS-client bug (Hicks, REFERENCE §5.3); the workaround is the DWORD DisableParallelAandAAAA = 1 under HKLM\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\Parameters. " +
                  "Windows 10 1703 fixed it; upgrading is the better fix." + (server ? " Whether Windows Server 2016 needs it is inferred from the post's title (UNVERIFIED)." : "") +
                  " A second value recalled from the same post (DisableServerUnreachability) is UNVERIFIED and not set.",
        };
    }
}
