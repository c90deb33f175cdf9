using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Tests.Support;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Diagnostics.Tests.Findings;

/// <summary>The DirectAccess server (or standalone router) and the DirectAccess client.</summary>
public class RouterAndClientFindingTests
{
    private static CollectorEvidence AfterReboot() => Collectors.DirectAccessServer().WithInterface(13, i => i with { Forwarding = "Disabled", Advertising = "Disabled", Routes = [] });

    [Fact]
    public void Server_findings_remediate_the_index_the_evidence_proved_never_a_placeholder()
    {
        var d = Requests.Collector(AfterReboot(), HostRole.DirectAccessServer);
        Assert.Equal(["server.forwarding-disabled", "server.advertising-disabled", "server.route-not-published", "server.multiple-isatap-interfaces"], d.Codes());
        var step = Assert.Single(d.Remediation.Steps);
        Assert.Equal(StepTarget.DirectAccessServer, step.Target);
        Assert.Contains("$indexText = '13'", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("$alias = 'isatap.{6B5B1F0C-2E4A-4A7F-9C1D-3E2F1A0B9C8D}'", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("$isatapPrefix = 'fd7f:f787:2112:1::/64'", step.Powershell, StringComparison.Ordinal);
        Assert.DoesNotContain("Get-RemoteAccess", step.Powershell, StringComparison.Ordinal);
        Assert.Equal("netsh interface ipv6 set interface 13 forwarding=enabled advertise=enabled\nnetsh interface ipv6 add route fd7f:f787:2112:1::/64 13 publish=yes\n", step.Netsh);
        Assert.Contains("index 13", d.Remediation.Powershell, StringComparison.Ordinal);
        Assert.DoesNotContain("{INTERNAL-ADAPTER-GUID}", d.Remediation.Netsh, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_multiple_isatap_interfaces_names_the_internal_index_and_why()
    {
        var f = Requests.Collector(AfterReboot(), HostRole.DirectAccessServer).Single("server.multiple-isatap-interfaces");
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("Configure index 13", f.Detail, StringComparison.Ordinal);
        Assert.Contains("GUID of the internal adapter 'Internal'", f.Detail, StringComparison.Ordinal);
        Assert.Contains("index 15", f.Detail, StringComparison.Ordinal);
        Assert.Contains("embeds 131.107.0.1", f.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_multiple_isatap_interfaces_from_ipconfig_alone_uses_expected_router_ipv4()
    {
        var f = Requests.Diagnose(Requests.DirectAccessServer(new HostEvidence { IpconfigAll = Scenarios.DaServerIpconfig })).Single("server.multiple-isatap-interfaces");
        Assert.Contains("Configure index 13", f.Detail, StringComparison.Ordinal);
        Assert.Contains("embeds 10.0.0.1, expected.routerIpv4", f.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_multiple_isatap_interfaces_falls_back_to_the_internal_ipv4_and_then_to_a_stated_heuristic()
    {
        var noGuid = AfterReboot() with { RemoteAccess = Collectors.DirectAccessServer().RemoteAccess! with { InternalInterfaceGuid = null } };
        var byIpv4 = Requests.Collector(noGuid, HostRole.DirectAccessServer, expected: new ExpectedConfiguration());
        Assert.Contains("the internal adapter's IPv4", byIpv4.Single("server.multiple-isatap-interfaces").Detail, StringComparison.Ordinal);

        var nothing = noGuid with { RemoteAccess = null };
        var heuristic = Requests.Collector(nothing, HostRole.DirectAccessServer, expected: new ExpectedConfiguration());
        Assert.Contains("heuristic", heuristic.Single("server.multiple-isatap-interfaces").Detail, StringComparison.Ordinal);
        Assert.Contains("$indexText = '13'", heuristic.Step("isatap-routing").Powershell, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directaccess_server_whose_index_is_not_proven_finds_the_interface_at_run_time()
    {
        var both = AfterReboot().WithInterface(15, i => i with { Forwarding = "Disabled", Advertising = "Disabled", Routes = [], Addresses = [Collectors.Address("fe80::5efe:10.1.0.1%15")] })
            with { RemoteAccess = null };
        var d = Requests.Collector(both, HostRole.DirectAccessServer, expected: new ExpectedConfiguration());
        Assert.Contains("does not show which", d.Single("server.multiple-isatap-interfaces").Detail, StringComparison.Ordinal);
        var step = d.Step("isatap-routing");
        Assert.Contains("Get-RemoteAccess", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("REM The evidence did not prove the index", step.Netsh, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_route_not_published_without_a_known_prefix_uses_get_remoteaccess()
    {
        var das = Collectors.DirectAccessServer().WithInterface(13, i => i with { Routes = [Collectors.Route("fd7f:f787:2112:1::/64", "::", "No")] }) with
        {
            RemoteAccess = Collectors.DirectAccessServer().RemoteAccess! with { InternalIpv6Prefix = "not a prefix" },
        };
        var d = Requests.Collector(das, HostRole.DirectAccessServer, expected: new ExpectedConfiguration());
        Assert.Contains("No published /64 route", d.Single("server.route-not-published").Detail, StringComparison.Ordinal);
        Assert.Contains("$isatapPrefix = [string](Get-RemoteAccess).InternalIPv6Prefix", d.Step("isatap-routing").Powershell, StringComparison.Ordinal);
    }

    [Fact]
    public void Topology_unsupported_load_balancer_is_an_error_for_the_server_and_a_warning_for_nlb()
    {
        var elb = Requests.Collector(Collectors.DirectAccessServer(), HostRole.DirectAccessServer, Requests.Expected with { Topology = Topology.Multisite });
        Assert.Equal(Severity.Error, elb.Single("topology.unsupported-load-balancer").Severity);
        Assert.False(elb.Healthy);
        var nlb = Requests.Collector(Collectors.ManagementHost(), expected: Requests.Expected with { Topology = Topology.Nlb });
        Assert.Equal(Severity.Warning, nlb.Single("topology.unsupported-load-balancer").Severity);
        Assert.True(nlb.Healthy);
    }

    [Theory]
    [InlineData(19045, null, true)]
    [InlineData(17763, 1L, true)]
    [InlineData(17763, null, false)]
    [InlineData(22631, 0L, false)]
    public void Client_dns_registration_disabled_on_2004_and_later_by_default(int build, long? value, bool raised)
    {
        var dac = Collectors.DirectAccessClient() with { Os = new() { BuildNumber = build, ProductType = 1 }, DnsClient = new() { DisableNrptForAdapterRegistration = value } };
        var d = Requests.Collector(dac, HostRole.DirectAccessClient);
        if (!raised) { d.Lacks("client.dns-registration-disabled"); return; }
        d.Single("client.dns-registration-disabled");
        var step = d.Step("dns-registration");
        Assert.Contains("'DisableNRPTForAdapterRegistration' -PropertyType DWord -Value 0", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("if ($env:COMPUTERNAME -ne $computer)", step.Powershell, StringComparison.Ordinal);
    }

    [Fact]
    public void Client_edge_traversal_missing_fixes_local_rules_and_sends_gpo_rules_to_their_gpo()
    {
        var dac = Collectors.DirectAccessClient();
        var rules = new[]
        {
            dac.FirewallRules![0] with { EdgeTraversalPolicy = "Block" },
            dac.FirewallRules[1] with { EdgeTraversalPolicy = "Block", PolicyStoreSourceType = "GroupPolicy", PolicyStoreSource = "corp.contoso.com\\DA Client Firewall" },
        };
        var d = Requests.Collector(dac with { FirewallRules = rules }, HostRole.DirectAccessClient);
        var f = d.Single("client.edge-traversal-missing");
        Assert.Contains("corp.contoso.com\\DA Client Firewall", f.Detail, StringComparison.Ordinal);
        Assert.Equal(2, f.Evidence.Count);
        var step = d.Step("edge-traversal");
        Assert.Contains("$ruleNames = @('RemoteDesktop-UserMode-In-TCP')", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("netsh advfirewall firewall set rule name=\"Remote Desktop - User Mode (TCP-In)\" dir=in new edge=yes", step.Netsh, StringComparison.Ordinal);
        Assert.DoesNotContain("FPS-ICMP6-ERQ-In", step.Powershell, StringComparison.Ordinal);
    }
}
