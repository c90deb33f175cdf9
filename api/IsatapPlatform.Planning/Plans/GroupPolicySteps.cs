using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Rendering;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Planning.Plans;

/// <summary>The group-policy method (REFERENCE §4.5, §5.5): a GPO with Set ISATAP Router Name and Set ISATAP
/// State = Enabled, security-filtered to a group holding only the manage-out hosts, linked last.</summary>
internal static class GroupPolicySteps
{
    /// <summary>The policy key (REFERENCE §4.5; note the <c>\Windows</c> that a known-wrong cookbook omits).</summary>
    public const string PolicyKey = @"HKLM\Software\Policies\Microsoft\Windows\TCPIP\v6Transition";
    public const string RegFileKey = @"HKEY_LOCAL_MACHINE\Software\Policies\Microsoft\Windows\TCPIP\v6Transition";
    public const string RouterValue = "ISATAP_RouterName";
    public const string StateValue = "ISATAP_State";
    public const string RegFileName = "isatap-manage-out.reg";
    public const string RegRollbackFileName = "isatap-manage-out.rollback.reg";

    private static PsScript Gpo(GpoSpec g) => new PsScript().Set("gpoName", g.Name);

    public static IEnumerable<StepDraft> Steps(PlanSpec spec)
    {
        var g = spec.GroupPolicy!;
        string router = spec.RouterFqdn!;

        // 1. The GPO and its two registry-based settings, not linked yet.
        {
            const string stepId = "group-policy-create";
            PsScript Head() => Gpo(g).Set("key", PolicyKey).Set("router", router).Set("stepId", stepId).Code(Snippets.StatePaths);
            var ps = Head().Code("""
                $gpo = Get-GPO -Name $gpoName -ErrorAction SilentlyContinue
                $routerBefore = if ($gpo) { Get-GPRegistryValue -Name $gpoName -Key $key -ValueName 'ISATAP_RouterName' -ErrorAction SilentlyContinue } else { $null }
                $stateBefore = if ($gpo) { Get-GPRegistryValue -Name $gpoName -Key $key -ValueName 'ISATAP_State' -ErrorAction SilentlyContinue } else { $null }
                $state = [ordered]@{ GpoExisted = [bool]$gpo; Router = if ($routerBefore) { [string]$routerBefore.Value } else { $null }; IsatapState = if ($stateBefore) { [string]$stateBefore.Value } else { $null } }
                """).Code(Snippets.SaveStateOnce).Code("""
                if (-not $gpo) { $gpo = New-GPO -Name $gpoName -Comment 'ISATAP for DirectAccess manage-out hosts only (IsatapPlatform).' }
                # Set ISATAP Router Name and Set ISATAP State = Enabled State: REG_SZ values (REFERENCE §4.5).
                if (-not $routerBefore -or [string]$routerBefore.Value -ne $router) { Set-GPRegistryValue -Name $gpoName -Key $key -ValueName 'ISATAP_RouterName' -Type String -Value $router | Out-Null }
                if (-not $stateBefore -or [string]$stateBefore.Value -ne 'Enabled') { Set-GPRegistryValue -Name $gpoName -Key $key -ValueName 'ISATAP_State' -Type String -Value 'Enabled' | Out-Null }
                """);
            var verify = Gpo(g).Set("key", PolicyKey).Set("router", router).Code("""
                if ([string](Get-GPRegistryValue -Name $gpoName -Key $key -ValueName 'ISATAP_RouterName').Value -ne $router) { throw 'ISATAP_RouterName is not set to the router name.' }
                if ([string](Get-GPRegistryValue -Name $gpoName -Key $key -ValueName 'ISATAP_State').Value -ne 'Enabled') { throw 'ISATAP_State is not Enabled.' }
                'OK: the GPO sets ISATAP_RouterName and ISATAP_State=Enabled'
                """);
            var rollback = Head().Code(Snippets.LoadState).Code("""
                if (-not $state.GpoExisted) { Remove-GPO -Name $gpoName -Confirm:$false }
                else {
                    if ($state.Router) { Set-GPRegistryValue -Name $gpoName -Key $key -ValueName 'ISATAP_RouterName' -Type String -Value $state.Router | Out-Null }
                    else { Remove-GPRegistryValue -Name $gpoName -Key $key -ValueName 'ISATAP_RouterName' -ErrorAction SilentlyContinue | Out-Null }
                    if ($state.IsatapState) { Set-GPRegistryValue -Name $gpoName -Key $key -ValueName 'ISATAP_State' -Type String -Value $state.IsatapState | Out-Null }
                    else { Remove-GPRegistryValue -Name $gpoName -Key $key -ValueName 'ISATAP_State' -ErrorAction SilentlyContinue | Out-Null }
                }
                """).Code(Snippets.DropState);
            yield return new StepDraft(stepId, StepTarget.GroupPolicy, $"Create the GPO '{g.Name}' with the ISATAP router name and state",
                $"Group Policy is the scalable way to target ISATAP (REFERENCE §5.5). The GPO sets Computer Configuration > Policies > Administrative Templates > Network > TCPIP Settings > IPv6 Transition Technologies: " +
                $"Set ISATAP Router Name = {router} and Set ISATAP State = Enabled State, i.e. {RouterValue} and {StateValue}=Enabled (REG_SZ) under {PolicyKey} (REFERENCE §4.5). " +
                $"On Windows 10 1703 and later only the Enabled state brings ISATAP up; a router name alone does not. It is not linked yet, so nothing applies until the security filter is in place. {RegFileName} carries the same values for hosts outside the domain.",
                ps.ToString(), null, verify.ToString(),
                $"The GPO '{g.Name}' exists with {RouterValue}={router} and {StateValue}=Enabled.", rollback.ToString());
        }

        // 2. Security filtering.
        {
            const string stepId = "group-policy-security-filter";
            PsScript Head() => Gpo(g).Set("group", g.SecurityGroup).Set("stepId", stepId).Code(Snippets.StatePaths);
            var ps = Head().Code("""
                $groupBefore = Get-GPPermission -Name $gpoName -TargetName $group -TargetType Group -ErrorAction SilentlyContinue
                $usersBefore = Get-GPPermission -Name $gpoName -TargetName 'Authenticated Users' -TargetType Group -ErrorAction SilentlyContinue
                $state = [ordered]@{ Group = if ($groupBefore) { [string]$groupBefore.Permission } else { 'None' }; AuthenticatedUsers = if ($usersBefore) { [string]$usersBefore.Permission } else { 'None' } }
                """).Code(Snippets.SaveStateOnce).Code("""
                # Only the group applies the GPO. Authenticated Users keep Read (Microsoft's MS16-072 guidance, not from REFERENCE.md) but lose Apply.
                if ($state.Group -ne 'GpoApply') { Set-GPPermission -Name $gpoName -TargetName $group -TargetType Group -PermissionLevel GpoApply -Replace | Out-Null }
                if ($state.AuthenticatedUsers -ne 'GpoRead') { Set-GPPermission -Name $gpoName -TargetName 'Authenticated Users' -TargetType Group -PermissionLevel GpoRead -Replace | Out-Null }
                """);
            var verify = Gpo(g).Set("group", g.SecurityGroup).Code("""
                if ([string](Get-GPPermission -Name $gpoName -TargetName $group -TargetType Group).Permission -ne 'GpoApply') { throw 'The security group cannot apply the GPO.' }
                if ([string](Get-GPPermission -Name $gpoName -TargetName 'Authenticated Users' -TargetType Group).Permission -ne 'GpoRead') { throw 'Authenticated Users can still apply the GPO (or lost Read).' }
                'OK: only the security group applies the GPO'
                """);
            var rollback = Head().Code(Snippets.LoadState).Code("""
                Set-GPPermission -Name $gpoName -TargetName 'Authenticated Users' -TargetType Group -PermissionLevel $state.AuthenticatedUsers -Replace | Out-Null
                Set-GPPermission -Name $gpoName -TargetName $group -TargetType Group -PermissionLevel $state.Group -Replace | Out-Null
                """).Code(Snippets.DropState);
            yield return new StepDraft(stepId, StepTarget.GroupPolicy, $"Security-filter the GPO to {g.SecurityGroup}",
                $"Only members of {g.SecurityGroup} may apply the GPO: it gets GpoApply, and Authenticated Users are reduced to GpoRead (Set-GPPermission). This is what keeps ISATAP off every other host (REFERENCE §5.5). " +
                "The group is passed to -TargetName as written; whether the DOMAIN\\name form is accepted there is UNVERIFIED. 'Authenticated Users' is the English name of the well-known group (localized domains: UNVERIFIED).",
                ps.ToString(), null, verify.ToString(),
                $"{g.SecurityGroup}: GpoApply; Authenticated Users: GpoRead.", rollback.ToString());
        }

        // 3. Group membership of the targets' computer accounts.
        {
            const string stepId = "group-policy-group-members";
            var accounts = spec.Targets.Select(t => t.ComputerName + "$").ToArray();
            PsScript Head() => new PsScript().Set("groupAccount", g.GroupAccountName).SetArray("computers", accounts).Set("stepId", stepId).Code(Snippets.StatePaths);
            var ps = Head().Code("""
                $members = @(Get-ADGroupMember -Identity $groupAccount | ForEach-Object { $_.SamAccountName })
                $missing = @($computers | Where-Object { $members -notcontains $_ })
                $state = [ordered]@{ Added = $missing }
                """).Code(Snippets.SaveStateOnce).Code("""
                if ($missing.Count -gt 0) { Add-ADGroupMember -Identity $groupAccount -Members $missing }
                """);
            var verify = new PsScript().Set("groupAccount", g.GroupAccountName).SetArray("computers", accounts).Code("""
                $members = @(Get-ADGroupMember -Identity $groupAccount | ForEach-Object { $_.SamAccountName })
                $missing = @($computers | Where-Object { $members -notcontains $_ })
                if ($missing.Count -gt 0) { throw ('Not in the group: ' + ($missing -join ', ')) }
                'OK: every manage-out host is a member'
                """);
            var rollback = Head().Code(Snippets.LoadState).Code("""
                if (@($state.Added).Count -gt 0) { Remove-ADGroupMember -Identity $groupAccount -Members @($state.Added) -Confirm:$false }
                """).Code(Snippets.DropState);
            yield return new StepDraft(stepId, StepTarget.GroupPolicy, $"Add the manage-out hosts' computer accounts to {g.SecurityGroup}",
                $"The GPO applies to the computer accounts in {g.SecurityGroup}: {string.Join(", ", accounts)} (ActiveDirectory module). Computers pick up a new group membership at their next restart (standard Windows behaviour, not from REFERENCE.md). The rollback removes only the accounts this step added.",
                ps.ToString(), null, verify.ToString(),
                $"{string.Join(", ", accounts)} are members of {g.GroupAccountName}.", rollback.ToString());
        }

        // 4. Link last.
        {
            const string stepId = "group-policy-link";
            PsScript Head() => Gpo(g).Set("linkTarget", g.LinkTo).Set("stepId", stepId).Code(Snippets.StatePaths);
            var ps = Head().Code("""
                $linked = @((Get-GPInheritance -Target $linkTarget).GpoLinks | Where-Object { $_.DisplayName -eq $gpoName })
                $state = [ordered]@{ Linked = ($linked.Count -gt 0) }
                """).Code(Snippets.SaveStateOnce).Code("""
                if ($linked.Count -eq 0) { New-GPLink -Name $gpoName -Target $linkTarget -LinkEnabled Yes | Out-Null }
                """);
            var verify = Gpo(g).Set("linkTarget", g.LinkTo).Code("""
                $link = @((Get-GPInheritance -Target $linkTarget).GpoLinks | Where-Object { $_.DisplayName -eq $gpoName })
                if ($link.Count -eq 0 -or -not $link[0].Enabled) { throw 'The GPO is not linked (or the link is disabled).' }
                'OK: linked to ' + $linkTarget
                """);
            var rollback = Head().Code(Snippets.LoadState).Code("""
                if (-not $state.Linked) { Remove-GPLink -Name $gpoName -Target $linkTarget | Out-Null }
                """).Code(Snippets.DropState);
            yield return new StepDraft(stepId, StepTarget.GroupPolicy, $"Link the GPO to {g.LinkTo}",
                $"Linking comes last, after the settings and the security filter, so no host outside {g.SecurityGroup} ever applies it. The manage-out hosts' computer objects must be in (or below) {g.LinkTo}.",
                ps.ToString(), null, verify.ToString(),
                $"The GPO '{g.Name}' is linked (enabled) to {g.LinkTo}.", rollback.ToString());
        }
    }

    /// <summary>The .reg equivalent of the GPO's settings (and its undo).</summary>
    public static IEnumerable<ExtraArtifact> Artifacts(PlanSpec spec)
    {
        yield return new ExtraArtifact(RegFileName, MediaTypes.Reg,
            RegFile.StringValues(RegFileKey, [(RouterValue, spec.RouterFqdn!), (StateValue, "Enabled")]));
        yield return new ExtraArtifact(RegRollbackFileName, MediaTypes.Reg,
            RegFile.DeleteValues(RegFileKey, [RouterValue, StateValue]));
    }
}
