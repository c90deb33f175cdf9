using System.Management.Automation;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Tests.Support;

namespace IsatapPlatform.Diagnostics.Tests;

/// <summary>The arithmetic of the DisabledComponents step, run by the real PowerShell engine (7.6.9) against stubbed
/// registry cmdlets: REG_DWORD values arrive as signed Int32, and PowerShell's hex literals are Int32 too.</summary>
public class RemediationBehaviorTests
{
    private const string Stubs = """
        $env:ProgramData = [System.IO.Path]::GetTempPath()
        $global:Written = $null
        $global:Deleted = $false
        function global:Test-Path { [CmdletBinding()] param($Path) $true }
        function global:Get-ItemProperty { [CmdletBinding()] param($Path, $Name) if ($null -eq $global:Registry) { return $null }; [pscustomobject]@{ DisabledComponents = [int32]$global:Registry } }
        function global:New-ItemProperty { [CmdletBinding()] param($Path, $Name, $PropertyType, $Value, [switch] $Force) $global:Written = $Value }
        function global:Remove-ItemProperty { [CmdletBinding()] param($Path, $Name) $global:Deleted = $true }
        """;

    private static (object? Written, bool Deleted) Run(string script, int? registry, string computer = "HELPDESK01")
    {
        using var ps = PowerShell.Create();
        ps.AddScript(Stubs + "\n$env:COMPUTERNAME = '" + computer + "'\n$global:Registry = " + (registry is { } r ? r.ToString(System.Globalization.CultureInfo.InvariantCulture) : "$null")).Invoke();
        ps.Commands.Clear();
        ps.AddScript(script).Invoke();
        Assert.Empty(ps.Streams.Error.Select(e => e.ToString()));
        ps.Commands.Clear();
        var written = ps.AddScript("$global:Written").Invoke().SingleOrDefault()?.BaseObject;
        ps.Commands.Clear();
        bool deleted = (bool)ps.AddScript("$global:Deleted").Invoke().Single().BaseObject;
        return (written, deleted);
    }

    private static string Step(HostRole role, long evidence)
    {
        var c = (role == HostRole.DirectAccessServer ? Collectors.DirectAccessServer() : Collectors.ManagementHost()) with { DisabledComponents = new() { Present = true, Value = evidence } };
        return Requests.Collector(c, role).Step("disabled-components").Powershell;
    }

    [Theory]
    [InlineData(0xFF, 0xFA)]              // all of IPv6 off: keep everything but 0x01 and 0x04
    [InlineData(0x24, 0x20)]
    [InlineData(0x05, 0x00)]
    [InlineData(-2, -6)]                  // 0xFFFFFFFE -> 0xFFFFFFFA, written back as the Int32 New-ItemProperty expects
    public void A_management_host_clears_exactly_bits_0x01_and_0x04(int registry, int written)
    {
        var (w, deleted) = Run(Step(HostRole.ManagementHost, 0xFF), registry);
        Assert.Equal(written, Assert.IsType<int>(w));
        Assert.False(deleted);
    }

    [Fact]
    public void A_management_host_deletes_0xFFFFFFFF_and_leaves_harmless_values_alone()
    {
        Assert.Equal((null, true), Run(Step(HostRole.ManagementHost, -1), -1));
        Assert.Equal((null, false), Run(Step(HostRole.ManagementHost, 0xFF), 0x20));
        Assert.Equal((null, false), Run(Step(HostRole.ManagementHost, 0xFF), null));
    }

    [Theory]
    [InlineData(0x10, 0x00)]
    [InlineData(0x3F, 0x20)]
    public void A_directaccess_server_keeps_only_0x20(int registry, int written)
        => Assert.Equal(written, Assert.IsType<int>(Run(Step(HostRole.DirectAccessServer, 0x10), registry, "DA01").Written));

    [Fact]
    public void Every_step_refuses_to_run_on_another_computer()
    {
        var e = Assert.ThrowsAny<RuntimeException>(() => Run(Step(HostRole.DirectAccessServer, 0x10), 0x10, "HELPDESK01"));
        Assert.Contains("Run this step on DA01, not on HELPDESK01.", e.Message, StringComparison.Ordinal);
    }
}
