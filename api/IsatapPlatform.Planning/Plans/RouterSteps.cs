using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Rendering;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Planning.Plans;

/// <summary>The ISATAP router (REFERENCE §4.2, §5.3; HICKS-GH): forwarding and advertising on the right
/// ISATAP interface, the published route for the ISATAP /64, and a startup task that re-applies both,
/// because the configuration may be lost when the server reboots.</summary>
internal static class RouterSteps
{
    public const string TaskName = "IsatapPlatform Reset ISATAP Router";
    public const string ScriptFileName = "Reset-IsatapRouter.ps1";

    /// <summary>Finds the ISATAP interface and sets <c>$index</c>; retries because at startup it may not exist yet.</summary>
    private static string FindInterface(bool standalone) => standalone
        ? """
          # Standalone router: the ISATAP interface whose name contains 'isatap' (HICKS-GH); exactly one must be up.
          $interface = $null
          for ($attempt = 1; $attempt -le 10 -and -not $interface; $attempt++) {
              $candidates = @(Get-NetAdapter -IncludeHidden | Where-Object { $_.Name -like '*isatap*' -and $_.Status -eq 'Up' })
              if ($candidates.Count -gt 1) { throw ('More than one ISATAP interface is up: ' + (($candidates | ForEach-Object { $_.Name }) -join ', ') + '. Disable ISATAP on the other LAN interfaces first.') }
              if ($candidates.Count -eq 1) { $interface = $candidates[0] } else { Start-Sleep -Seconds 30 }
          }
          if (-not $interface) { throw 'No ISATAP interface is up on this router after 5 minutes.' }
          $index = $interface.ifIndex
          """
        : """
          # DirectAccess server: the ISATAP interface is named isatap.<GUID of the internal adapter> (REFERENCE §4.2, HICKS-GH).
          $interface = $null
          for ($attempt = 1; $attempt -le 10 -and -not $interface; $attempt++) {
              $internalGuid = (Get-NetAdapter -InterfaceAlias (Get-RemoteAccess).InternalInterface).InterfaceGuid
              $interface = Get-NetAdapter -IncludeHidden | Where-Object Name -eq ('isatap.' + $internalGuid)
              if (-not $interface) { Start-Sleep -Seconds 30 }
          }
          if (-not $interface) { throw 'The ISATAP interface of the internal adapter was not found after 5 minutes.' }
          $index = $interface.ifIndex
          """;

    /// <summary>Check, then act: forwarding + advertising, and the published route for <c>$isatapPrefix</c>.</summary>
    private const string Apply = """
        $ipInterface = Get-NetIPInterface -InterfaceIndex $index -AddressFamily IPv6
        if ($ipInterface.Forwarding -ne 'Enabled' -or $ipInterface.Advertising -ne 'Enabled') {
            Set-NetIPInterface -InterfaceIndex $index -AddressFamily IPv6 -Forwarding Enabled -Advertising Enabled
        }
        $routes = @(Get-NetRoute -AddressFamily IPv6 -DestinationPrefix $isatapPrefix -InterfaceIndex $index -ErrorAction SilentlyContinue)
        if (@($routes | Where-Object { $_.Publish -ne 'Yes' }).Count -gt 0) {
            # Remove-NetRoute is not in REFERENCE.md (UNVERIFIED here); an unpublished route is replaced by a published one.
            Remove-NetRoute -AddressFamily IPv6 -DestinationPrefix $isatapPrefix -InterfaceIndex $index -Confirm:$false
            $routes = @()
        }
        if ($routes.Count -eq 0) {
            New-NetRoute -AddressFamily IPv6 -DestinationPrefix $isatapPrefix -InterfaceIndex $index -Publish Yes | Out-Null
        }
        """;

    private const string StandaloneEnable = """
        # A standalone router needs its own ISATAP interface up: ISATAP is off by default on Windows Server 2019 and later (REFERENCE §5.4).
        # Pointing the router at its own IPv4 follows the per-host syntax of REFERENCE §4.1; the standalone-router recipe beyond forwarding, advertising and the route is UNVERIFIED.
        $isatapNow = Get-NetIsatapConfiguration | Select-Object -First 1
        if ([string]$isatapNow.State -ne 'Enabled' -or [string]$isatapNow.Router -ne $routerIpv4) {
            Set-NetIsatapConfiguration -State Enabled -Router $routerIpv4
        }
        """;

