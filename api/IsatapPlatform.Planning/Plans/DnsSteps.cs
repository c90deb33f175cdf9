using System.Text;
using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Rendering;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Planning.Plans;

/// <summary>DNS steps (REFERENCE §2.4, §5.5): the unique router name's A records, the Global Query Block
/// List, and, for decommission, the global <c>isatap</c> record and stale ISATAP AAAA records.</summary>
internal static class DnsSteps
{
    private const string GqblWhy =
        "Windows DNS Server keeps a Global Query Block List, created and enabled at first start with the names 'isatap' and 'wpad', and does not answer them. " +
        "'isatap' must stay on it: it is the name every Windows host looks up by default, so publishing it turns ISATAP on for every IPv6 host that resolves it. " +
        "This plan uses a unique router name instead. Trap: Set-DnsServerGlobalQueryBlockList -List and dnscmd /config /globalqueryblocklist both REPLACE the whole list, " +
        "so every name you want to keep must be passed again (leaving out 'wpad' unblocks WPAD). (REFERENCE §2.4)";

    private const string ReadCmdNote = "REM dnscmd prints the list; the PowerShell step above is the one to automate.";

    /// <summary>Deploy: read-only check that <c>isatap</c> (and <c>wpad</c>) are still blocked.</summary>
    public static StepDraft CheckBlockList(PlanSpec spec)
    {
        var ps = new PsScript().DnsTargets(spec.DnsServer).Code("""
            # Output properties Enable and List mirror the Set- cmdlet's parameters (REFERENCE §2.4); the object shape is UNVERIFIED.
            $gqbl = Get-DnsServerGlobalQueryBlockList @dnsTarget
            $names = @($gqbl.List)
            if (-not $gqbl.Enable) { Write-Warning 'The Global Query Block List is disabled: a record named isatap (or wpad) would be answered.' }
            if ($names -notcontains 'isatap') { Write-Warning 'isatap is not on the Global Query Block List: a global ISATAP deployment may exist; plan its removal with a decommission plan. Do not change the list with -List unless you pass every name to keep.' }
            if ($names -notcontains 'wpad') { Write-Warning 'wpad is not on the Global Query Block List.' }
            $gqbl
            """);
        var verify = new PsScript().DnsTargets(spec.DnsServer).Code("""
            $gqbl = Get-DnsServerGlobalQueryBlockList @dnsTarget
            if (-not $gqbl.Enable) { throw 'The Global Query Block List is disabled.' }
            if (@($gqbl.List) -notcontains 'isatap') { throw 'isatap is not on the Global Query Block List.' }
            'OK: the Global Query Block List is enabled and contains isatap.'
            """);
        var rollback = new PsScript(stopOnError: false).Code("# Read-only step: nothing to roll back.\nWrite-Output 'Nothing to roll back: this step only reads the Global Query Block List.'");
        string dnscmd = Snippets.Dnscmd(spec.DnsServer);
        return new StepDraft("dns-check-block-list", StepTarget.Dns,
            "Check that the DNS Global Query Block List still blocks isatap",
            GqblWhy,
            ps.ToString(),
            $"{dnscmd} /info /enableglobalqueryblocklist\n{dnscmd} /info /globalqueryblocklist\n{ReadCmdNote}\n",
            verify.ToString(),
            "Enable is True and List contains isatap (normally isatap and wpad). If not, do not fix it with -List by hand: the list is replaced as a whole.",
            rollback.ToString());
    }

