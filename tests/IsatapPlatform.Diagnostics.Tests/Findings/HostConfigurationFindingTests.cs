using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Tests.Support;

namespace IsatapPlatform.Diagnostics.Tests.Findings;

/// <summary>Settings that keep ISATAP from coming up: policy, OS defaults, DisabledComponents, IP Helper, the DNS client.</summary>
public class HostConfigurationFindingTests
{
    private static CollectorEvidence NoIsatap() => Collectors.ManagementHost() with { Interfaces = [Collectors.ManagementHost().Interfaces![1]] };

    [Fact]
    public void Isatap_disabled_by_policy_refreshes_policy_instead_of_fighting_the_gpo()
    {
        var d = Requests.Collector(NoIsatap() with { IsatapPolicy = new() { State = "Disabled" } });
        var f = d.Single("isatap.disabled-by-policy");
        Assert.Equal(["collector.isatapPolicy.state = Disabled"], f.Evidence);
        Assert.Contains("Cause found: ISATAP is disabled", d.Single("isatap.adapter-missing").Detail, StringComparison.Ordinal);
        Assert.Contains("gpupdate", d.Step("isatap-policy").Powershell, StringComparison.Ordinal);
        Assert.DoesNotContain(d.Remediation.Steps, s => s.Id.EndsWith("isatap-configuration", StringComparison.Ordinal));
    }

    [Fact]
    public void Isatap_disabled_locally_is_enabled_with_the_expected_router()
    {
        var d = Requests.Collector(NoIsatap() with { IsatapConfiguration = new() { State = "Disabled" } });
        Assert.Contains("not from Group Policy", d.Single("isatap.disabled-by-policy").Detail, StringComparison.Ordinal);
        Assert.Contains("$router = 'isatap-mo.corp.contoso.com'", d.Step("isatap-configuration").Powershell, StringComparison.Ordinal);
    }

    [Fact]
    public void Os_isatap_default_off_on_1703_and_later_unless_enabled()
    {
        var off = Requests.Collector(NoIsatap() with { IsatapConfiguration = new() { State = "Default", Router = "isatap-mo.corp.contoso.com" } });
        var f = off.Single("os.isatap-default-off");
        Assert.Contains("a router name alone no longer enables ISATAP", f.Detail, StringComparison.Ordinal);
        Assert.Equal(["collector.os.buildNumber = 19045", "collector.isatapConfiguration.state = Default"], f.Evidence);

        Requests.Collector(NoIsatap() with { IsatapConfiguration = new() { State = "Default" }, IsatapPolicy = new() { State = "Enabled" } }).Lacks("os.isatap-default-off");
        // ISATAP that is visibly up is not off, whatever state the configuration reports.
        Requests.Collector(Collectors.ManagementHost() with { IsatapConfiguration = new() { State = "Default", Router = "isatap-mo.corp.contoso.com" } }).Lacks("os.isatap-default-off");
        var old = NoIsatap() with { Os = new() { BuildNumber = 9600, ProductType = 3, Version = "6.3.9600" }, IsatapConfiguration = new() { State = "Default" } };
        Requests.Collector(old).Lacks("os.isatap-default-off");
    }

