using System.IO.Compression;
using System.Net;
using IsatapPlatform.Client.Tests.Support;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Client.Tests.Plans;

/// <summary>CreateIsatapPlanAsync and CreateIsatapPlanBundleAsync.</summary>
public sealed class IsatapPlanTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task A_deploy_plan_has_ordered_steps_and_script_artifacts()
    {
        var plan = await service.CreateClient().CreateIsatapPlanAsync(PlanRequests.Deploy());

        Assert.NotEmpty(plan.Steps);
        Assert.Equal(Enumerable.Range(1, plan.Steps.Count), plan.Steps.Select(s => s.Order));
        Assert.NotEmpty(plan.Artifacts);
        Assert.All(plan.Artifacts, a => Assert.False(string.IsNullOrEmpty(a.Content)));
        // The router name is the unique label, never the global "isatap".
        Assert.Contains(plan.Artifacts, a => a.Content.Contains("isatap-mo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_README_example_plans_a_PowerShell_deployment_without_Group_Policy()
    {
        var request = new PlanRequest
        {
            Mode = PlanMode.Deploy,
            Deployment = new DeploymentSpec
            {
                Topology = Topology.SingleServer,
                Servers = [new ServerSpec { Name = "DA01", InternalIpv4 = "10.0.0.1" }],
                IsatapPrefix = "2002:836b:1:8000::/64",
                DnsZone = "corp.contoso.com",
            },
            Router = new RouterSpec { Name = "isatap-mo" },
            Method = ConfigurationMethod.Powershell,
            Targets = [new TargetSpec { Name = "HELPDESK01", Os = Os.Windows11 }],
        };

        var plan = await service.CreateClient().CreateIsatapPlanAsync(request);

        Assert.Contains(plan.Steps, s => s.Target == StepTarget.ManagementHost);
        Assert.DoesNotContain(plan.Steps, s => s.Target == StepTarget.GroupPolicy);
    }

    [Fact]
    public async Task A_plan_for_the_global_router_name_is_refused_with_the_field()
    {
        var request = PlanRequests.Deploy() with { Router = new RouterSpec { Name = "isatap" } };

        var e = await Assert.ThrowsAsync<IsatapPlatformValidationException>(() => service.CreateClient().CreateIsatapPlanAsync(request));

        Assert.Equal(HttpStatusCode.BadRequest, e.Status);
        Assert.Equal("router.global-name", e.Code);
        Assert.NotEmpty(Assert.Contains("router.name", e.Errors));
        Assert.False(string.IsNullOrEmpty(e.TraceId));
    }

    [Fact]
    public async Task An_incomplete_plan_request_lists_every_missing_field()
    {
        var request = PlanRequests.Deploy() with { Deployment = PlanRequests.Deploy().Deployment! with { IsatapPrefix = null, DnsZone = null } };

        var e = await Assert.ThrowsAsync<IsatapPlatformValidationException>(() => service.CreateClient().CreateIsatapPlanAsync(request));

        Assert.Contains("deployment.isatapPrefix", e.Errors.Keys);
        Assert.Contains("deployment.dnsZone", e.Errors.Keys);
    }

    [Fact]
    public async Task The_bundle_is_a_zip_named_after_the_mode_and_router()
    {
        var client = service.CreateClient();
        var plan = await client.CreateIsatapPlanAsync(PlanRequests.Deploy());

        await using var bundle = await client.CreateIsatapPlanBundleAsync(PlanRequests.Deploy());

        Assert.Equal("isatap-plan-deploy-isatap-mo.zip", bundle.FileName);
        Assert.True(bundle.Content.CanSeek);
        using var zip = new ZipArchive(bundle.Content, ZipArchiveMode.Read, leaveOpen: true);
        var names = zip.Entries.Select(e => e.FullName).ToArray();
        Assert.All(plan.Artifacts, a => Assert.Contains(names, n => n.EndsWith(a.FileName, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Disposing_the_bundle_disposes_its_stream()
    {
        var bundle = await service.CreateClient().CreateIsatapPlanBundleAsync(PlanRequests.Deploy());

        bundle.Dispose();

        Assert.False(bundle.Content.CanRead);
    }

    [Fact]
    public async Task A_refused_bundle_request_is_the_same_validation_error_as_the_plan()
    {
        var request = PlanRequests.Deploy() with { Router = new RouterSpec { Name = "isatap" } };

        var e = await Assert.ThrowsAsync<IsatapPlatformValidationException>(() => service.CreateClient().CreateIsatapPlanBundleAsync(request));

        Assert.Equal("router.global-name", e.Code);
    }

    [Theory]
    [InlineData("attachment; filename=\"../../etc/passwd\"", "passwd")]
    [InlineData("attachment; filename=\"..\\\\..\\\\evil.zip\"", "evil.zip")]
    [InlineData("attachment; filename=\"..\"", IsatapPlanBundle.DefaultFileName)]
    [InlineData("attachment; filename*=UTF-8''plan%20%C3%A9t%C3%A9.zip", "plan été.zip")]
    [InlineData(null, IsatapPlanBundle.DefaultFileName)]
    public async Task The_file_name_is_never_a_path(string? contentDisposition, string expected)
    {
        var stub = StubHandler.Always(HttpStatusCode.OK, "PK", "application/zip", response =>
        {
            if (contentDisposition is not null) response.Content.Headers.TryAddWithoutValidation("Content-Disposition", contentDisposition);
        });

        await using var bundle = await stub.CreateClient().CreateIsatapPlanBundleAsync(PlanRequests.Deploy());

        Assert.Equal(expected, bundle.FileName);
    }

    [Fact]
    public async Task A_bundle_answer_that_is_not_a_zip_is_an_unexpected_response()
    {
        var stub = StubHandler.Always(HttpStatusCode.OK, "<html>portal</html>", "text/html");

        var e = await Assert.ThrowsAsync<IsatapPlatformException>(() => stub.CreateClient().CreateIsatapPlanBundleAsync(PlanRequests.Deploy()));

        Assert.Equal(IsatapPlatformClient.UnexpectedResponseCode, e.Code);
    }
}