    /// <summary>The A records of the unique router name: one per router address (for NLB, each server plus the VIP).</summary>
    public static StepDraft RouterRecords(PlanSpec spec, IReadOnlyList<IPv4Address> addresses)
    {
        string zone = spec.DnsZone, label = spec.RouterLabel!, fqdn = spec.RouterFqdn!;
        var values = addresses.Select(a => a.ToString()).ToArray();
        const string stepId = "dns-router-records";

        PsScript Head() => new PsScript().DnsTargets(spec.DnsServer).Set("zone", zone).Set("name", label).SetArray("addresses", values).Set("stepId", stepId).Code(Snippets.StatePaths);

        var ps = Head().Code("""
            # Check, then act: add only the A records that are missing.
            $existing = @(Get-DnsServerResourceRecord @dnsTarget -ZoneName $zone -Name $name -RRType A -ErrorAction SilentlyContinue | ForEach-Object { $_.RecordData.IPv4Address.ToString() })
            $added = @($addresses | Where-Object { $existing -notcontains $_ })
            $state = [ordered]@{ Added = $added }
            """).Code(Snippets.SaveStateOnce).Code("""
            foreach ($address in $added) {
                Add-DnsServerResourceRecordA @dnsTarget -ZoneName $zone -Name $name -IPv4Address $address
            }
            """);
        var verify = new PsScript().DnsTargets(spec.DnsServer).Set("fqdn", fqdn).SetArray("addresses", values).Code("""
            $answers = @(Resolve-DnsName -Name $fqdn -Type A -DnsOnly @resolveTarget | Where-Object { $_.Type -eq 'A' } | ForEach-Object { $_.IPAddress })
            $missing = @($addresses | Where-Object { $answers -notcontains $_ })
            if ($missing.Count -gt 0) { throw ('Missing A records for ' + $fqdn + ': ' + ($missing -join ', ')) }
            'OK: ' + $fqdn + ' -> ' + ($answers -join ', ')
            """);
        var rollback = Head().Code(Snippets.LoadState).Code("""
            foreach ($address in @($state.Added)) {
                $record = Get-DnsServerResourceRecord @dnsTarget -ZoneName $zone -Name $name -RRType A -ErrorAction SilentlyContinue | Where-Object { $_.RecordData.IPv4Address.ToString() -eq $address }
                if ($record) { Remove-DnsServerResourceRecord @dnsTarget -ZoneName $zone -RRType A -Name $name -RecordData $address -Force }
            }
            """).Code(Snippets.DropState);

        var cmd = new StringBuilder()
            .Append("REM dnscmd syntax (/recordadd <zone> <node> A <IPv4>) is from the dnscmd reference, not REFERENCE.md: UNVERIFIED here. It fails if the record already exists.\n");
        foreach (var v in values)
            cmd.Append(Snippets.Dnscmd(spec.DnsServer)).Append(" /recordadd ").Append(CmdQuoter.Quote(zone)).Append(' ')
               .Append(CmdQuoter.Quote(label)).Append(" A ").Append(CmdQuoter.Quote(v)).Append('\n');

        string shape = spec.Topology switch
        {
            Topology.Nlb => "For NLB: one A record per DirectAccess server's internal IPv4 plus one for the internal virtual IP, all under the unique name (REFERENCE §5.2, HICKS-NLB).",
            Topology.ExternalLoadBalancer or Topology.Multisite => "The name points at the standalone ISATAP router, not at the load-balanced DirectAccess servers.",
            _ => "The name points at the DirectAccess server's internal IPv4.",
        };
        return new StepDraft(stepId, StepTarget.Dns,
            $"Create the A record(s) for the unique ISATAP router name {fqdn}",
            $"Manage-out hosts find the ISATAP router by name. A unique name ({fqdn}) reaches only the hosts configured to use it, unlike the default name 'isatap', which every host resolves; this plan never creates a record named isatap (REFERENCE §5.5). {shape} The rollback removes only the records this step added and must run on the same computer.",
            ps.ToString(), cmd.ToString(), verify.ToString(),
            $"{fqdn} resolves to {string.Join(", ", values)}.",
            rollback.ToString());
    }

