using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IsatapPlatform.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IsatapPlatform.Api.Tests.Infrastructure;

/// <summary>Every 4xx is RFC 9457 problem+json with a code, whatever went wrong and wherever.</summary>
public sealed class ProblemDetailsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task An_unknown_route_is_404_route_not_found()
    {
        await Problem.AssertAsync(await _client.GetAsync("/api/v2/nothing"), HttpStatusCode.NotFound, "route.not-found");
    }

    [Fact]
    public async Task A_wrong_method_is_405()
    {
        await Problem.AssertAsync(await _client.DeleteAsync("/api/v1/nat64/derive"), HttpStatusCode.MethodNotAllowed, "route.method-not-allowed");
    }

    [Fact]
    public async Task The_problem_is_JSON_even_when_the_client_asks_for_HTML()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/nowhere");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var problem = await Problem.AssertAsync(await _client.SendAsync(request), HttpStatusCode.NotFound, "route.not-found");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Theory]
    [InlineData("""{"prefix":"2001:db8::/96","ipv4":""", "line 1")]
    [InlineData("""[1,2,3]""", "line 1")]
    [InlineData("""{"prefix":"2001:db8::/96","ipv4":"1.2.3.4"} trailing""", "line 1")]
    [InlineData("\"just a string\"", "line 1")]
    [InlineData("{'prefix':'single quotes'}", "line 1")]
    public async Task Malformed_JSON_is_400_request_malformed_with_the_position(string body, string detailMentions)
    {
        var problem = await Problem.AssertAsync(await _client.PostAsync("/api/v1/nat64/derive", Json.Body(body)), HttpStatusCode.BadRequest, "request.malformed");

        Assert.Contains(detailMentions, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task An_empty_body_is_400_request_malformed(string body)
    {
        var problem = await Problem.AssertAsync(await _client.PostAsync("/api/v1/6to4/prefix", Json.Body(body)), HttpStatusCode.BadRequest, "request.malformed");

        Assert.Contains("empty", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task A_non_JSON_media_type_is_415(string? contentType)
    {
        var content = Json.Raw(Encoding.UTF8.GetBytes("""{"ipv4":"131.107.0.1"}"""), contentType);

        await Problem.AssertAsync(await _client.PostAsync("/api/v1/6to4/prefix", content), HttpStatusCode.UnsupportedMediaType, "request.unsupported-media-type");
    }

    [Fact]
    public async Task A_body_over_1_MiB_is_413_request_too_large()
    {
        var body = $$"""{"ipv4":"131.107.0.1"{{new string(' ', 1_100_000)}}}""";

        var problem = await Problem.AssertAsync(await _client.PostAsync("/api/v1/6to4/prefix", Json.Body(body)), HttpStatusCode.RequestEntityTooLarge, "request.too-large");
        Assert.Contains("1048576", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_deeply_nested_body_is_400_not_a_crash()
    {
        string body = new string('[', 10_000) + new string(']', 10_000);

        await Problem.AssertAsync(await _client.PostAsync("/api/v1/nat64/discover", Json.Body(body)), HttpStatusCode.BadRequest, "request.malformed");
    }

    [Fact]
    public async Task Invalid_UTF8_is_400_not_a_crash()
    {
        var content = Json.Raw([.. "{\"ipv4\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8], "application/json");

        var response = await _client.PostAsync("/api/v1/6to4/prefix", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", Json.MediaType(response));
    }

    [Fact]
    public async Task Development_also_answers_with_problem_details_and_no_stack_trace()
    {
        using var development = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Development"));
        var client = development.CreateClient();

        await Problem.AssertAsync(await client.PostAsync("/api/v1/nat64/derive", Json.Body("{")), HttpStatusCode.BadRequest, "request.malformed");
        await Problem.AssertAsync(await client.PostAsync("/api/v1/nat64/derive", Json.Body("")), HttpStatusCode.BadRequest, "request.malformed");
        await Problem.AssertAsync(await client.GetAsync("/api/v1/nat64/derive?prefix=x&ipv4=1.2.3.4&normalize=x"), HttpStatusCode.BadRequest, "request.malformed");
    }
}