    /// <summary>The script the startup task runs (also an artifact).</summary>
    public static string ResetScript(PlanSpec spec, HostSpec router, bool standalone)
    {
        var ps = new PsScript().Code("# Re-applies the ISATAP router configuration after a reboot (REFERENCE §5.3, HICKS-GH). Installed by IsatapPlatform.")
            .Set("isatapPrefix", spec.IsatapPrefix.ToString());
        if (standalone) ps.Set("routerIpv4", router.Ipv4.ToString()).Code(StandaloneEnable);
        return ps.Code(FindInterface(standalone)).Code(Apply).ToString();
    }

    public static StepDraft Configure(PlanSpec spec, HostSpec router, bool standalone)
    {
        string stepId = (standalone ? "isatap-router-" : "directaccess-server-") + Snippets.Slug(router.ComputerName);
        string resetScript = ResetScript(spec, router, standalone);

        PsScript Head()
        {
            var ps = new PsScript().Set("computer", router.ComputerName).Code(Snippets.ComputerGuard)
                .Set("isatapPrefix", spec.IsatapPrefix.ToString()).Set("taskName", TaskName).Set("stepId", stepId).Code(Snippets.StatePaths)
                .Code("$scriptPath = Join-Path -Path $stateDir -ChildPath '" + ScriptFileName + "'");
            if (standalone) ps.Set("routerIpv4", router.Ipv4.ToString());
            return ps;
        }

        var apply = Head();
        if (standalone) apply.Code("$isatapBefore = Get-NetIsatapConfiguration | Select-Object -First 1").Code(StandaloneEnable);
        apply.Code(FindInterface(standalone)).Code("""
            $ipBefore = Get-NetIPInterface -InterfaceIndex $index -AddressFamily IPv6
            $routeBefore = @(Get-NetRoute -AddressFamily IPv6 -DestinationPrefix $isatapPrefix -InterfaceIndex $index -ErrorAction SilentlyContinue | Where-Object { $_.Publish -eq 'Yes' }).Count -gt 0
            $taskBefore = [bool](Get-ScheduledTask -TaskName $taskName -ErrorAction SilentlyContinue)
            $state = [ordered]@{ Forwarding = [string]$ipBefore.Forwarding; Advertising = [string]$ipBefore.Advertising; RoutePublished = $routeBefore; TaskExisted = $taskBefore }
            """);
        if (standalone) apply.Code("$state.IsatapState = [string]$isatapBefore.State\n$state.IsatapRouter = [string]$isatapBefore.Router");
        apply.Code(Snippets.SaveStateOnce).Code(Apply).Set("resetScript", resetScript).Code("""
            # The configuration may be lost at reboot: a startup task running as SYSTEM re-applies it (REFERENCE §5.3).
            New-Item -ItemType Directory -Path $stateDir -Force | Out-Null
            Set-Content -Path $scriptPath -Value $resetScript -Encoding UTF8
            $action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument ('-NoProfile -NonInteractive -ExecutionPolicy Bypass -File "' + $scriptPath + '"')
            Register-ScheduledTask -TaskName $taskName -Action $action -Trigger (New-ScheduledTaskTrigger -AtStartup) -User 'NT AUTHORITY\SYSTEM' -RunLevel Highest -Force | Out-Null
            """);

        var verify = new PsScript().Set("computer", router.ComputerName).Code(Snippets.ComputerGuard)
            .Set("isatapPrefix", spec.IsatapPrefix.ToString()).Set("taskName", TaskName).Code(FindInterface(standalone)).Code("""
            $ipInterface = Get-NetIPInterface -InterfaceIndex $index -AddressFamily IPv6
            if ($ipInterface.Forwarding -ne 'Enabled' -or $ipInterface.Advertising -ne 'Enabled') { throw 'Forwarding or Advertising is not Enabled on the ISATAP interface.' }
            if (-not (Get-NetRoute -AddressFamily IPv6 -DestinationPrefix $isatapPrefix -InterfaceIndex $index -ErrorAction SilentlyContinue | Where-Object { $_.Publish -eq 'Yes' })) { throw ('No published route for ' + $isatapPrefix + ' on the ISATAP interface.') }
            if (-not (Get-ScheduledTask -TaskName $taskName -ErrorAction SilentlyContinue)) { throw ('The startup task ' + $taskName + ' is missing.') }
            'OK: forwarding, advertising and the published route are in place; the startup task is registered.'
            """);

        var rollback = Head().Code(Snippets.LoadState).Code(FindInterface(standalone)).Code("""
            if (-not $state.RoutePublished) {
                Remove-NetRoute -AddressFamily IPv6 -DestinationPrefix $isatapPrefix -InterfaceIndex $index -Confirm:$false -ErrorAction SilentlyContinue
            }
            Set-NetIPInterface -InterfaceIndex $index -AddressFamily IPv6 -Forwarding $state.Forwarding -Advertising $state.Advertising
            if (-not $state.TaskExisted) {
                Unregister-ScheduledTask -TaskName $taskName -Confirm:$false -ErrorAction SilentlyContinue
                Remove-Item -Path $scriptPath -ErrorAction SilentlyContinue
            }
            """);
        if (standalone) rollback.Code("$state = [pscustomobject]@{ State = $state.IsatapState; Router = $state.IsatapRouter }").Code(Snippets.RestoreIsatapConfig);
        rollback.Code(Snippets.DropState);

        string iface = standalone ? "\"isatap.{ISATAP-INTERFACE-GUID}\"" : "\"isatap.{INTERNAL-ADAPTER-GUID}\"";
        string netsh =
            "REM Find the ISATAP interface name first and put it in place of " + iface + ".\n" +
            "netsh interface ipv6 show interfaces\n" +
            (standalone ? "netsh interface isatap set state state=enabled\n" : "") +
            $"netsh interface ipv6 set interface {iface} forwarding=enabled advertise=enabled\n" +
            $"netsh interface ipv6 add route {CmdQuoter.Quote(spec.IsatapPrefix.ToString())} {iface} publish=yes\n" +
            "REM netsh does not register the startup task: use the PowerShell step, or schedule Reset-IsatapRouter-" + Snippets.Slug(router.ComputerName) + ".ps1 at startup as SYSTEM.\n";

        string why = standalone
            ? $"The {ContractNames.Of(spec.Topology)} topology cannot use the DirectAccess servers as ISATAP router (REFERENCE §5.2): {router.Name} ({router.Ipv4}) routes the ISATAP prefix instead. " +
              "It enables ISATAP on itself, turns on forwarding and advertising on its ISATAP interface and publishes the route for the prefix so ISATAP hosts get addresses and a default route. " +
              "Routing between this router and the DirectAccess servers (routes to the DirectAccess client prefixes and back to the ISATAP prefix) depends on your network and is not generated: UNVERIFIED which routes a given design needs. "
            : $"{router.Name} is the ISATAP router: forwarding and advertising must be enabled on the ISATAP interface of its internal adapter and the route for {spec.IsatapPrefix} published, or ISATAP hosts get no address or default route (REFERENCE §4.2). ";
        why += $"This configuration may be lost after a reboot (which Windows builds are affected is UNVERIFIED), so the step also registers the startup task '{TaskName}' running as NT AUTHORITY\\SYSTEM that re-applies it (REFERENCE §5.3). " +
               "The rollback restores forwarding, advertising, the route and the task as this step found them and must run on the same computer.";

        return new StepDraft(stepId, standalone ? StepTarget.IsatapRouter : StepTarget.DirectAccessServer,
            standalone
                ? $"Configure the standalone ISATAP router {router.Name}"
                : $"Enable ISATAP routing on DirectAccess server {router.Name}",
            why, apply.ToString(), netsh, verify.ToString(),
            $"On {router.Name}: Forwarding and Advertising Enabled on the ISATAP interface, a published route for {spec.IsatapPrefix}, and the startup task '{TaskName}' registered.",
            rollback.ToString());
    }
}
