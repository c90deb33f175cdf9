using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Tests.Support;

namespace IsatapPlatform.Planning.Tests;

/// <summary>Every topology x method x OS family, in both modes, and what each plan must contain.</summary>
public class PlanIntegrationTests
{
    public static TheoryData<Topology, ConfigurationMethod, Os> Combinations()
    {
        var data = new TheoryData<Topology, ConfigurationMethod, Os>();
        foreach (var (t, m, os) in Requests.AllCombinations()) data.Add(t, m, os);
        return data;
    }

    private static int IndexOf(Plan plan, Func<PlanStep, bool> match) => plan.Steps.ToList().FindIndex(s => match(s));

    private static void AssertWellFormed(Plan plan)
    {
        Assert.Equal(Enumerable.Range(1, plan.Steps.Count), plan.Steps.Select(s => s.Order));
        Assert.Equal(plan.Steps.Count, plan.Steps.Select(s => s.Id).Distinct().Count());
        foreach (var s in plan.Steps)
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Title) || string.IsNullOrWhiteSpace(s.Why), s.Id);
            Assert.False(string.IsNullOrWhiteSpace(s.Powershell) || string.IsNullOrWhiteSpace(s.Verify.Powershell) || string.IsNullOrWhiteSpace(s.Rollback.Powershell), s.Id);
            Assert.False(string.IsNullOrWhiteSpace(s.Verify.Expect), s.Id);
            Assert.Matches("^[a-z0-9-]+$", s.Id);
        }
        Assert.Equal(plan.Artifacts.Count, plan.Artifacts.Select(a => a.FileName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(plan.Warnings, w => w.Code == WarningCodes.Deprecation);
        // Never a DNS record named isatap.
        foreach (var s in plan.Steps)
        {
            Assert.DoesNotContain("$name = 'isatap'", s.Powershell, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" isatap A ", s.Netsh ?? "", StringComparison.OrdinalIgnoreCase);
            if (s.Powershell.Contains("Add-DnsServerResourceRecord", StringComparison.Ordinal))
                Assert.DoesNotContain("-Name 'isatap'", s.Powershell, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Deploy_plans_configure_dns_the_router_and_each_host_in_order(Topology topology, ConfigurationMethod method, Os os)
    {
        var plan = Requests.Plan(Requests.Deploy(topology, method, os));
        AssertWellFormed(plan);
        var steps = plan.Steps;

        // DNS first (unless HOSTS), then router(s), then hosts.
        int lastDns = steps.ToList().FindLastIndex(s => s.Target == StepTarget.Dns);
        int firstRouter = IndexOf(plan, s => s.Target is StepTarget.DirectAccessServer or StepTarget.IsatapRouter);
        int firstHost = IndexOf(plan, s => s.Target is StepTarget.GroupPolicy or StepTarget.ManagementHost);
        Assert.True(firstRouter >= 0 && firstHost > firstRouter && lastDns < firstRouter);

        var records = steps.SingleOrDefault(s => s.Id == "dns-router-records");
        if (method == ConfigurationMethod.HostsFile) Assert.Null(records);
        else
        {
            Assert.NotNull(records);
            Assert.Contains("Add-DnsServerResourceRecordA", records.Powershell, StringComparison.Ordinal);
            Assert.Contains("/recordadd corp.contoso.com isatap-mo A 10.0.0.", records.Netsh, StringComparison.Ordinal);
            string expected = topology switch
            {
                Topology.SingleServer => "@('10.0.0.1')",
                Topology.Nlb => "@('10.0.0.1', '10.0.0.2', '10.0.0.10')",
                _ => "@('10.0.0.20')",
            };
            Assert.Contains("$addresses = " + expected, records.Powershell, StringComparison.Ordinal);
            var gqbl = steps.Single(s => s.Id == "dns-check-block-list");
            Assert.Contains("replace the whole list", gqbl.Why, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("/info /globalqueryblocklist", gqbl.Netsh, StringComparison.Ordinal);
        }

        var routers = steps.Where(s => s.Target is StepTarget.DirectAccessServer or StepTarget.IsatapRouter).ToArray();
        Assert.Equal(topology == Topology.Nlb ? 2 : 1, routers.Length);
        Assert.All(routers, r =>
        {
            Assert.Equal(topology is Topology.ExternalLoadBalancer or Topology.Multisite ? StepTarget.IsatapRouter : StepTarget.DirectAccessServer, r.Target);
            Assert.Contains("-Forwarding Enabled -Advertising Enabled", r.Powershell, StringComparison.Ordinal);
            Assert.Contains("New-NetRoute -AddressFamily IPv6 -DestinationPrefix $isatapPrefix -InterfaceIndex $index -Publish Yes", r.Powershell, StringComparison.Ordinal);
            Assert.Contains("New-ScheduledTaskTrigger -AtStartup", r.Powershell, StringComparison.Ordinal);
            Assert.Contains("'NT AUTHORITY\\SYSTEM' -RunLevel Highest", r.Powershell, StringComparison.Ordinal);
            Assert.Contains("publish=yes", r.Netsh, StringComparison.Ordinal);
        });
        Assert.Contains(plan.Artifacts, a => a.FileName.StartsWith("Reset-IsatapRouter-", StringComparison.Ordinal));

        bool bug = os is Os.Windows10_1607 or Os.WindowsServer2016;
        Assert.Equal(bug, steps.Any(s => s.Id.EndsWith("-dns-client", StringComparison.Ordinal)));

        switch (method)
        {
            case ConfigurationMethod.GroupPolicy:
                var create = steps.Single(s => s.Id == "group-policy-create");
                Assert.Contains("$key = 'HKLM\\Software\\Policies\\Microsoft\\Windows\\TCPIP\\v6Transition'", create.Powershell, StringComparison.Ordinal);
                Assert.Contains("-ValueName 'ISATAP_RouterName' -Type String -Value $router", create.Powershell, StringComparison.Ordinal);
                Assert.Contains("-ValueName 'ISATAP_State' -Type String -Value 'Enabled'", create.Powershell, StringComparison.Ordinal);
                Assert.Contains("New-GPO -Name $gpoName", create.Powershell, StringComparison.Ordinal);
                Assert.Contains("-PermissionLevel GpoApply", steps.Single(s => s.Id == "group-policy-security-filter").Powershell, StringComparison.Ordinal);
                Assert.Contains("New-GPLink -Name $gpoName -Target $linkTarget", steps.Single(s => s.Id == "group-policy-link").Powershell, StringComparison.Ordinal);
                Assert.True(IndexOf(plan, s => s.Id == "group-policy-link") > IndexOf(plan, s => s.Id == "group-policy-security-filter"), "link after security filter");
                var reg = plan.Artifacts.Single(a => a.FileName == "isatap-manage-out.reg").Content;
                Assert.Equal("Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Windows\\TCPIP\\v6Transition]\n\"ISATAP_RouterName\"=\"isatap-mo.corp.contoso.com\"\n\"ISATAP_State\"=\"Enabled\"\n", reg);
                Assert.Contains(steps, s => s.Id == "management-host-helpdesk01-gpupdate");
                break;
            case ConfigurationMethod.Powershell:
                Assert.Contains("Set-NetIsatapConfiguration -State Enabled -Router $router", steps.Single(s => s.Id == "management-host-helpdesk01-isatap").Powershell, StringComparison.Ordinal);
                break;
            case ConfigurationMethod.Netsh:
                var netsh = steps.Single(s => s.Id == "management-host-helpdesk01-isatap");
                Assert.Contains("netsh interface isatap set router name=isatap-mo.corp.contoso.com state=enabled\nnetsh interface isatap set state state=enabled\n", netsh.Netsh, StringComparison.Ordinal);
                Assert.Contains("MINUTES", netsh.Why, StringComparison.Ordinal);
                Assert.Contains("SECONDS", netsh.Why, StringComparison.Ordinal);
                break;
            case ConfigurationMethod.HostsFile:
                var hosts = plan.Artifacts.Single(a => a.FileName == "hosts-entry.txt").Content;
                string ip = topology switch { Topology.SingleServer => "10.0.0.1", Topology.Nlb => "10.0.0.10", _ => "10.0.0.20" };
                Assert.Contains(@"%SystemRoot%\System32\drivers\etc\hosts", hosts, StringComparison.Ordinal);
                Assert.Contains($"{ip}    isatap-mo.corp.contoso.com    #", hosts, StringComparison.Ordinal);
                Assert.Contains("test labs only", hosts, StringComparison.Ordinal);
                Assert.Contains("Add-Content -Path $hostsPath -Value $line", steps.Single(s => s.Id == "management-host-helpdesk01-isatap").Powershell, StringComparison.Ordinal);
                break;
        }

        // Each host is verified: an address from the prefix and a default route via the router.
        var verify = steps.Last(s => s.Target == StepTarget.ManagementHost && !s.Id.EndsWith("-dns-client", StringComparison.Ordinal)).Verify;
        Assert.Contains("$prefixBytes = '32,2,131,107,0,1,128,0'", verify.Powershell, StringComparison.Ordinal);
        Assert.Contains("-DestinationPrefix '::/0'", verify.Powershell, StringComparison.Ordinal);
        Assert.Contains("Test-Connection -ComputerName $client", verify.Powershell, StringComparison.Ordinal);
        Assert.Contains(topology is Topology.ExternalLoadBalancer or Topology.Multisite ? "fe80::5efe:10.0.0.20" : "fe80::5efe:10.0.0.1", verify.Expect, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Decommission_plans_move_the_remaining_hosts_before_removing_the_global_name(Topology topology, ConfigurationMethod method, Os os)
    {
        var plan = Requests.Plan(Requests.Decommission(topology, method, os));
        AssertWellFormed(plan);
        int inventory = IndexOf(plan, s => s.Id == "dns-inventory");
        int lastHost = plan.Steps.ToList().FindLastIndex(s => s.Id.StartsWith("management-host-helpdesk01", StringComparison.Ordinal));
        int remove = IndexOf(plan, s => s.Id == "dns-remove-global-record");
        int restore = IndexOf(plan, s => s.Id == "dns-restore-block-list");
        int disable = IndexOf(plan, s => s.Id == "management-host-disable-isatap");
        int stale = IndexOf(plan, s => s.Id == "dns-remove-stale-isatap-aaaa");
        Assert.Equal(0, inventory);
        Assert.True(inventory < lastHost && lastHost < remove && remove < restore && restore < disable && disable < stale, string.Join(",", plan.Steps.Select(s => s.Id)));
        Assert.Equal(plan.Steps.Count - 1, stale);
        Assert.DoesNotContain(plan.Steps, s => s.Id == "dns-check-block-list");

        var gqbl = plan.Steps[restore];
        Assert.Contains("$newList = @(@($names) + 'isatap' | Select-Object -Unique)", gqbl.Powershell, StringComparison.Ordinal);
        Assert.Contains("REPLACES the whole list", gqbl.Netsh, StringComparison.Ordinal);
        Assert.Contains("($b[8] -band 0xFC) -eq 0 -and $b[9] -eq 0 -and $b[10] -eq 0x5E -and $b[11] -eq 0xFE", plan.Steps[inventory].Powershell, StringComparison.Ordinal);
        Assert.Contains("$keep = @('HELPDESK01')", plan.Steps[disable].Powershell, StringComparison.Ordinal);
        Assert.Contains(plan.Artifacts, a => a.FileName == "Disable-Isatap.ps1");
    }

    [Fact]
    public void A_decommission_without_targets_only_removes()
    {
        var plan = Requests.Plan(Requests.Decommission(Topology.SingleServer, null));
        Assert.Equal(["dns-inventory", "dns-remove-global-record", "dns-restore-block-list", "management-host-disable-isatap", "dns-remove-stale-isatap-aaaa"], plan.Steps.Select(s => s.Id));
        Assert.Contains(plan.Warnings, w => w.Code == WarningCodes.NoManageOutHosts);
    }

    [Fact]
    public void Mixed_os_families_get_os_specific_steps_per_host()
    {
        var plan = Requests.Plan(Requests.Deploy(Topology.SingleServer, ConfigurationMethod.Powershell, Requests.OsFamilies));
        Assert.Equal(2, plan.Steps.Count(s => s.Id.EndsWith("-dns-client", StringComparison.Ordinal)));
        Assert.Equal(Requests.OsFamilies.Length, plan.Steps.Count(s => s.Id.EndsWith("-isatap", StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_a_dns_server_the_dns_commands_target_the_local_server()
    {
        var r = Requests.Deploy();
        var plan = Requests.Plan(r with { Deployment = r.Deployment! with { DnsServer = null } });
        var records = plan.Steps.Single(s => s.Id == "dns-router-records");
        Assert.Contains("$dnsTarget = @{}", records.Powershell, StringComparison.Ordinal);
        Assert.StartsWith("REM", records.Netsh, StringComparison.Ordinal);
        Assert.Contains("\ndnscmd /recordadd", records.Netsh, StringComparison.Ordinal);
    }

    [Fact]
    public void The_global_name_with_allowGlobalName_creates_no_dns_record()
    {
        var plan = Requests.Plan(Requests.Deploy() with { Router = new RouterSpec { Name = "isatap", AllowGlobalName = true } });
        Assert.DoesNotContain(plan.Steps, s => s.Id == "dns-router-records");
        Assert.Contains(plan.Warnings, w => w.Code == WarningCodes.RouterGlobalName);
    }

    public static TheoryData<string, Func<PlanRequest>> WarningCases() => new()
    {
        { WarningCodes.RouterGlobalName, () => Requests.Deploy() with { Router = new RouterSpec { Name = "isatap", AllowGlobalName = true } } },
        { WarningCodes.TopologyUnsupported, () => Requests.Deploy(Topology.ExternalLoadBalancer) },
        { WarningCodes.TopologyUnsupported, () => Requests.Deploy(Topology.Multisite) },
        { WarningCodes.TopologyNlbUnsupported, () => Requests.Deploy(Topology.Nlb) },
        { WarningCodes.OsIsatapDefaultOff, () => Requests.Deploy(Topology.SingleServer, ConfigurationMethod.GroupPolicy, Os.Windows10_1703OrLater) },
        { WarningCodes.OsIsatapDefaultOff, () => Requests.Deploy(Topology.SingleServer, ConfigurationMethod.GroupPolicy, Os.Windows11) },
        { WarningCodes.OsIsatapDefaultOff, () => Requests.Deploy(Topology.SingleServer, ConfigurationMethod.GroupPolicy, Os.WindowsServer2019OrLater) },
        { WarningCodes.OsDnsClientBug, () => Requests.Deploy(Topology.SingleServer, ConfigurationMethod.GroupPolicy, Os.Windows10_1607) },
        { WarningCodes.OsDnsClientBug, () => Requests.Deploy(Topology.SingleServer, ConfigurationMethod.GroupPolicy, Os.WindowsServer2016) },
        { WarningCodes.MethodHostsNotScalable, () => Requests.Deploy(Topology.SingleServer, ConfigurationMethod.HostsFile) },
        { WarningCodes.Deprecation, () => Requests.Deploy() },
        { WarningCodes.IgnoredField, () => Requests.Deploy(Topology.SingleServer, ConfigurationMethod.Netsh) with { GroupPolicy = Requests.GroupPolicy } },
        { WarningCodes.PublicInternalIpv4, () => Requests.Deploy() with { Deployment = Requests.Deployment(Topology.SingleServer) with { Servers = [new() { Name = "DA01", InternalIpv4 = "131.107.0.1" }] } } },
        { WarningCodes.NoManageOutHosts, () => Requests.Decommission(Topology.SingleServer, null) },
    };

    [Theory]
    [MemberData(nameof(WarningCases))]
    public void Each_warning_code_is_raised_where_it_applies(string code, Func<PlanRequest> request)
        => Assert.Contains(Requests.Plan(request()).Warnings, w => w.Code == code);

    [Theory]
    [InlineData(Os.WindowsServer2012R2)]
    [InlineData(Os.Windows10_1607)]
    public void Os_warnings_are_not_raised_where_they_do_not_apply(Os os)
        => Assert.DoesNotContain(Requests.Plan(Requests.Deploy(Topology.SingleServer, ConfigurationMethod.GroupPolicy, os)).Warnings, w => w.Code == WarningCodes.OsIsatapDefaultOff);

    [Fact]
    public void Every_warning_code_is_covered() => Assert.Equal(
        WarningCodes.All.Order(), WarningCases().Select(row => (string)row[0]).Distinct().Order());
}
