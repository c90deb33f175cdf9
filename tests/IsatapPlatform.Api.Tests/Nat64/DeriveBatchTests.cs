using System.Net;
using System.Text;
using System.Text.Json;
using IsatapPlatform.Api.Tests.Support;

namespace IsatapPlatform.Api.Tests.Nat64;

public sealed class DeriveBatchTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<HttpResponseMessage> PostAsync(string body) => _client.PostAsync("/api/v1/nat64/derive/batch", Json.Body(body));

    [Fact]
    public async Task Results_are_in_input_order_and_a_bad_item_never_fails_the_batch()
    {
        var response = await PostAsync("""{"prefix":"2001:db8:122:344::/96","ipv4":["192.0.2.33","192.0.2.256",null,7,{"x":1},"10.0.0.1"]}""");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", Json.MediaType(response));
        Json.AssertEqual("""
            {"prefix":"2001:db8:122:344::/96","succeeded":2,"failed":4,"warnings":[],"results":[
              {"ipv4":"192.0.2.33","ipv6":"2001:db8:122:344::c000:221"},
              {"ipv4":"192.0.2.256","error":{"code":"address.invalid","message":"an IPv4 octet must be between 0 and 255 (at position 8)"}},
              {"ipv4":null,"error":{"code":"address.invalid","message":"expected a JSON string holding an IPv4 address"}},
              {"ipv4":7,"error":{"code":"address.invalid","message":"expected a JSON string holding an IPv4 address"}},
              {"ipv4":null,"error":{"code":"address.invalid","message":"expected a JSON string holding an IPv4 address"}},
              {"ipv4":"10.0.0.1","ipv6":"2001:db8:122:344::a00:1"}]}
            """, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Escaped_strings_are_unescaped_and_echoed_text_is_escaped()
    {
        var json = await Json.ReadAsync(await PostAsync("""{"prefix":"64:ff9b::/96","ipv4":["\u0038.8.8.8","<script>\"","\ud800"]}"""));

        var results = json.GetProperty("results");
        Assert.Equal("8.8.8.8", results[0].GetProperty("ipv4").GetString());
        Assert.Equal("64:ff9b::808:808", results[0].GetProperty("ipv6").GetString());
        Assert.Equal("<script>\"", results[1].GetProperty("ipv4").GetString());
        Assert.Equal("address.invalid", results[2].GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Refused_items_of_any_size_keep_their_place()
    {
        // Thousands of small refusals cross the writer's chunk boundaries; one echo is larger than a chunk.
        string huge = new('9', 50_000);
        var items = Enumerable.Range(0, 3000).Select(i => i % 3 == 0 ? $"10.0.{i >> 8}.{i & 255}" : $"bad-{i}").ToList();
        items.Insert(1500, huge);
        var json = await Json.ReadAsync(await PostAsync(JsonSerializer.Serialize(new { prefix = "2001:db8::/96", ipv4 = items })));

        var results = json.GetProperty("results");
        Assert.Equal(3001, results.GetArrayLength());
        Assert.Equal(1000, json.GetProperty("succeeded").GetInt32());
        for (int i = 0; i < items.Count; i++)
            Assert.Equal(items[i], results[i].GetProperty("ipv4").GetString());
        Assert.Equal("address.invalid", results[1500].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("2001:db8::a00:bb5", results[2998].GetProperty("ipv6").GetString()); // item 2997, after the inserted one
    }

    [Fact]
    public async Task A_chunked_body_over_8_MiB_is_413_request_too_large()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"prefix":"2001:db8::/96","ipv4":[]{{new string(' ', 9 * 1024 * 1024)}}}""")));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/nat64/derive/batch") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await Problem.AssertAsync(await factory.Server.CreateClient().SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "request.too-large");
    }

    [Theory]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType, "request.unsupported-media-type")]
    [InlineData("application/json", HttpStatusCode.BadRequest, "request.malformed")]
    public async Task The_body_must_be_a_JSON_object(string contentType, HttpStatusCode status, string code)
    {
        foreach (string body in new[] { "", "null", "[]", "{\"prefix\":\"2001:db8::/96\",\"ipv4\":[]} {}", "{\"prefix\":\"\\ud800\"}" })
            await Problem.AssertAsync(await _client.PostAsync("/api/v1/nat64/derive/batch", Json.Raw(Encoding.UTF8.GetBytes(body), contentType)), status, code);
    }

    [Fact]
    public async Task Strict_policy_refuses_items_and_permissive_policy_warns()
    {
        const string Items = """["10.0.0.1","8.8.8.8"]""";
        var strict = await Json.ReadAsync(await PostAsync($$"""{"prefix":"64:ff9b::/96","ipv4":{{Items}}}"""));
        Assert.Equal(1, strict.GetProperty("failed").GetInt32());
        Assert.Equal("nat64.wkp-non-global", strict.GetProperty("results")[0].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("64:ff9b::808:808", strict.GetProperty("results")[1].GetProperty("ipv6").GetString());

        var permissive = await Json.ReadAsync(await PostAsync($$"""{"prefix":"64:ff9b::/96","ipv4":{{Items}},"policy":"permissive"}"""));
        Assert.Equal(2, permissive.GetProperty("succeeded").GetInt32());
        Assert.Equal("64:ff9b::a00:1", permissive.GetProperty("results")[0].GetProperty("ipv6").GetString());
        Assert.Equal("nat64.wkp-non-global", permissive.GetProperty("results")[0].GetProperty("warning").GetProperty("code").GetString());
        Assert.Equal("nat64.wkp-non-global", Assert.Single(permissive.GetProperty("warnings").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Accepts_100000_items()
    {
        var items = Enumerable.Range(0, 100_000).Select(i => $"10.{i >> 16}.{(i >> 8) & 255}.{i & 255}");
        var response = await PostAsync(JsonSerializer.Serialize(new { prefix = "fd03:b402:e10c:7777::/96", ipv4 = items }));

        var json = await Json.ReadAsync(response);
        Assert.Equal(100_000, json.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, json.GetProperty("failed").GetInt32());
        var results = json.GetProperty("results");
        Assert.Equal(100_000, results.GetArrayLength());
        Assert.Equal("fd03:b402:e10c:7777::a00:0", results[0].GetProperty("ipv6").GetString());
        Assert.Equal("10.1.134.159", results[99_999].GetProperty("ipv4").GetString());
        Assert.Equal("fd03:b402:e10c:7777::a01:869f", results[99_999].GetProperty("ipv6").GetString());
    }

    [Fact]
    public async Task More_than_100000_items_is_413_batch_too_large()
    {
        var body = new StringBuilder("""{"prefix":"fd03:b402:e10c:7777::/96","ipv4":[""");
        for (int i = 0; i <= 100_000; i++) body.Append(i == 0 ? "\"1.1.1.1\"" : ",\"1.1.1.1\"");
        body.Append("]}");

        var response = await PostAsync(body.ToString());

        var problem = await Problem.AssertFieldAsync(response, HttpStatusCode.RequestEntityTooLarge, "batch.too-large", "ipv4");
        Assert.Contains("100001", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_over_8_MiB_is_413_request_too_large()
    {
        string padding = new(' ', 8 * 1024 * 1024);
        var response = await PostAsync($$"""{"prefix":"fd03:b402:e10c:7777::/96","ipv4":[]{{padding}}}""");

        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "request.too-large");
    }

    [Theory]
    [InlineData("""{"prefix":"fd03:b402:e10c:7777::/44","ipv4":["1.1.1.1"]}""", "nat64.prefix-length", "prefix")]
    [InlineData("""{"prefix":"fd03:b402:e10c:7777::/96"}""", "request.field-required", "ipv4")]
    [InlineData("""{"prefix":"fd03:b402:e10c:7777::/96","ipv4":"1.1.1.1"}""", "request.malformed", "ipv4")]
    [InlineData("""{"ipv4":["1.1.1.1"]}""", "request.field-required", "prefix")]
    public async Task A_bad_prefix_or_item_list_fails_the_request(string body, string code, string field)
    {
        await Problem.AssertFieldAsync(await PostAsync(body), HttpStatusCode.BadRequest, code, field);
    }

    [Fact]
    public async Task Normalize_clears_host_bits_with_a_warning()
    {
        var json = await Json.ReadAsync(await PostAsync("""{"prefix":"2001:db8::1/96","ipv4":["1.2.3.4"],"normalize":true}"""));

        Assert.Equal("2001:db8::/96", json.GetProperty("prefix").GetString());
        Assert.Equal("prefix.host-bits", Assert.Single(json.GetProperty("warnings").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal("2001:db8::102:304", json.GetProperty("results")[0].GetProperty("ipv6").GetString());
    }
}
