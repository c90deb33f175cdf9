using System.Net;
using IsatapPlatform.Client.Tests.Support;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Examples;

namespace IsatapPlatform.Client.Tests.Diagnostics;

/// <summary>DiagnoseHostAsync, GetFindingCatalogAsync and GetWindowsCollectorAsync.</summary>
public sealed class DiagnosticsClientTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task A_disconnected_ISATAP_adapter_is_diagnosed_with_the_fix()
    {
        var diagnosis = await service.CreateClient().DiagnoseHostAsync(DiagnosisExamples.DisconnectedManagementHost());

        Assert.False(diagnosis.Healthy);
        Assert.Equal(["isatap.media-disconnected", "evidence.collector-missing"], diagnosis.Findings.Select(f => f.Code));
        Assert.Equal("HELPDESK01", diagnosis.Host.Name);
        Assert.Contains("Set-NetIsatapConfiguration", diagnosis.Remediation.Powershell, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_a_host_name_is_refused_with_the_field()
    {
        var request = DiagnosisExamples.DisconnectedManagementHost() with { Host = new DiagnosedHost { Role = HostRole.ManagementHost } };

        var e = await Assert.ThrowsAsync<IsatapPlatformValidationException>(() => service.CreateClient().DiagnoseHostAsync(request));

        Assert.Equal(HttpStatusCode.BadRequest, e.Status);
        Assert.Contains("host.name", e.Errors.Keys);
    }

    [Fact]
    public async Task The_catalog_documents_every_finding_a_diagnosis_reports()
    {
        var client = service.CreateClient();

        var catalog = await client.GetFindingCatalogAsync();
        var diagnosis = await client.DiagnoseHostAsync(DiagnosisExamples.DisconnectedManagementHost());

        Assert.NotEmpty(catalog);
        Assert.Equal(catalog.Count, catalog.Select(e => e.Code).Distinct().Count());
        Assert.All(diagnosis.Findings, f => Assert.Contains(catalog, e => e.Code == f.Code));
        var entry = catalog.Single(e => e.Code == "isatap.media-disconnected");
        Assert.Equal(Severity.Error, entry.Severity);
        Assert.False(string.IsNullOrEmpty(entry.RemediationPowershell));
    }

    [Fact]
    public async Task The_collector_is_the_PowerShell_script_as_text()
    {
        var recorder = new RecordingHandler();
        var script = await service.CreateClient(new Uri("http://localhost/"), recorder).GetWindowsCollectorAsync();

        Assert.Contains("Get-Net", script, StringComparison.Ordinal);
        Assert.Contains("ConvertTo-Json", script, StringComparison.Ordinal);
        Assert.Equal("/api/v1/collectors/windows.ps1", Assert.Single(recorder.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_collector_answer_that_is_not_text_is_an_unexpected_response()
    {
        var stub = StubHandler.Always(HttpStatusCode.OK, "<html>sign in</html>", "text/html");

        var e = await Assert.ThrowsAsync<IsatapPlatformException>(() => stub.CreateClient().GetWindowsCollectorAsync());

        Assert.Equal(IsatapPlatformClient.UnexpectedResponseCode, e.Code);
        Assert.Equal(HttpStatusCode.OK, e.Status);
    }
}
