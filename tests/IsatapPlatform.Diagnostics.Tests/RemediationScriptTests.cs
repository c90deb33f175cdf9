using IsatapPlatform.Diagnostics.Tests.Support;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Diagnostics.Tests;

/// <summary>Every remediation script of every scenario parses with the real PowerShell parser and calls only
/// allow-listed commands; the one script holds exactly the diagnosed host's steps, each behind its computer guard.</summary>
public class RemediationScriptTests
{
    public static TheoryData<string> ScenarioNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Scenarios.All.Select(s => s.Name)) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Every_script_parses_without_errors_and_uses_only_allow_listed_commands(string name)
    {
        var d = Requests.Diagnose(Scenarios.All.Single(s => s.Name == name).Request);
        foreach (var (context, script) in PowerShellSyntax.Scripts(d))
            PowerShellSyntax.AssertSafe(script, $"{name} / {context}");
    }

    [Fact]
    public void The_allow_list_is_exactly_what_the_scripts_use()
    {
        var used = Scenarios.All.Select(s => Requests.Diagnose(s.Request)).SelectMany(PowerShellSyntax.Scripts)
            .SelectMany(s => PowerShellSafety.Parse(s.Script).CommandNames).OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Empty(PowerShellSyntax.RemediationAllowList.Except(used, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_one_script_holds_the_hosts_steps_in_order_and_lists_the_others()
    {
        foreach (var (_, name, request) in Scenarios.All)
        {
            var d = Requests.Diagnose(request);
            var target = request.Host!.Role switch
            {
                Contracts.Diagnostics.HostRole.DirectAccessServer => StepTarget.DirectAccessServer,
                Contracts.Diagnostics.HostRole.IsatapRouter => StepTarget.IsatapRouter,
                _ => StepTarget.ManagementHost,
            };
            int at = 0;
            foreach (var s in d.Remediation.Steps)
            {
                if (s.Target == target)
                {
                    int i = d.Remediation.Powershell.IndexOf(s.Powershell, at, StringComparison.Ordinal);
                    Assert.True(i >= at, $"{name}: step {s.Id} missing or out of order in the one script");
                    at = i + s.Powershell.Length;
                    Assert.Contains("if ($env:COMPUTERNAME -ne $computer)", s.Powershell, StringComparison.Ordinal);
                }
                else
                {
                    Assert.DoesNotContain(s.Powershell, d.Remediation.Powershell, StringComparison.Ordinal);
                    Assert.Contains($"# Step {s.Order} runs elsewhere", d.Remediation.Powershell, StringComparison.Ordinal);
                }
                Assert.Equal(s.Order, d.Remediation.Steps.ToList().IndexOf(s) + 1);
                if (s.Netsh is not null) Assert.Contains(s.Netsh, d.Remediation.Netsh, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_step_records_state_before_it_changes_anything_and_its_rollback_reads_it()
    {
        foreach (var s in Scenarios.All.Select(x => Requests.Diagnose(x.Request)).SelectMany(d => d.Remediation.Steps).DistinctBy(s => s.Id))
        {
            if (s.Id.EndsWith("isatap-policy", StringComparison.Ordinal)) continue; // only refreshes and reads policy
            int save = s.Powershell.IndexOf("Set-Content -Path $stateFile", StringComparison.Ordinal);
            Assert.True(save > 0, $"{s.Id} saves no state");
            foreach (var change in new[] { "Set-NetIsatapConfiguration", "Set-NetIPInterface", "New-NetRoute", "New-ItemProperty", "Remove-ItemProperty", "Set-Service", "Start-Service", "Set-NetFirewallRule", "Add-DnsServerResourceRecordA" })
            {
                int i = s.Powershell.IndexOf(change, StringComparison.Ordinal);
                Assert.True(i < 0 || i > save, $"{s.Id}: {change} before the state is saved");
            }
            Assert.Contains("Get-Content -Path $stateFile", s.Rollback.Powershell, StringComparison.Ordinal);
        }
    }
}
