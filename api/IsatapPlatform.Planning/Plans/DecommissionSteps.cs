using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Planning.Plans;

/// <summary>Decommission-only host step: switch ISATAP off on hosts that no longer need it.</summary>
internal static class DecommissionSteps
{
    public const string DisableScriptFileName = "Disable-Isatap.ps1";

    public static StepDraft DisableElsewhere(PlanSpec spec)
    {
        const string stepId = "management-host-disable-isatap";
        var keep = Snippets.ComputerNames(spec.Targets).ToArray();
        PsScript Head() => new PsScript().SetArray("keep", keep).Code("""
            if ($keep -contains $env:COMPUTERNAME) { throw ($env:COMPUTERNAME + ' is a manage-out host that keeps ISATAP: do not run this step here.') }
            """).Set("stepId", stepId).Code(Snippets.StatePaths);
        var ps = Head().Code(Snippets.CaptureIsatapConfig).Code("""
            $state = [ordered]@{ State = [string]$current.State; Router = [string]$current.Router }
            """).Code(Snippets.SaveStateOnce).Code("""
            if ([string]$current.State -ne 'Disabled') { Set-NetIsatapConfiguration -State Disabled }
            """);
        var verify = new PsScript().Code("""
            $current = Get-NetIsatapConfiguration | Select-Object -First 1
            if ([string]$current.State -ne 'Disabled') { throw ('ISATAP state is ' + $current.State + ', not Disabled.') }
            'OK: ISATAP is disabled on ' + $env:COMPUTERNAME
            """);
        var rollback = Head().Code(Snippets.LoadState).Code(Snippets.RestoreIsatapConfig).Code(Snippets.DropState);
        string keepText = keep.Length == 0 ? "no host (no targets were given)" : string.Join(", ", keep);
        return new StepDraft(stepId, StepTarget.ManagementHost,
            "Disable ISATAP on each host that no longer needs it (every host except the manage-out targets)",
            "Removing the isatap record already leaves hosts at the default configuration without a router. Hosts that had ISATAP enabled explicitly keep their ISATAP interfaces and keep registering ISATAP AAAA records; " +
            $"Set-NetIsatapConfiguration -State Disabled (no ISATAP interfaces, REFERENCE §4.1) ends that. Run it on the hosts the inventory listed, or deploy it as a startup script ({DisableScriptFileName} is the same script) to hosts outside the manage-out group; it refuses to run on {keepText}. " +
            "A GPO setting Set ISATAP State = Disabled State is the scalable alternative. The rollback restores each host's previous state and router name.",
            ps.ToString(), "netsh interface isatap set state state=disabled\n", verify.ToString(),
            "Get-NetIsatapConfiguration reports State Disabled on each host that ran it.", rollback.ToString());
    }
}
