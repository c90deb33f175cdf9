using System.Net;
using IsatapPlatform.Api.Tests.Support;

namespace IsatapPlatform.Api.Tests.Nat64;

public sealed class ExtractTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<HttpResponseMessage> PostAsync(string body) => _client.PostAsync("/api/v1/nat64/extract", Json.Body(body));

    [Fact]
    public async Task Extracts_with_the_given_prefix()
    {
        var response = await PostAsync("""{"ipv6":"fd03:b402:e10c:7777::ac10:1e1","prefix":"fd03:b402:e10c:7777::/96"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Json.AssertEqual("""{"ipv4":"172.16.1.225","prefix":"fd03:b402:e10c:7777::/96","warnings":[]}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("2001:db8:c000:221::", "2001:db8::/32")]
    [InlineData("2001:db8:1c0:2:21::", "2001:db8:100::/40")]
    [InlineData("2001:db8:122:c000:2:2100::", "2001:db8:122::/48")]
    [InlineData("2001:db8:122:3c0:0:221::", "2001:db8:122:300::/56")]
    [InlineData("2001:db8:122:344:c0:2:2100::", "2001:db8:122:344::/64")]
    [InlineData("2001:db8:122:344::192.0.2.33", "2001:db8:122:344::/96")]
    public async Task Extracts_every_RFC_6052_example(string ipv6, string prefix)
    {
        var json = await Json.ReadAsync(await PostAsync($$"""{"ipv6":"{{ipv6}}","prefix":"{{prefix}}"}"""));

        Assert.Equal("192.0.2.33", json.GetProperty("ipv4").GetString());
    }

    [Fact]
    public async Task Without_a_prefix_the_well_known_prefix_is_tried()
    {
        Json.AssertEqual("""{"ipv4":"8.8.4.4","prefix":"64:ff9b::/96","warnings":[]}""",
            await (await PostAsync("""{"ipv6":"64:ff9b::808:404"}""")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_private_IPv4_under_the_well_known_prefix_is_extracted_with_a_warning()
    {
        var json = await Json.ReadAsync(await PostAsync("""{"ipv6":"64:ff9b::a01:203"}"""));

        Assert.Equal("10.1.2.3", json.GetProperty("ipv4").GetString());
        Assert.Equal("nat64.wkp-non-global", Assert.Single(json.GetProperty("warnings").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Without_a_prefix_the_local_use_prefix_is_tried_with_a_warning()
    {
        var json = await Json.ReadAsync(await PostAsync("""{"ipv6":"64:ff9b:1:c000:2:2100::"}"""));

        Assert.Equal("192.0.2.33", json.GetProperty("ipv4").GetString());
        Assert.Equal("64:ff9b:1::/48", json.GetProperty("prefix").GetString());
        Assert.Equal("nat64.local-use-layout", Assert.Single(json.GetProperty("warnings").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_non_zero_u_octet_is_400_nat64_u_octet()
    {
        await Problem.AssertFieldAsync(await PostAsync("""{"ipv6":"2001:db8:122:344:ff00::c000:221","prefix":"2001:db8:122:344::/64"}"""),
            HttpStatusCode.BadRequest, "nat64.u-octet", "ipv6");
        await Problem.AssertFieldAsync(await PostAsync("""{"ipv6":"64:ff9b:1:c000:ff02:2100::"}"""),
            HttpStatusCode.BadRequest, "nat64.u-octet", "ipv6");
    }

    [Fact]
    public async Task An_address_outside_the_prefix_is_422_nat64_not_in_prefix()
    {
        await Problem.AssertFieldAsync(await PostAsync("""{"ipv6":"2001:db8::1"}"""), HttpStatusCode.UnprocessableEntity, "nat64.not-in-prefix", "ipv6");
        await Problem.AssertFieldAsync(await PostAsync("""{"ipv6":"2001:db9::c000:221","prefix":"2001:db8::/96"}"""),
            HttpStatusCode.UnprocessableEntity, "nat64.not-in-prefix", "ipv6");
    }

    [Theory]
    [InlineData("""{"ipv6":"2001:db8::g"}""", "address.invalid", "ipv6")]
    [InlineData("""{"ipv6":"192.0.2.33"}""", "address.wrong-family", "ipv6")]
    [InlineData("""{}""", "request.field-required", "ipv6")]
    [InlineData("""{"ipv6":"64:ff9b::1","prefix":"64:ff9b::/97"}""", "nat64.prefix-length", "prefix")]
    [InlineData("""{"ipv6":"64:ff9b::1","prefix":"64:ff9b::1/96"}""", "prefix.host-bits", "prefix")]
    public async Task Bad_input_is_a_400_field_problem(string body, string code, string field)
    {
        await Problem.AssertFieldAsync(await PostAsync(body), HttpStatusCode.BadRequest, code, field);
    }
}
