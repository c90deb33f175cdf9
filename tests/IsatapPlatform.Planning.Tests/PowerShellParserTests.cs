using IsatapPlatform.Planning.Tests.Support;

namespace IsatapPlatform.Planning.Tests;

/// <summary>Every generated PowerShell text of every test plan parses with the real parser and invokes
/// only allow-listed commands.</summary>
public class PowerShellParserTests
{
    [Fact]
    public void Every_script_of_every_test_plan_parses_without_errors_and_uses_only_allow_listed_commands()
    {
        int count = 0;
        foreach (var (name, plan) in AllPlans.All)
            foreach (var (context, script) in PowerShellSyntax.Scripts(plan))
            {
                PowerShellSyntax.AssertSafe(script, $"{name} / {context}");
                count++;
            }
        Assert.True(count > 5000, $"only {count} scripts checked");
    }

    [Fact]
    public void The_allow_list_is_exactly_what_the_plans_use()
    {
        var used = AllPlans.All.SelectMany(p => PowerShellSyntax.Scripts(p.Plan))
            .SelectMany(s => PowerShellSafety.Parse(s.Script).CommandNames).OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Empty(PowerShellSyntax.AllowList.Except(used, StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Invoke-Expression 'x'")]
    [InlineData("& $command")]
    [InlineData("iex 'x'")]
    [InlineData("Write-Output 'a'; Format-Volume -DriveLetter C")]
    public void The_checker_itself_rejects_commands_outside_the_allow_list(string script)
        => Assert.ThrowsAny<Exception>(() => PowerShellSyntax.AssertSafe(script, "probe"));

    [Fact]
    public void The_checker_itself_rejects_parse_errors()
        => Assert.ThrowsAny<Exception>(() => PowerShellSyntax.AssertSafe("if ($x) { Write-Output 'a'", "probe"));
}
