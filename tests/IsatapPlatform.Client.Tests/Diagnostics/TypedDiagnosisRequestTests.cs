using System.Reflection;
using System.Text.Json;
using IsatapPlatform.Addressing;
using IsatapPlatform.Client.Tests.Support;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Diagnostics.Examples;

namespace IsatapPlatform.Client.Tests.Diagnostics;

/// <summary>DiagnoseHostAsync with the typed <see cref="IsatapDiagnosisRequest"/>.</summary>
public sealed class TypedDiagnosisRequestTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, IsatapPlatformClient.JsonOptions);

    /// <summary><see cref="DiagnosisExamples.DisconnectedManagementHost"/> as the typed model.</summary>
    private static IsatapDiagnosisRequest Typed()
    {
        var contract = DiagnosisExamples.DisconnectedManagementHost();
        return new IsatapDiagnosisRequest
        {
            Host = contract.Host!,
            Expected = new IsatapExpectedConfiguration
            {
                RouterName = "isatap-mo.corp.contoso.com",
                RouterIpv4 = IPv4Address.Parse("10.0.0.1"),
                IsatapPrefix = IPv6Prefix.Parse("fd7f:f787:2112:1::/64"),
            },
            Evidence = contract.Evidence!,
        };
    }

    private static PropertyInfo[] Properties(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance);

    [Theory]
    [InlineData(typeof(DiagnosisRequest), typeof(IsatapDiagnosisRequest))]
    [InlineData(typeof(ExpectedConfiguration), typeof(IsatapExpectedConfiguration))]
    public void Every_contract_property_has_a_same_named_typed_property(Type contract, Type typed)
    {
        var typedNames = Properties(typed).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(Properties(contract), p => Assert.Contains(p.Name, typedNames));
        Assert.True(typed.IsSealed, typed.Name);
    }

    [Fact]
    public void Every_member_is_mapped_to_the_contract()
    {
        var typed = Typed() with { Expected = Typed().Expected! with { Topology = Topology.Nlb } };

        var mapped = IsatapDiagnosisRequestMapping.ToContract(typed, "request");

        Assert.All(Properties(typeof(DiagnosisRequest)), p => Assert.NotNull(p.GetValue(mapped)));
        Assert.All(Properties(typeof(ExpectedConfiguration)), p => Assert.NotNull(p.GetValue(mapped.Expected)));
        var expected = DiagnosisExamples.DisconnectedManagementHost() with { Expected = DiagnosisExamples.Expected() with { Topology = Topology.Nlb } };
        Assert.Equal(Json(expected), Json(mapped));
    }

    [Fact]
    public async Task The_typed_request_produces_the_same_diagnosis_as_the_contract_request()
    {
        var client = service.CreateClient();

        var typed = await client.DiagnoseHostAsync(Typed());
        var contract = await client.DiagnoseHostAsync(DiagnosisExamples.DisconnectedManagementHost());

        Assert.NotEmpty(typed.Findings);
        Assert.Equal(Json(contract), Json(typed));
    }

    [Fact]
    public async Task Without_an_expected_configuration_nothing_is_sent_for_it()
    {
        var recorder = new RecordingHandler();

        await service.CreateClient(new Uri("http://localhost/"), recorder).DiagnoseHostAsync(Typed() with { Expected = null });

        Assert.DoesNotContain("\"expected\":{", Assert.Single(recorder.Requests).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("default RouterIpv4", "request.Expected.RouterIpv4")]
    [InlineData("default IsatapPrefix", "request.Expected.IsatapPrefix")]
    [InlineData("undefined Topology", "request.Expected.Topology")]
    [InlineData("null Host", "request.Host")]
    [InlineData("null Evidence", "request.Evidence")]
    public void An_invalid_typed_request_throws_with_the_member_before_any_request(string which, string member)
    {
        var transport = new StubHandler((request, _) => throw new InvalidOperationException($"No request should be sent: {request.RequestUri}"));
        var typed = Typed();
        var request = which switch
        {
            "default RouterIpv4" => typed with { Expected = typed.Expected! with { RouterIpv4 = default(IPv4Address) } },
            "default IsatapPrefix" => typed with { Expected = typed.Expected! with { IsatapPrefix = default(IPv6Prefix) } },
            "undefined Topology" => typed with { Expected = typed.Expected! with { Topology = (Topology)42 } },
            "null Host" => typed with { Host = null! },
            "null Evidence" => typed with { Evidence = null! },
            _ => throw new ArgumentOutOfRangeException(nameof(which), which, null),
        };

        var e = Assert.ThrowsAny<ArgumentException>(() => { _ = transport.CreateClient().DiagnoseHostAsync(request); });

        Assert.Equal("request", e.ParamName);
        Assert.Contains(member, e.Message, StringComparison.Ordinal);
        Assert.Equal(0, transport.Calls);
    }

    [Fact]
    public async Task Null_and_cancelled_are_handled_before_any_request()
    {
        var transport = new StubHandler((request, _) => throw new InvalidOperationException($"No request should be sent: {request.RequestUri}"));
        var client = transport.CreateClient();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => { _ = client.DiagnoseHostAsync((IsatapDiagnosisRequest)null!); }).ParamName);
        var task = client.DiagnoseHostAsync(Typed(), cancellation.Token);

        Assert.True(task.IsCanceled);
        Assert.Equal(cancellation.Token, (await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task)).CancellationToken);
        Assert.Equal(0, transport.Calls);
    }
}
