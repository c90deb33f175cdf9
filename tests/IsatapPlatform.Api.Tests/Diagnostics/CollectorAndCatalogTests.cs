using System.Net;
using System.Text.Json;
using IsatapPlatform.Api.Tests.Support;
using IsatapPlatform.Diagnostics;
using IsatapPlatform.Diagnostics.Catalog;

namespace IsatapPlatform.Api.Tests.Diagnostics;

/// <summary>GET /api/v1/collectors/windows.ps1 and GET /api/v1/diagnostics/catalog.</summary>
public sealed class CollectorAndCatalogTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_collector_is_served_as_utf8_plain_text_and_parses_with_zero_errors()
    {
        var response = await _client.GetAsync("/api/v1/collectors/windows.ps1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", Json.MediaType(response));
        Assert.Equal("utf-8", response.Content.Headers.ContentType!.CharSet);
        string script = await response.Content.ReadAsStringAsync();
        Assert.Equal(HostDiagnostics.CollectorScript(), script);

        var parsed = PowerShellSafety.Parse(script);
        Assert.True(parsed.Errors.Count == 0, string.Join("\n", parsed.Errors));
        Assert.Contains("ConvertTo-Json", parsed.CommandNames);
        // Read-only: apart from its own helpers, no command changes anything.
        string[] helpers = ["Add-CollectorError", "Get-RegistryValue", "ConvertTo-UInt32"];
        foreach (var name in parsed.CommandNames)
        {
            Assert.NotNull(name);
            if (helpers.Contains(name)) continue;
            Assert.DoesNotContain(name.Split('-')[0], new[] { "Set", "New", "Remove", "Add", "Enable", "Disable", "Start", "Stop", "Restart", "Invoke", "Reset", "Clear", "Install", "Register" });
        }
    }

    [Fact]
    public async Task The_catalog_lists_every_finding_code_with_its_documentation()
    {
        var response = await _client.GetAsync("/api/v1/diagnostics/catalog");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", Json.MediaType(response));
        var catalog = (await Json.ReadAsync(response)).EnumerateArray().ToArray();
        Assert.Equal(FindingCodes.All, catalog.Select(e => e.GetProperty("code").GetString()));
        foreach (var entry in catalog)
        {
            string code = entry.GetProperty("code").GetString()!;
            Assert.Contains(entry.GetProperty("severity").GetString(), new[] { "error", "warning", "info" });
            Assert.NotEmpty(entry.GetProperty("appliesTo").EnumerateArray());
            foreach (var member in new[] { "title", "condition", "why", "remediationPowershell", "verification", "rollback" })
                Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty(member).GetString()), $"{code} has no {member}");
            Assert.NotEmpty(entry.GetProperty("sources").EnumerateArray());
        }
    }

    [Theory]
    [InlineData("POST", "/api/v1/diagnostics/catalog")]
    [InlineData("DELETE", "/api/v1/collectors/windows.ps1")]
    [InlineData("GET", "/api/v1/diagnostics")]
    [InlineData("GET", "/api/v1/isatap/plans")]
    public async Task A_wrong_method_is_405(string method, string url)
    {
        await Problem.AssertAsync(await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)), HttpStatusCode.MethodNotAllowed, "route.method-not-allowed");
    }

    [Fact]
    public async Task Another_collector_name_is_404()
    {
        await Problem.AssertAsync(await _client.GetAsync("/api/v1/collectors/linux.sh"), HttpStatusCode.NotFound, "route.not-found");
    }
}
