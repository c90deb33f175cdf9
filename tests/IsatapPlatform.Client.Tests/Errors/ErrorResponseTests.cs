using System.Net;
using System.Net.Http.Headers;
using IsatapPlatform.Addressing;
using IsatapPlatform.Client.Tests.Support;

namespace IsatapPlatform.Client.Tests.Errors;

/// <summary>Every way a call can fail, and the exception type a caller branches on for each.</summary>
public sealed class ErrorResponseTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    private static readonly Nat64Prefix Prefix = Nat64Prefix.Parse("fd03:b402:e10c:7777::/96");
    private static readonly IPv4Address Ipv4 = IPv4Address.Parse("172.16.1.225");

    private const string ProblemJson = "application/problem+json";

    [Fact]
    public async Task A_wrong_base_path_is_not_found()
    {
        var client = service.CreateClient(new Uri("http://localhost/not-isatap/"));

        var e = await Assert.ThrowsAsync<IsatapPlatformNotFoundException>(() => client.DeriveNat64Async(Prefix, Ipv4));

        Assert.Equal(HttpStatusCode.NotFound, e.Status);
    }

    [Fact]
    public async Task A_base_path_is_kept_under_the_root()
    {
        var recorder = new RecordingHandler();
        var client = service.CreateClient(new Uri("http://localhost/isatap"), recorder);

        await Assert.ThrowsAsync<IsatapPlatformNotFoundException>(() => client.CreateSixToFourPrefixAsync(IPv4Address.Parse("131.107.0.1")));

        Assert.Equal("/isatap/api/v1/6to4/prefix", Assert.Single(recorder.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task Too_many_requests_is_rate_limited_with_the_delay()
    {
        var stub = StubHandler.Always((HttpStatusCode)429, """{"status":429,"code":"rate.limited","title":"Too many requests","traceId":"00-abc-01"}""", ProblemJson,
            response => response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));

        var e = await Assert.ThrowsAsync<IsatapPlatformRateLimitedException>(() => stub.CreateClient().DeriveNat64Async(Prefix, Ipv4));

        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.Equal("rate.limited", e.Code);
        Assert.Equal("00-abc-01", e.TraceId);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_5xx_is_a_server_error(HttpStatusCode status)
    {
        var stub = StubHandler.Always(status, """{"status":500,"code":"server.error","title":"Unexpected error","detail":"boom","traceId":"00-def-01"}""", ProblemJson);

        var e = await Assert.ThrowsAsync<IsatapPlatformServerException>(() => stub.CreateClient().CreateSixToFourPrefixAsync(IPv4Address.Parse("131.107.0.1")));

        Assert.Equal(status, e.Status);
        Assert.Equal("server.error", e.Code);
        Assert.Equal("boom", e.Detail);
        Assert.Equal("00-def-01", e.TraceId);
    }

    [Fact]
    public async Task A_gateways_HTML_error_page_is_a_server_error_whose_detail_is_the_body()
    {
        var stub = StubHandler.Always(HttpStatusCode.BadGateway, "<html><body>502 Bad Gateway</body></html>", "text/html");

        var e = await Assert.ThrowsAsync<IsatapPlatformServerException>(() => stub.CreateClient().DeriveDirectAccessPrefixesAsync(IPv4Address.Parse("131.107.0.1")));

        Assert.Null(e.Code);
        Assert.Contains("502 Bad Gateway", e.Detail, StringComparison.Ordinal);
        Assert.Empty(e.Errors);
    }

    [Fact]
    public async Task A_problem_content_type_with_a_body_that_is_not_JSON_is_still_an_error_with_the_text()
    {
        var stub = StubHandler.Always(HttpStatusCode.BadRequest, "not json {", ProblemJson);

        var e = await Assert.ThrowsAsync<IsatapPlatformValidationException>(() => stub.CreateClient().DeriveNat64Async(Prefix, Ipv4));

        Assert.Null(e.Code);
        Assert.Equal("not json {", e.Detail);
    }

    [Fact]
    public async Task Another_4xx_is_the_base_exception()
    {
        var stub = StubHandler.Always(HttpStatusCode.RequestEntityTooLarge, """{"status":413,"code":"request.too-large"}""", ProblemJson);

        var e = await Assert.ThrowsAsync<IsatapPlatformException>(() => stub.CreateClient().DiscoverNat64PrefixAsync([IPv6Address.Parse("64:ff9b::c000:aa")]));

        Assert.Equal(typeof(IsatapPlatformException), e.GetType());
        Assert.Equal("request.too-large", e.Code);
    }

    [Fact]
    public async Task A_200_with_an_HTML_body_is_an_unexpected_response()
    {
        var stub = StubHandler.Always(HttpStatusCode.OK, "<html>captive portal</html>", "text/html");

        var e = await Assert.ThrowsAsync<IsatapPlatformException>(() => stub.CreateClient().DeriveNat64Async(Prefix, Ipv4));

        Assert.Equal(IsatapPlatformClient.UnexpectedResponseCode, e.Code);
        Assert.Equal(HttpStatusCode.OK, e.Status);
        Assert.Contains("/api/v1/nat64/derive", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_200_with_HTML_labelled_as_JSON_is_an_unexpected_response_wrapping_the_JSON_error()
    {
        var stub = StubHandler.Always(HttpStatusCode.OK, "<html>captive portal</html>", "application/json");

        var e = await Assert.ThrowsAsync<IsatapPlatformException>(() => stub.CreateClient().GetFindingCatalogAsync());

        Assert.Equal(IsatapPlatformClient.UnexpectedResponseCode, e.Code);
        Assert.IsType<System.Text.Json.JsonException>(e.InnerException);
    }

    [Theory]
    [InlineData("""{"prefix":"fd03:b402:e10c:7777::/44","ipv4":"172.16.1.225","ipv6":"fd03:b402:e10c:7777::ac10:1e1","ipv6Mixed":"x","reverseName":"y","warnings":[]}""", "'prefix' is not a NAT64 prefix")]
    [InlineData("""{"prefix":"fd03:b402:e10c:7777::/96","ipv4":"172.16.1","ipv6":"fd03:b402:e10c:7777::ac10:1e1","ipv6Mixed":"x","reverseName":"y","warnings":[]}""", "'ipv4' is not an IPv4 address")]
    [InlineData("""{"prefix":"fd03:b402:e10c:7777::/96","ipv4":"172.16.1.225","ipv6Mixed":"x","reverseName":"y"}""", "'ipv6' is missing")]
    [InlineData("""{}""", "'prefix' is missing")]
    [InlineData("""null""", "null")]
    public async Task A_200_whose_JSON_is_not_the_contract_is_an_unexpected_response(string body, string why)
    {
        var stub = StubHandler.Always(HttpStatusCode.OK, body, "application/json");

        var e = await Assert.ThrowsAsync<IsatapPlatformException>(() => stub.CreateClient().DeriveNat64Async(Prefix, Ipv4));

        Assert.Equal(IsatapPlatformClient.UnexpectedResponseCode, e.Code);
        Assert.Contains(why, e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_200_plan_or_diagnosis_without_its_parts_is_an_unexpected_response()
    {
        var stub = StubHandler.Always(HttpStatusCode.OK, """{"warnings":[]}""", "application/json");
        var client = stub.CreateClient();

        var plan = await Assert.ThrowsAsync<IsatapPlatformException>(() => client.CreateIsatapPlanAsync(Plans.PlanRequests.Deploy()));
        var diagnosis = await Assert.ThrowsAsync<IsatapPlatformException>(
            () => client.DiagnoseHostAsync(IsatapPlatform.Diagnostics.Examples.DiagnosisExamples.DisconnectedManagementHost()));

        Assert.Equal(IsatapPlatformClient.UnexpectedResponseCode, plan.Code);
        Assert.Contains("'steps' is missing", plan.Detail, StringComparison.Ordinal);
        Assert.Equal(IsatapPlatformClient.UnexpectedResponseCode, diagnosis.Code);
        Assert.Contains("'host' is missing", diagnosis.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_200_inspection_with_a_bad_Teredo_port_is_an_unexpected_response()
    {
        var stub = StubHandler.Always(HttpStatusCode.OK, """
            {"address":"2001:0:4136:e378:8000:63bf:3fff:fdd2","family":"ipv6","kinds":["teredo","a-kind-from-the-future"],"embeddedIpv4":[],
             "teredo":{"server":"65.54.227.120","client":"192.0.2.45","port":70000,"flags":32768,"cone":true},"reverseName":"r"}
            """, "application/json");

        var e = await Assert.ThrowsAsync<IsatapPlatformException>(() => stub.CreateClient().InspectAddressAsync(IPv6Address.Parse("2001:0:4136:e378:8000:63bf:3fff:fdd2")));

        Assert.Contains("'teredo.port' is 70000", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kinds_and_roles_a_newer_service_adds_are_kept_as_names_and_do_not_fail_the_call()
    {
        var stub = StubHandler.Always(HttpStatusCode.OK, """
            {"address":"2002:836b:1:8000:0:5efe:c0a8:630a","family":"ipv6","kinds":["6to4","a-kind-from-the-future"],
             "embeddedIpv4":[{"role":"6to4","ipv4":"131.107.0.1"},{"role":"a-role-from-the-future","ipv4":"192.0.2.1"}],"reverseName":"r"}
            """, "application/json");

        var inspected = await stub.CreateClient().InspectAddressAsync(IPv6Address.Parse("2002:836b:1:8000:0:5efe:c0a8:630a"));

        Assert.Equal(AddressKinds.SixToFour, inspected.Kinds);
        Assert.Equal(["6to4", "a-kind-from-the-future"], inspected.KindNames);
        Assert.Equal([new EmbeddedIPv4(EmbeddedIPv4Role.SixToFour, IPv4Address.Parse("131.107.0.1"))], inspected.EmbeddedIpv4);
    }

    [Fact]
    public async Task A_transport_failure_stays_an_HttpRequestException()
    {
        var stub = new StubHandler((_, _) => throw new HttpRequestException("Connection refused", null, HttpStatusCode.ServiceUnavailable));

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => stub.CreateClient().DeriveNat64Async(Prefix, Ipv4));

        Assert.Equal("Connection refused", e.Message);
    }

    [Fact]
    public async Task A_problem_body_is_truncated_to_the_limit()
    {
        var stub = StubHandler.Always(HttpStatusCode.ServiceUnavailable, new string('x', 200_000), "text/plain");

        var e = await Assert.ThrowsAsync<IsatapPlatformServerException>(() => stub.CreateClient().GetWindowsCollectorAsync());

        Assert.Equal(64 * 1024, e.Detail!.Length);
    }
}
