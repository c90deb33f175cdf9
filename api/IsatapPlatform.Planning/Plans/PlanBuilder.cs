using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Rendering;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Planning.Plans;

/// <summary>Turns a validated <see cref="PlanSpec"/> into ordered steps, warnings and artifacts.</summary>
/// <remarks>Deploy order: DNS (block-list check, A records) → ISATAP router(s) → hosts (GPO or per host),
/// each host verified. Decommission order: inventory → move the remaining manage-out hosts to the unique
/// name and verify them (same steps as deploy) → remove the isatap record → restore the block list →
/// disable ISATAP elsewhere → remove stale ISATAP AAAA records. That order never cuts off a host that
/// still needs manage-out.</remarks>
internal static class PlanBuilder
{
    public const string HostsArtifactName = "hosts-entry.txt";

    public static Plan Build(PlanSpec spec)
    {
        var drafts = new List<StepDraft>(16);
        var extras = new List<ExtraArtifact>(4);
        bool decommission = spec.Mode == PlanMode.Decommission;

        if (decommission) drafts.Add(DnsSteps.Inventory(spec));
        if (spec.Targets.Count > 0) ManageOut(spec, drafts, extras, checkBlockList: !decommission);
        if (decommission)
        {
            drafts.Add(DnsSteps.RemoveGlobalRecord(spec));
            drafts.Add(DnsSteps.RestoreBlockList(spec));
            var disable = DecommissionSteps.DisableElsewhere(spec);
            drafts.Add(disable);
            extras.Add(new ExtraArtifact(DecommissionSteps.DisableScriptFileName, MediaTypes.PowerShell, disable.Powershell));
            drafts.Add(DnsSteps.RemoveStaleAaaa(spec));
        }
        return Assemble(PlanWarnings.For(spec), drafts, extras);
    }

    /// <summary>The addresses the router name stands for (A records, HOSTS, verification next hops).</summary>
    internal static IReadOnlyList<IPv4Address> RouterAddresses(PlanSpec spec) => spec.Topology switch
    {
        Topology.SingleServer => [spec.Servers[0].Ipv4],
        Topology.Nlb => [.. spec.Servers.Select(s => s.Ipv4), spec.VirtualIpv4!.Value],
        _ => [spec.StandaloneRouter!.Ipv4],
    };

    private static void ManageOut(PlanSpec spec, List<StepDraft> drafts, List<ExtraArtifact> extras, bool checkBlockList)
    {
        var method = spec.Method!.Value;
        var addresses = RouterAddresses(spec);
        bool viaDns = method != ConfigurationMethod.HostsFile;

        if (viaDns && checkBlockList) drafts.Add(DnsSteps.CheckBlockList(spec));
        // Never a record named isatap: with allowGlobalName the name must already resolve (see router.global-name).
        if (viaDns && !spec.RouterIsGlobalName) drafts.Add(DnsSteps.RouterRecords(spec, addresses));

        bool standalone = spec.Topology is Topology.ExternalLoadBalancer or Topology.Multisite;
        foreach (var router in standalone ? [spec.StandaloneRouter!] : spec.Servers)
        {
            drafts.Add(RouterSteps.Configure(spec, router, standalone));
            extras.Add(new ExtraArtifact($"Reset-IsatapRouter-{Snippets.Slug(router.ComputerName)}.ps1", MediaTypes.PowerShell, RouterSteps.ResetScript(spec, router, standalone)));
        }

        foreach (var t in spec.Targets)
            if (TargetSteps.HasDnsClientBug(t.Os)) drafts.Add(TargetSteps.DnsClientWorkaround(t));

        if (method == ConfigurationMethod.GroupPolicy)
        {
            drafts.AddRange(GroupPolicySteps.Steps(spec));
            foreach (var t in spec.Targets) drafts.Add(TargetSteps.ApplyPolicy(spec, t, addresses));
            extras.AddRange(GroupPolicySteps.Artifacts(spec));
            return;
        }

        // NLB: a HOSTS entry names one address, the virtual IP (whether Windows uses several HOSTS lines for one name is UNVERIFIED).
        var hostsAddress = spec.Topology == Topology.Nlb ? spec.VirtualIpv4!.Value : addresses[0];
        foreach (var t in spec.Targets) drafts.Add(TargetSteps.ConfigureHost(spec, t, method, addresses, hostsAddress));
        if (method == ConfigurationMethod.HostsFile)
        {
            string line = HostsFileLine.Line(hostsAddress, spec.RouterFqdn!);
            extras.Add(new ExtraArtifact(HostsArtifactName, MediaTypes.Text,
                $"File: {HostsFileLine.WindowsPath}\nAdd this line (once) on each manage-out host:\n\n{line}\n\n" +
                "WARNING: test labs only. HOSTS entries are per host, invisible to DNS administrators, silently stale when the\n" +
                "router moves, and must be removed by hand from every host. The host must also be pointed at the router name\n" +
                "(Set-NetIsatapConfiguration -State Enabled -Router <name>); the plan's steps do both.\n"));
        }
    }

    private static Plan Assemble(List<PlanWarning> warnings, List<StepDraft> drafts, List<ExtraArtifact> extras)
    {
        var steps = new PlanStep[drafts.Count];
        var artifacts = new List<PlanArtifact>(drafts.Count * 4 + extras.Count);
        string width = "D" + Math.Max(2, drafts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        for (int i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            int order = i + 1;
            steps[i] = new PlanStep(order, d.Id, d.Target, d.Title, d.Why, d.Powershell, d.Netsh,
                new StepVerification(d.Verify, d.Expect), new StepRollback(d.Rollback));
            string stem = order.ToString(width, System.Globalization.CultureInfo.InvariantCulture) + "-" + d.Id;
            artifacts.Add(new PlanArtifact(stem + ".ps1", MediaTypes.PowerShell, d.Powershell));
            artifacts.Add(new PlanArtifact(stem + ".verify.ps1", MediaTypes.PowerShell, d.Verify));
            artifacts.Add(new PlanArtifact(stem + ".rollback.ps1", MediaTypes.PowerShell, d.Rollback));
            if (d.Netsh is not null)
                artifacts.Add(new PlanArtifact(stem + ".cmd", MediaTypes.Cmd, "@echo off\nREM cmd.exe equivalent of step " + order.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (see README.txt).\n" + d.Netsh));
        }
        foreach (var e in extras) artifacts.Add(new PlanArtifact(e.FileName, e.MediaType, e.Content));
        return new Plan(warnings, steps, artifacts);
    }
}