    [Fact]
    public void Os_dns_client_bug_on_windows_10_before_1703_uses_the_plan_engines_workaround_step()
    {
        var d = Requests.Diagnose(Scenarios.All.Single(s => s.Code == "os.dns-client-bug").Request);
        var f = d.Single("os.dns-client-bug");
        Assert.Equal(Severity.Error, f.Severity);
        var step = d.Step("dns-client");
        Assert.Equal("management-host-helpdesk01-dns-client", step.Id);
        Assert.Contains("DisableParallelAandAAAA", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("build 14393", step.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Os_dns_client_bug_on_server_2016_is_a_warning_and_the_applied_workaround_silences_it()
    {
        var server2016 = Collectors.ManagementHost() with { Os = new() { Caption = "Microsoft Windows Server 2016 Standard", BuildNumber = 14393, ProductType = 3 } };
        var f = Requests.Collector(server2016).Single("os.dns-client-bug");
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("UNVERIFIED", f.Detail, StringComparison.Ordinal);
        Requests.Collector(server2016 with { DnsClient = new() { DisableParallelAandAaaa = 1 } }).Lacks("os.dns-client-bug");
    }

    [Theory]
    [InlineData(0xFFL, "reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters /v DisabledComponents /t REG_DWORD /d 0x000000FA /f")]
    [InlineData(-1L, "reg delete HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters /v DisabledComponents /f")]
    [InlineData(0xFFFFFFFFL, "reg delete HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters /v DisabledComponents /f")]
    [InlineData(0x04L, "reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters /v DisabledComponents /t REG_DWORD /d 0x00000000 /f")]
    public void Registry_disabled_components_blocking_isatap_is_cleared_with_a_restart(long value, string reg)
    {
        var d = Requests.Collector(NoIsatap() with { DisabledComponents = new() { Present = true, Value = value } });
        var f = d.Single("registry.disabled-components");
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Contains("restart", f.Detail, StringComparison.OrdinalIgnoreCase);
        var step = d.Step("disabled-components");
        Assert.StartsWith(reg, step.Netsh, StringComparison.Ordinal);
        Assert.Contains("$wanted = [uint32]($value - ($value -band 0x05))", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("Restart the computer", step.Powershell, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_disabled_components_that_do_not_block_isatap_are_fine_on_a_management_host_but_not_on_a_directaccess_server()
    {
        Requests.Collector(NoIsatap() with { DisabledComponents = new() { Present = true, Value = 0x20 } }).Lacks("registry.disabled-components");
        var das = Collectors.DirectAccessServer() with { DisabledComponents = new() { Present = true, Value = 0x10 } };
        var d = Requests.Collector(das, HostRole.DirectAccessServer);
        var f = d.Single("registry.disabled-components");
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("RRAS", f.Detail, StringComparison.Ordinal);
        Assert.Contains("/d 0x00000000", d.Step("disabled-components").Netsh, StringComparison.Ordinal);
        Assert.Contains("$wanted = [uint32]($value -band 0x20)", d.Step("disabled-components").Powershell, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Stopped", "Automatic")]
    [InlineData("Running", "Disabled")]
    public void Service_iphlpsvc_not_running_or_disabled(string status, string startType)
    {
        var d = Requests.Collector(Collectors.ManagementHost() with { IpHelper = new() { Status = status, StartType = startType } });
        Assert.Equal([$"collector.ipHelper = {status} ({startType})"], d.Single("service.iphlpsvc-not-running").Evidence);
        var step = d.Step("ip-helper");
        Assert.Contains("Start-Service -Name 'iphlpsvc'", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("net start iphlpsvc", step.Netsh, StringComparison.Ordinal);
    }

    [Fact]
    public void Preconditions_come_before_the_enable_step_in_the_one_script()
    {
        var d = Requests.Collector(NoIsatap() with
        {
            DisabledComponents = new() { Present = true, Value = 0xFF },
            IpHelper = new() { Status = "Stopped", StartType = "Disabled" },
            IsatapConfiguration = new() { State = "Default", Router = "isatap-mo.corp.contoso.com" },
        });
        Assert.Equal(["helpdesk01-disabled-components", "helpdesk01-ip-helper", "helpdesk01-isatap-configuration"], d.Remediation.Steps.Select(s => s.Id));
        Assert.Equal([1, 2, 3], d.Remediation.Steps.Select(s => s.Order));
        var script = d.Remediation.Powershell;
        Assert.True(script.IndexOf("Step 1:", StringComparison.Ordinal) < script.IndexOf("Step 2:", StringComparison.Ordinal));
        Assert.True(script.IndexOf("Step 2:", StringComparison.Ordinal) < script.IndexOf("Step 3:", StringComparison.Ordinal));
        Assert.Contains("REM ---- Step 3 (management-host)", d.Remediation.Netsh, StringComparison.Ordinal);
    }
}