    /// <summary>Decommission: find what the global deployment left (isatap records, hosts with ISATAP AAAA records, the block list).</summary>
    public static StepDraft Inventory(PlanSpec spec)
    {
        var ps = new PsScript().DnsTargets(spec.DnsServer).Set("zone", spec.DnsZone).Set("stepId", "decommission-inventory").Code(Snippets.StatePaths).Code("""
            $globalRecords = @(Get-DnsServerResourceRecord @dnsTarget -ZoneName $zone -Name 'isatap' -ErrorAction SilentlyContinue | Where-Object { @('A', 'AAAA', 'CNAME') -contains [string]$_.RecordType } | ForEach-Object {
                $record = $_
                $data = switch ([string]$record.RecordType) {
                    'A' { $record.RecordData.IPv4Address.ToString() }
                    'AAAA' { $record.RecordData.IPv6Address.ToString() }
                    'CNAME' { [string]$record.RecordData.HostNameAlias }
                }
                [ordered]@{ Type = [string]$record.RecordType; Data = $data }
            })
            # An ISATAP interface identifier is 0:5efe:a.b.c.d or 200:5efe:a.b.c.d (u/g bits only in group 5, REFERENCE §2.1): compare bytes, not text.
            $isatapHosts = @(Get-DnsServerResourceRecord @dnsTarget -ZoneName $zone -RRType AAAA | Where-Object {
                $b = $_.RecordData.IPv6Address.GetAddressBytes()
                ($b[8] -band 0xFC) -eq 0 -and $b[9] -eq 0 -and $b[10] -eq 0x5E -and $b[11] -eq 0xFE
            } | ForEach-Object { [ordered]@{ Name = [string]$_.HostName; Address = $_.RecordData.IPv6Address.ToString() } })
            $gqbl = Get-DnsServerGlobalQueryBlockList @dnsTarget
            $state = [ordered]@{ GlobalRecords = $globalRecords; IsatapHosts = $isatapHosts; BlockListEnable = [bool]$gqbl.Enable; BlockList = @($gqbl.List) }
            """).Code(Snippets.SaveStateOnce).Code("""
            Write-Output ('Records named isatap: ' + $globalRecords.Count)
            Write-Output ('Hosts with ISATAP AAAA records (still using ISATAP): ' + $isatapHosts.Count)
            $isatapHosts | ForEach-Object { Write-Output ('  ' + $_.Name + '  ' + $_.Address) }
            """);
        var verify = new PsScript().Set("stepId", "decommission-inventory").Code(Snippets.StatePaths).Code("""
            if (-not (Test-Path -Path $stateFile)) { throw ('The inventory ' + $stateFile + ' is missing; the later rollbacks need it.') }
            'OK: inventory saved in ' + $stateFile
            """);
        var rollback = new PsScript(stopOnError: false).Code("# Read-only step (it saves the inventory later rollbacks need): nothing to roll back.\nWrite-Output 'Nothing to roll back; keep the inventory file until the decommission is finished.'");
        string dnscmd = Snippets.Dnscmd(spec.DnsServer);
        return new StepDraft("dns-inventory", StepTarget.Dns,
            "Inventory the global ISATAP deployment: isatap records, hosts with ISATAP AAAA records, the block list",
            "Before anything is removed, record what depends on the global name: the records named isatap, every host whose AAAA record carries an ISATAP address (it is using ISATAP now), and the Global Query Block List as it is. " +
            "Compare the host list with 'targets': a host that still needs manage-out but is not a target will lose ISATAP. The later rollbacks restore from this inventory, so run all DNS steps and their rollbacks on this same computer.",
            ps.ToString(),
            $"{dnscmd} /enumrecords {CmdQuoter.Quote(spec.DnsZone)} isatap\n{dnscmd} /info /globalqueryblocklist\nREM dnscmd /enumrecords syntax is from the dnscmd command list, not REFERENCE.md: UNVERIFIED here.\n",
            verify.ToString(),
            "The inventory file exists and lists the isatap records and the hosts with ISATAP AAAA records.",
            rollback.ToString());
    }

