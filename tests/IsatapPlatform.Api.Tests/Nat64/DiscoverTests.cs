using System.Net;
using System.Text.Json;
using IsatapPlatform.Api.Tests.Support;

namespace IsatapPlatform.Api.Tests.Nat64;

public sealed class DiscoverTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<HttpResponseMessage> PostAsync(string body) => _client.PostAsync("/api/v1/nat64/discover", Json.Body(body));

    [Fact]
    public async Task Discovers_the_well_known_prefix_from_the_RFC_7050_answers()
    {
        var response = await PostAsync("""{"addresses":["64:ff9b::c000:aa","64:ff9b::c000:ab"]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Json.AssertEqual("""{"prefix":"64:ff9b::/96","prefixes":["64:ff9b::/96"]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Discovers_a_network_specific_64_and_lists_every_prefix_in_answer_order()
    {
        // 192.0.0.170 under 2001:db8:122:344::/64 sits in bytes 9-12 (RFC 6052 §2.2).
        var json = await Json.ReadAsync(await PostAsync("""{"addresses":["2001:db8:122:344:c0:0:aa00:0","64:ff9b::c000:ab"]}"""));

        Assert.Equal("2001:db8:122:344::/64", json.GetProperty("prefix").GetString());
        Assert.Equal(["2001:db8:122:344::/64", "64:ff9b::/96"], json.GetProperty("prefixes").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task No_well_known_address_is_422_nat64_discovery_failed()
    {
        await Problem.AssertFieldAsync(await PostAsync("""{"addresses":["64:ff9b::808:808"]}"""),
            HttpStatusCode.UnprocessableEntity, "nat64.discovery-failed", "addresses");
    }

    [Theory]
    [InlineData("""{"addresses":["64:ff9b::c000:aa","nope"]}""", "address.invalid", "addresses[1]")]
    [InlineData("""{"addresses":["192.0.0.170"]}""", "address.wrong-family", "addresses[0]")]
    [InlineData("""{"addresses":[null]}""", "request.field-required", "addresses[0]")]
    [InlineData("""{"addresses":[]}""", "request.field-required", "addresses")]
    [InlineData("""{}""", "request.field-required", "addresses")]
    [InlineData("""{"addresses":"64:ff9b::c000:aa"}""", "request.malformed", "addresses")]
    public async Task Bad_input_is_a_400_field_problem(string body, string code, string field)
    {
        await Problem.AssertFieldAsync(await PostAsync(body), HttpStatusCode.BadRequest, code, field);
    }

    [Fact]
    public async Task More_than_1000_answers_is_413_batch_too_large()
    {
        var body = JsonSerializer.Serialize(new { addresses = Enumerable.Repeat("64:ff9b::c000:aa", 1001) });

        await Problem.AssertFieldAsync(await PostAsync(body), HttpStatusCode.RequestEntityTooLarge, "batch.too-large", "addresses");
    }
}
