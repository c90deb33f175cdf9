using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Tests.Support;

namespace IsatapPlatform.Diagnostics.Tests.Findings;

/// <summary>The ISATAP interface of a manage-out host, read from pasted text or the collector.</summary>
public class ManagementHostFindingTests
{
    [Theory]
    [MemberData(nameof(Ipconfig.DisconnectedVariants), MemberType = typeof(Ipconfig))]
    public void Isatap_media_disconnected_in_every_language_quotes_the_media_state_line(string language, string text)
    {
        var f = Requests.Ipconfig(text).Single("isatap.media-disconnected");
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Contains(f.Evidence, l => l.Contains(':', StringComparison.Ordinal) && text.Contains(l, StringComparison.Ordinal));
        Assert.NotEmpty(language);
    }

    [Fact]
    public void Isatap_media_disconnected_names_the_unresolved_router_as_the_cause_when_the_collector_shows_it()
    {
        var d = Requests.Diagnose(Scenarios.All.Single(s => s.Name == "collector name does not resolve").Request);
        Assert.Contains("does not resolve", d.Single("isatap.media-disconnected").Detail, StringComparison.Ordinal);
        var dns = d.Single("dns.router-unresolved");
        Assert.Contains("DNS name does not exist", dns.Evidence[0], StringComparison.Ordinal);
        var step = d.Step("dns-router-record");
        Assert.Equal(Contracts.Plans.StepTarget.Dns, step.Target);
        Assert.Contains("$zone = 'corp.contoso.com'", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("$name = 'isatap-mo'", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("$address = '10.0.0.1'", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("dnscmd /recordadd corp.contoso.com isatap-mo A 10.0.0.1", step.Netsh, StringComparison.Ordinal);
        // The DNS step runs on the DNS server: it is listed, not run, by the host's script.
        Assert.Contains("runs elsewhere (dns)", d.Remediation.Powershell, StringComparison.Ordinal);
        Assert.DoesNotContain("Add-DnsServerResourceRecordA", d.Remediation.Powershell, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ipconfig.LinkLocalOnlyVariants), MemberType = typeof(Ipconfig))]
    public void Isatap_link_local_only_in_every_language_points_at_the_router(string language, string text)
    {
        var d = Requests.Ipconfig(text);
        var f = d.Single("isatap.link-local-only");
        Assert.Contains("forwarding and advertising", f.Detail, StringComparison.Ordinal);
        Assert.Contains(f.Evidence, l => l.Contains("5efe:10.0.", StringComparison.Ordinal));
        d.Lacks("isatap.link-local-deprecated");
        Assert.False(d.Healthy, language);
    }

    [Fact]
    public void Isatap_link_local_deprecated_from_the_real_get_netipaddress_sample()
    {
        var d = Requests.Diagnose(Scenarios.All.Single(s => s.Name.StartsWith("Get-NetIPAddress (REFERENCE", StringComparison.Ordinal)).Request);
        var f = d.Single("isatap.link-local-deprecated");
        Assert.Equal("IPAddress         : fe80::5efe:10.10.207.81%6 | AddressState      : Deprecated", Assert.Single(f.Evidence));
        Assert.Contains("protocol 41", f.Detail, StringComparison.Ordinal);
        d.Lacks("isatap.link-local-only");
    }

    [Fact]
    public void Isatap_link_local_deprecated_with_the_collector_names_what_the_router_resolves_to()
    {
        var mh = Collectors.ManagementHost().WithInterface(12, i => i with { Addresses = [Collectors.Address("fe80::5efe:10.0.0.5%12", "Deprecated")], Routes = [] });
        var f = Requests.Collector(mh).Single("isatap.link-local-deprecated");
        Assert.Contains("resolves to 10.0.0.1", f.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Isatap_no_default_gateway_quotes_the_address_and_the_empty_gateway_line()
    {
        var f = Requests.Ipconfig(Ipconfig.Document(Ipconfig.IsatapNoGateway)).Single("isatap.no-default-gateway");
        Assert.Equal(["IPv6 Address. . . . . . . . . . . : fd7f:f787:2112:1:0:5efe:10.0.0.5(Preferred)", "Default Gateway . . . . . . . . . :"], f.Evidence);
    }

    [Fact]
    public void Isatap_no_default_gateway_behind_an_external_load_balancer_says_so()
    {
        var d = Requests.Ipconfig(Ipconfig.Document(Ipconfig.IsatapNoGateway), Requests.Expected with { Topology = Contracts.Plans.Topology.ExternalLoadBalancer });
        Assert.Contains("external load balancer", d.Single("isatap.no-default-gateway").Detail, StringComparison.Ordinal);
        Assert.Equal(Severity.Warning, d.Single("topology.unsupported-load-balancer").Severity);
    }

    [Fact]
    public void Isatap_router_mismatch_from_the_configured_router_points_the_host_at_the_expected_one()
    {
        var d = Requests.Diagnose(Scenarios.All.Single(s => s.Name == "collector other router").Request);
        var f = d.Single("isatap.router-mismatch");
        Assert.Contains("isatap-old.corp.contoso.com", f.Detail, StringComparison.Ordinal);
        Assert.Contains("resolves to 10.0.9.1, not 10.0.0.1", f.Detail, StringComparison.Ordinal);
        var step = d.Step("isatap-configuration");
        Assert.Contains("$router = 'isatap-mo.corp.contoso.com'", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("Set-NetIsatapConfiguration -State Enabled -Router $router", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("netsh interface isatap set router name=isatap-mo.corp.contoso.com state=enabled", step.Netsh, StringComparison.Ordinal);
        Assert.Contains("$prefixBytes", step.Verify.Powershell, StringComparison.Ordinal);
        Assert.Contains("Reset-NetIsatapConfiguration -Router", step.Rollback.Powershell, StringComparison.Ordinal);
    }

    [Fact]
    public void Isatap_router_mismatch_from_an_address_outside_the_expected_prefix()
    {
        var text = Ipconfig.Document(Ipconfig.IsatapConnected.Replace("fd7f:f787:2112:1:0:5efe", "fd83:fc34:2112:1:0:5efe", StringComparison.Ordinal));
        var f = Requests.Ipconfig(text).Single("isatap.router-mismatch");
        Assert.Contains("not in the expected prefix fd7f:f787:2112:1::/64", f.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Isatap_router_mismatch_from_group_policy_asks_for_the_gpo_and_refreshes_policy()
    {
        var mh = Collectors.ManagementHost() with { IsatapPolicy = new() { State = "Enabled", RouterName = "isatap-old.corp.contoso.com" } };
        var d = Requests.Collector(mh);
        Assert.Contains("by Group Policy", d.Single("isatap.router-mismatch").Detail, StringComparison.Ordinal);
        var step = d.Step("isatap-policy");
        Assert.Contains("gpupdate /target:computer /force", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("ISATAP_RouterName", step.Powershell, StringComparison.Ordinal);
        Assert.DoesNotContain(d.Remediation.Steps, s => s.Id.EndsWith("isatap-configuration", StringComparison.Ordinal));
    }

    [Fact]
    public void Isatap_adapter_missing_lists_the_adapters_that_were_seen()
    {
        var f = Requests.Ipconfig(Ipconfig.Document(Ipconfig.Teredo)).Single("isatap.adapter-missing");
        Assert.Equal(["Ethernet adapter Ethernet:", "Wireless LAN adapter Wi-Fi:", "Tunnel adapter Teredo Tunneling Pseudo-Interface:"], f.Evidence);
    }

    [Fact]
    public void Isatap_adapter_missing_is_not_claimed_from_address_lists_alone()
    {
        // A disconnected ISATAP interface has no address, so Get-NetIPAddress cannot prove it is missing.
        var d = Requests.Diagnose(Requests.ManagementHost(new HostEvidence { GetNetIpAddress = Text.GetNetIPAddress[Text.GetNetIPAddress.IndexOf("IPAddress         : 2001", StringComparison.Ordinal)..] }));
        d.Lacks("isatap.adapter-missing");
    }

    [Fact]
    public void Dns_router_is_global_isatap_when_no_router_is_configured()
    {
        var mh = Collectors.ManagementHost() with { IsatapConfiguration = new() { State = "Enabled", Router = "" }, RouterResolution = new() { Name = "isatap", Source = "default", Addresses = ["10.0.0.1"] } };
        var d = Requests.Collector(mh);
        Assert.Contains("default single-label name ISATAP", d.Single("dns.router-is-global-isatap").Detail, StringComparison.Ordinal);
        Assert.Equal(Severity.Warning, d.Single("dns.router-is-global-isatap").Severity);
        Assert.Contains("$router = 'isatap-mo.corp.contoso.com'", d.Step("isatap-configuration").Powershell, StringComparison.Ordinal);
    }

    [Fact]
    public void Dns_router_unresolved_for_the_name_isatap_never_creates_that_record()
    {
        var mh = Collectors.ManagementHost() with { IsatapConfiguration = new() { State = "Enabled", Router = "" }, RouterResolution = new() { Name = "isatap", Source = "default", Addresses = [], Error = "DNS name does not exist" } };
        var d = Requests.Collector(mh, expected: Requests.Expected with { RouterName = "isatap.corp.contoso.com" });
        Assert.Contains("Global Query Block List", d.Single("dns.router-unresolved").Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(d.Remediation.Steps, s => s.Id == "dns-router-record");
        d.Single("dns.router-is-global-isatap");
    }

    [Fact]
    public void Without_expected_values_the_enable_step_keeps_the_router_the_host_has()
    {
        var mh = Collectors.ManagementHost() with { Interfaces = [Collectors.ManagementHost().Interfaces![1]], IsatapConfiguration = new() { State = "Default", Router = "isatap-mo.corp.contoso.com" } };
        var d = Requests.Diagnose(Requests.Request("HELPDESK01", HostRole.ManagementHost, new HostEvidence { Collector = mh }));
        var step = d.Step("isatap-configuration");
        Assert.DoesNotContain("$router = '", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("$router = [string]$current.Router", step.Powershell, StringComparison.Ordinal);
        Assert.Contains("REM The evidence names no router", step.Netsh, StringComparison.Ordinal);
    }
}