    /// <summary>Decommission: remove the records named isatap (A, AAAA, CNAME).</summary>
    public static StepDraft RemoveGlobalRecord(PlanSpec spec)
    {
        var ps = new PsScript().DnsTargets(spec.DnsServer).Set("zone", spec.DnsZone).Code("""
            $records = @(Get-DnsServerResourceRecord @dnsTarget -ZoneName $zone -Name 'isatap' -ErrorAction SilentlyContinue | Where-Object { @('A', 'AAAA', 'CNAME') -contains [string]$_.RecordType })
            foreach ($record in $records) {
                Remove-DnsServerResourceRecord @dnsTarget -ZoneName $zone -InputObject $record -Force
            }
            Write-Output ('Removed ' + $records.Count + ' record(s) named isatap.')
            """);
        var verify = new PsScript().DnsTargets(spec.DnsServer).Set("zone", spec.DnsZone).Code("""
            $left = @(Get-DnsServerResourceRecord @dnsTarget -ZoneName $zone -Name 'isatap' -ErrorAction SilentlyContinue | Where-Object { @('A', 'AAAA', 'CNAME') -contains [string]$_.RecordType })
            if ($left.Count -gt 0) { throw ('Records named isatap are still in ' + $zone + '.') }
            'OK: no record named isatap in ' + $zone
            """);
        var rollback = new PsScript().DnsTargets(spec.DnsServer).Set("zone", spec.DnsZone).Set("stepId", "decommission-inventory").Code(Snippets.StatePaths).Code(Snippets.LoadState).Code("""
            foreach ($record in @($state.GlobalRecords)) {
                $exists = Get-DnsServerResourceRecord @dnsTarget -ZoneName $zone -Name 'isatap' -RRType $record.Type -ErrorAction SilentlyContinue
                if ($exists) { continue }
                switch ($record.Type) {
                    'A' { Add-DnsServerResourceRecordA @dnsTarget -ZoneName $zone -Name 'isatap' -IPv4Address $record.Data }
                    'AAAA' { Add-DnsServerResourceRecordAAAA @dnsTarget -ZoneName $zone -Name 'isatap' -IPv6Address $record.Data }
                    'CNAME' { Add-DnsServerResourceRecordCName @dnsTarget -ZoneName $zone -Name 'isatap' -HostNameAlias $record.Data }
                }
            }
            """);
        return new StepDraft("dns-remove-global-record", StepTarget.Dns,
            $"Remove the records named isatap from {spec.DnsZone}",
            "This is the switch-off of the global deployment: hosts left at the default configuration stop finding a router named isatap, and since Windows Vista SP1 an ISATAP interface stays disconnected when its router name does not resolve (REFERENCE §2.3). " +
            "It comes only after the remaining manage-out hosts were moved to the unique name and verified, so they are not cut off. The rollback re-adds the records from the inventory.",
            ps.ToString(),
            $"REM Deletes every record of the node isatap (/nodedelete; arguments from the dnscmd reference, UNVERIFIED here).\n{Snippets.Dnscmd(spec.DnsServer)} /nodedelete {CmdQuoter.Quote(spec.DnsZone)} isatap /f\n",
            verify.ToString(),
            $"No A, AAAA or CNAME record named isatap remains in {spec.DnsZone}.",
            rollback.ToString());
    }

    /// <summary>Decommission: put isatap back on the block list without dropping any other name.</summary>
    public static StepDraft RestoreBlockList(PlanSpec spec)
    {
        var ps = new PsScript().DnsTargets(spec.DnsServer).Code("""
            $gqbl = Get-DnsServerGlobalQueryBlockList @dnsTarget
            $names = @($gqbl.List | Where-Object { $_ })
            if ($names -notcontains 'isatap' -or -not $gqbl.Enable) {
                # -List REPLACES the whole list: pass every name already on it, plus isatap.
                $newList = @(@($names) + 'isatap' | Select-Object -Unique)
                Set-DnsServerGlobalQueryBlockList @dnsTarget -Enable $true -List $newList
            }
            Get-DnsServerGlobalQueryBlockList @dnsTarget
            """);
        var verify = new PsScript().DnsTargets(spec.DnsServer).Set("stepId", "decommission-inventory").Code(Snippets.StatePaths).Code("""
            $gqbl = Get-DnsServerGlobalQueryBlockList @dnsTarget
            $names = @($gqbl.List)
            if (-not $gqbl.Enable -or $names -notcontains 'isatap') { throw 'isatap is not blocked.' }
            if (Test-Path -Path $stateFile) {
                $before = @((Get-Content -Path $stateFile -Raw | ConvertFrom-Json).BlockList | Where-Object { $_ })
                $lost = @($before | Where-Object { $names -notcontains $_ })
                if ($lost.Count -gt 0) { throw ('Names dropped from the block list: ' + ($lost -join ', ')) }
            }
            'OK: block list = ' + ($names -join ', ')
            """);
        var rollback = new PsScript().DnsTargets(spec.DnsServer).Set("stepId", "decommission-inventory").Code(Snippets.StatePaths).Code(Snippets.LoadState).Code("""
            # Restores the list and its enabled state exactly as the inventory found them (an empty -List is UNVERIFIED).
            Set-DnsServerGlobalQueryBlockList @dnsTarget -Enable ([bool]$state.BlockListEnable) -List @($state.BlockList | Where-Object { $_ })
            """);
        string dnscmd = Snippets.Dnscmd(spec.DnsServer);
        return new StepDraft("dns-restore-block-list", StepTarget.Dns,
            "Put isatap back on the DNS Global Query Block List, keeping every other name",
            GqblWhy + " The PowerShell step reads the current list and passes all of it back with isatap added; the dnscmd form cannot know the list, so type every name /info printed. " +
            "If the list was disabled, enabling it also blocks the other names on it (wpad). Microsoft's lab restarts the DNS Server service after changing the list; whether that is required is UNVERIFIED.",
            ps.ToString(),
            $"{dnscmd} /info /globalqueryblocklist\nREM /config /globalqueryblocklist REPLACES the whole list: name every entry /info printed, plus isatap (the default list is isatap wpad).\n{dnscmd} /config /globalqueryblocklist isatap wpad\n{dnscmd} /config /enableglobalqueryblocklist 1\n",
            verify.ToString(),
            "The list is enabled, contains isatap, and still contains every name it had before (wpad and any others).",
            rollback.ToString());
    }

