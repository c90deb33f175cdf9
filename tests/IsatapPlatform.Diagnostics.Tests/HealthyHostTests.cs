using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Tests.Support;

namespace IsatapPlatform.Diagnostics.Tests;

/// <summary>A host with nothing wrong is healthy: no error finding, nothing to change, and the facts read back.</summary>
public class HealthyHostTests
{
    private static void AssertHealthy(Diagnosis d)
    {
        Assert.True(d.Healthy, string.Join("\n", d.Findings.Select(f => $"{f.Severity} {f.Code}: {f.Detail}")));
        Assert.DoesNotContain(d.Findings, f => f.Severity == Severity.Error);
        Assert.Empty(d.Remediation.Steps);
        Assert.Contains("Nothing to change", d.Remediation.Powershell, StringComparison.Ordinal);
        PowerShellSyntax.AssertSafe(d.Remediation.Powershell, "healthy remediation");
    }

    [Fact]
    public void A_healthy_management_host_with_collector_and_ipconfig_has_no_findings()
    {
        var d = Requests.Collector(Collectors.ManagementHost(), ipconfig: Ipconfig.Document(Ipconfig.IsatapConnected, Ipconfig.Teredo));
        AssertHealthy(d);
        Assert.Empty(d.Findings);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public void A_healthy_management_host_from_ipconfig_alone_is_healthy_with_only_the_collector_hint(string language)
    {
        var d = Requests.Ipconfig(language == "de" ? Ipconfig.GermanHealthy : Ipconfig.Document(Ipconfig.IsatapConnected, Ipconfig.Teredo));
        AssertHealthy(d);
        Assert.Equal(["evidence.collector-missing"], d.Codes());
        Assert.Equal(Severity.Info, d.Findings[0].Severity);
    }

    [Fact]
    public void A_healthy_directaccess_server_only_names_its_internal_isatap_interface()
    {
        var d = Requests.Collector(Collectors.DirectAccessServer(), HostRole.DirectAccessServer);
        AssertHealthy(d);
        var f = d.Single("server.multiple-isatap-interfaces");
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Contains("Configure index 13", f.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_healthy_standalone_isatap_router_is_healthy()
    {
        var router = Collectors.DirectAccessServer() with
        {
            ComputerName = "ISATAP01", RemoteAccess = null,
            IsatapConfiguration = new() { State = "Enabled", Router = "10.0.0.9" },
            RouterResolution = new() { Name = "10.0.0.9", Source = "isatap-configuration", IsIpv4Literal = true, Addresses = [] },
            Interfaces =
            [
                new()
                {
                    InterfaceIndex = 7, InterfaceAlias = "isatap.{11111111-2222-3333-4444-555555555555}", Kind = "isatap", ConnectionState = "Connected",
                    Forwarding = "Enabled", Advertising = "Enabled", NlMtu = 1280,
                    Addresses = [Collectors.Address("fe80::5efe:10.0.0.9%7"), Collectors.Address("fd7f:f787:2112:1:0:5efe:10.0.0.9", prefixLength: 64)],
                    Routes = [Collectors.Route("fd7f:f787:2112:1::/64", "::", "Yes")],
                },
            ],
        };
        AssertHealthy(Requests.Collector(router, HostRole.IsatapRouter, Requests.Expected with { RouterIpv4 = "10.0.0.9", RouterName = null }));
    }

    [Fact]
    public void A_healthy_directaccess_client_has_no_findings()
    {
        var d = Requests.Collector(Collectors.DirectAccessClient(), HostRole.DirectAccessClient);
        AssertHealthy(d);
        Assert.Empty(d.Findings);
    }

    [Fact]
    public void The_facts_decode_every_embedded_ipv4_with_the_addressing_library()
    {
        var d = Requests.Collector(Collectors.ManagementHost(), ipconfig: Ipconfig.Document(Ipconfig.IsatapConnected, Ipconfig.Teredo));
        Assert.Equal("HELPDESK01", d.Host.ComputerName);
        Assert.Equal(["collector", "ipconfigAll"], d.Host.EvidenceRead.Order());
        Assert.Equal(19045, d.Host.Os!.Build);
        Assert.True(d.Host.Os.IsatapOffByDefault);
        Assert.Equal("Enabled", d.Host.Isatap!.State);

        var isatap = Assert.Single(d.Host.Interfaces, i => i.Kind == InterfaceKind.Isatap);
        Assert.Equal(12, isatap.Index);
        Assert.Equal(LinkState.Connected, isatap.State);
        Assert.Equal(["collector", "ipconfigAll"], isatap.Sources.Order());
        var global = Assert.Single(isatap.Addresses, a => a.Address == "fd7f:f787:2112:1:0:5efe:a00:5");
        Assert.Equal("fd7f:f787:2112:1:0:5efe:10.0.0.5", global.Display);
        Assert.Equal([new EmbeddedIpv4Facts("isatap", "10.0.0.5")], global.EmbeddedIpv4);
        Assert.Contains("unique-local", global.Kinds);
        Assert.Contains("isatap", global.Kinds);
        var ll = Assert.Single(isatap.Addresses, a => a.Address == "fe80::5efe:a00:5");
        Assert.Equal("12", ll.Zone);
        Assert.Equal(AddressState.Preferred, ll.State);
        Assert.Equal("fe80::5efe:10.0.0.1", Assert.Single(isatap.DefaultGateways).Display);

        // The Teredo address of the REFERENCE §6.4 sample decodes to server 40.81.120.44 and the host's own IPv4 as client.
        var teredo = Assert.Single(d.Host.Interfaces, i => i.Kind == InterfaceKind.Teredo);
        var t = Assert.Single(teredo.Addresses, a => a.Kinds.Contains("teredo"));
        Assert.Equal([new EmbeddedIpv4Facts("teredo-server", "40.81.120.44"), new EmbeddedIpv4Facts("teredo-client", "10.10.207.81")], t.EmbeddedIpv4);
    }
}

public class DiagnosisExamplesTests
{
    [Fact]
    public void The_benchmark_input_is_a_healthy_200_line_ipconfig()
    {
        var request = Examples.DiagnosisExamples.ManagementHostFromIpconfig();
        Assert.Equal(200, request.Evidence!.IpconfigAll!.Split('\n').Length);
        var d = Requests.Diagnose(request);
        Assert.True(d.Healthy);
        Assert.True(d.Host.Interfaces.Count(i => i.Kind == InterfaceKind.Isatap) > 10);
    }

    [Fact]
    public void The_disconnected_example_raises_media_disconnected()
        => Requests.Diagnose(Examples.DiagnosisExamples.DisconnectedManagementHost()).Single("isatap.media-disconnected");
}
