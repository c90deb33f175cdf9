using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Tests.Support;

namespace IsatapPlatform.Diagnostics.Tests.Findings;

/// <summary>What the engine says about the evidence itself.</summary>
public class EvidenceFindingTests
{
    [Fact]
    public void Evidence_unrecognized_is_an_error_when_nothing_could_be_read()
    {
        var d = Requests.Ipconfig("The operation completed successfully.\nPress any key to continue . . .\n");
        var f = d.Single("evidence.unrecognized");
        Assert.Equal(Severity.Error, f.Severity);
        Assert.False(d.Healthy);
        Assert.Equal(["evidence.ipconfigAll: The operation completed successfully.", "evidence.ipconfigAll: Press any key to continue . . ."], f.Evidence);
        Assert.Empty(d.Host.EvidenceRead);
    }

    [Fact]
    public void Evidence_unrecognized_is_a_warning_next_to_readable_evidence()
    {
        var d = Requests.Diagnose(Requests.ManagementHost(new HostEvidence { IpconfigAll = Ipconfig.Document(Ipconfig.IsatapConnected), NetshAddresses = "garbage" }));
        Assert.Equal(Severity.Warning, d.Single("evidence.unrecognized").Severity);
        Assert.True(d.Healthy);
    }

    [Fact]
    public void Output_pasted_into_the_wrong_field_is_read_anyway_and_noted()
    {
        var d = Requests.Diagnose(Requests.ManagementHost(new HostEvidence { IpconfigAll = Text.GetNetIPAddressLinkLocalOnly }));
        var f = d.Single("evidence.unrecognized");
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Contains("read as Get-NetIPAddress output", f.Detail, StringComparison.Ordinal);
        d.Single("isatap.link-local-only");
    }

    [Fact]
    public void Evidence_collector_incomplete_lists_the_items_it_could_not_read()
    {
        var f = Requests.Diagnose(Scenarios.All.Single(s => s.Code == "evidence.collector-incomplete").Request).Single("evidence.collector-incomplete");
        Assert.Equal(["collector.errors: remoteAccess: Access is denied."], f.Evidence);
    }

    [Fact]
    public void Evidence_host_mismatch_quotes_the_line_that_names_the_other_host()
    {
        var f = Requests.Diagnose(Scenarios.All.Single(s => s.Code == "evidence.host-mismatch").Request).Single("evidence.host-mismatch");
        Assert.Equal(["Host Name . . . . . . . . . . . . : HELPDESK01"], f.Evidence);
        // An FQDN in host.name matches the NetBIOS name the evidence prints.
        Requests.Diagnose(Requests.Request("helpdesk01.corp.contoso.com", HostRole.ManagementHost, new HostEvidence { IpconfigAll = Ipconfig.Document(Ipconfig.IsatapConnected) })).Lacks("evidence.host-mismatch");
    }

    [Fact]
    public void Evidence_collector_missing_is_info_and_says_what_was_skipped()
    {
        var f = Requests.Ipconfig(Ipconfig.Document(Ipconfig.IsatapConnected)).Single("evidence.collector-missing");
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Contains("DisabledComponents", f.Detail, StringComparison.Ordinal);
    }
}