    /// <summary>Decommission: remove AAAA records with ISATAP addresses of hosts that no longer use ISATAP.</summary>
    public static StepDraft RemoveStaleAaaa(PlanSpec spec)
    {
        const string stepId = "dns-remove-stale-isatap-aaaa";
        PsScript Head() => new PsScript().DnsTargets(spec.DnsServer).Set("zone", spec.DnsZone).SetArray("keep", Snippets.ComputerNames(spec.Targets)).Set("stepId", stepId).Code(Snippets.StatePaths);
        var ps = Head().Code("""
            # Keep the manage-out hosts' records; remove the other AAAA records that carry an ISATAP interface identifier.
            $stale = @(Get-DnsServerResourceRecord @dnsTarget -ZoneName $zone -RRType AAAA | Where-Object {
                $b = $_.RecordData.IPv6Address.GetAddressBytes()
                ($b[8] -band 0xFC) -eq 0 -and $b[9] -eq 0 -and $b[10] -eq 0x5E -and $b[11] -eq 0xFE -and $keep -notcontains ([string]$_.HostName -split '\.')[0]
            })
            $state = [ordered]@{ Removed = @($stale | ForEach-Object { [ordered]@{ Name = [string]$_.HostName; Address = $_.RecordData.IPv6Address.ToString() } }) }
            """).Code(Snippets.SaveStateOnce).Code("""
            foreach ($record in $stale) {
                Remove-DnsServerResourceRecord @dnsTarget -ZoneName $zone -InputObject $record -Force
            }
            Write-Output ('Removed ' + $stale.Count + ' stale ISATAP AAAA record(s).')
            """);
        var verify = new PsScript().DnsTargets(spec.DnsServer).Set("zone", spec.DnsZone).SetArray("keep", Snippets.ComputerNames(spec.Targets)).Code("""
            $left = @(Get-DnsServerResourceRecord @dnsTarget -ZoneName $zone -RRType AAAA | Where-Object {
                $b = $_.RecordData.IPv6Address.GetAddressBytes()
                ($b[8] -band 0xFC) -eq 0 -and $b[9] -eq 0 -and $b[10] -eq 0x5E -and $b[11] -eq 0xFE -and $keep -notcontains ([string]$_.HostName -split '\.')[0]
            })
            if ($left.Count -gt 0) { throw ('ISATAP AAAA records remain (a host re-registered them: is ISATAP still enabled there?): ' + (($left | ForEach-Object { $_.HostName }) -join ', ')) }
            'OK: only manage-out hosts keep ISATAP AAAA records'
            """);
        var rollback = Head().Code(Snippets.LoadState).Code("""
            foreach ($record in @($state.Removed)) {
                Add-DnsServerResourceRecordAAAA @dnsTarget -ZoneName $zone -Name $record.Name -IPv6Address $record.Address -ErrorAction Continue
            }
            """).Code(Snippets.DropState);
        return new StepDraft(stepId, StepTarget.Dns,
            "Remove stale AAAA records that carry ISATAP addresses of hosts that no longer use ISATAP",
            "Hosts registered their ISATAP addresses in DNS. Once ISATAP is gone there, those AAAA records point at unreachable addresses and IPv6-preferring clients try them first. " +
            "Run this last, after ISATAP is disabled on those hosts, or they register the records again. The manage-out targets' records are kept.",
            ps.ToString(), null, verify.ToString(),
            "No AAAA record with an ISATAP interface identifier remains except for the manage-out targets.",
            rollback.ToString());
    }
}
