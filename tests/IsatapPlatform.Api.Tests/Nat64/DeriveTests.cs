using System.Net;
using IsatapPlatform.Api.Tests.Support;

namespace IsatapPlatform.Api.Tests.Nat64;

public sealed class DeriveTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    // The issue 3 contract example, byte for byte, except the reverse name: the issue prints
    // "...7.7.7.7.c.0.e.1.2.0.4.b..." but the nibbles of group e10c reversed are c.0.1.e (RFC 3596 §2.5;
    // Python's ipaddress gives the same). The API emits the correct name.
    private const string WorkedExample =
        """{"prefix":"fd03:b402:e10c:7777::/96","ipv4":"172.16.1.225","ipv6":"fd03:b402:e10c:7777::ac10:1e1","ipv6Mixed":"fd03:b402:e10c:7777::172.16.1.225","reverseName":"1.e.1.0.0.1.c.a.0.0.0.0.0.0.0.0.7.7.7.7.c.0.1.e.2.0.4.b.3.0.d.f.ip6.arpa","warnings":[]}""";

    [Fact]
    public async Task Post_derives_the_DirectAccess_worked_example_exactly()
    {
        var response = await _client.PostAsync("/api/v1/nat64/derive", Json.Body("""{"prefix":"fd03:b402:e10c:7777::/96","ipv4":"172.16.1.225"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", Json.MediaType(response));
        Assert.Equal(WorkedExample, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_gives_the_same_answer_as_post()
    {
        var response = await _client.GetAsync("/api/v1/nat64/derive?prefix=fd03:b402:e10c:7777::/96&ipv4=172.16.1.225");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WorkedExample, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_accepts_a_percent_encoded_slash_and_the_options()
    {
        var response = await _client.GetAsync("/api/v1/nat64/derive?prefix=fd03%3Ab402%3Ae10c%3A7777%3A%3A%2F96&ipv4=172.16.1.225&policy=strict&normalize=false");

        Assert.Equal(WorkedExample, await response.Content.ReadAsStringAsync());
    }

    // RFC 6052 §2.4, every row (192.0.2.33), in RFC 5952 canonical form (REFERENCE.md §1.3).
    [Theory]
    [InlineData("2001:db8::/32", "2001:db8:c000:221::", "2001:db8:c000:221::")]
    [InlineData("2001:db8:100::/40", "2001:db8:1c0:2:21::", "2001:db8:1c0:2:21::")]
    [InlineData("2001:db8:122::/48", "2001:db8:122:c000:2:2100::", "2001:db8:122:c000:2:2100::")]
    [InlineData("2001:db8:122:300::/56", "2001:db8:122:3c0:0:221::", "2001:db8:122:3c0:0:221::")]
    [InlineData("2001:db8:122:344::/64", "2001:db8:122:344:c0:2:2100:0", "2001:db8:122:344:c0:2:2100:0")]
    [InlineData("2001:db8:122:344::/96", "2001:db8:122:344::c000:221", "2001:db8:122:344::192.0.2.33")]
    public async Task Derives_every_RFC_6052_example(string prefix, string ipv6, string mixed)
    {
        var json = await Json.ReadAsync(await _client.PostAsync("/api/v1/nat64/derive", Json.Body($$"""{"prefix":"{{prefix}}","ipv4":"192.0.2.33"}""")));

        Assert.Equal(ipv6, json.GetProperty("ipv6").GetString());
        Assert.Equal(mixed, json.GetProperty("ipv6Mixed").GetString());
        Assert.Equal(prefix, json.GetProperty("prefix").GetString());
    }

    [Fact]
    public async Task Strict_policy_refuses_the_well_known_prefix_with_a_private_IPv4()
    {
        var response = await _client.PostAsync("/api/v1/nat64/derive", Json.Body("""{"prefix":"64:ff9b::/96","ipv4":"10.1.2.3"}"""));

        await Problem.AssertFieldAsync(response, HttpStatusCode.UnprocessableEntity, "nat64.wkp-non-global", "ipv4");
    }

    [Fact]
    public async Task Permissive_policy_answers_with_a_warning()
    {
        var response = await _client.PostAsync("/api/v1/nat64/derive", Json.Body("""{"prefix":"64:ff9b::/96","ipv4":"10.1.2.3","policy":"permissive"}"""));
        var json = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("64:ff9b::a01:203", json.GetProperty("ipv6").GetString());
        var warning = Assert.Single(json.GetProperty("warnings").EnumerateArray());
        Assert.Equal("nat64.wkp-non-global", warning.GetProperty("code").GetString());
        Assert.Contains("RFC 6052 §3.1", warning.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_well_known_prefix_with_a_global_IPv4_or_the_RFC_7050_address_needs_no_warning()
    {
        foreach (var (ipv4, ipv6) in new[] { ("192.0.0.170", "64:ff9b::c000:aa"), ("8.8.8.8", "64:ff9b::808:808") })
        {
            var json = await Json.ReadAsync(await _client.GetAsync($"/api/v1/nat64/derive?prefix=64:ff9b::/96&ipv4={ipv4}"));
            Assert.Equal(ipv6, json.GetProperty("ipv6").GetString());
            Assert.Equal(0, json.GetProperty("warnings").GetArrayLength());
        }
    }

    [Fact]
    public async Task Host_bits_are_refused_unless_normalize_is_set()
    {
        var refused = await _client.PostAsync("/api/v1/nat64/derive", Json.Body("""{"prefix":"fd03:b402:e10c:7777::1/96","ipv4":"172.16.1.225"}"""));
        var problem = await Problem.AssertFieldAsync(refused, HttpStatusCode.BadRequest, "prefix.host-bits", "prefix");
        Assert.Contains("at position 22", problem.GetProperty("detail").GetString());

        var normalized = await Json.ReadAsync(await _client.PostAsync("/api/v1/nat64/derive",
            Json.Body("""{"prefix":"fd03:b402:e10c:7777::1/96","ipv4":"172.16.1.225","normalize":true}""")));
        Assert.Equal("fd03:b402:e10c:7777::/96", normalized.GetProperty("prefix").GetString());
        Assert.Equal("fd03:b402:e10c:7777::ac10:1e1", normalized.GetProperty("ipv6").GetString());
        Assert.Equal("prefix.host-bits", Assert.Single(normalized.GetProperty("warnings").EnumerateArray()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"prefix":"fd03:b402:e10c:7777::/44","ipv4":"172.16.1.225"}""", "nat64.prefix-length", "prefix", "at position 22")]
    [InlineData("""{"prefix":"2001:db8:122:344:ff00::/96","ipv4":"192.0.2.33"}""", "nat64.u-octet", "prefix", "u octet")]
    [InlineData("""{"prefix":"2001:db8:122:344:ff00::/64","ipv4":"192.0.2.33"}""", "nat64.u-octet", "prefix", "u octet")]
    [InlineData("""{"prefix":"2001:db8::/96","ipv4":"172.16.1.256"}""", "address.invalid", "ipv4", "at position 9")]
    [InlineData("""{"prefix":"2001:db8::/96","ipv4":"::1"}""", "address.wrong-family", "ipv4", "wrong family")]
    [InlineData("""{"prefix":"2001:db8::","ipv4":"192.0.2.33"}""", "prefix.invalid", "prefix", "/length")]
    [InlineData("""{"prefix":"2001:db8::/96"}""", "request.field-required", "ipv4", "required")]
    [InlineData("""{"prefix":"2001:db8::/96","ipv4":"1.2.3.4","policy":"lenient"}""", "request.malformed", "policy", "line 1")]
    [InlineData("""{"prefix":"2001:db8::/96","ipv4":"1.2.3.4","policy":1}""", "request.malformed", "policy", "line 1")]
    [InlineData("""{"prefix":"2001:db8::/96","ipv4":1234}""", "request.malformed", "ipv4", "line 1")]
    [InlineData("""{"prefix":"2001:db8::/96","ipv4":"1.2.3.4","normalize":"yes"}""", "request.malformed", "normalize", "line 1")]
    public async Task Post_refuses_bad_input_with_a_field_problem(string body, string code, string field, string detailMentions)
    {
        var response = await _client.PostAsync("/api/v1/nat64/derive", Json.Body(body));

        var problem = await Problem.AssertFieldAsync(response, HttpStatusCode.BadRequest, code, field);
        Assert.Contains(detailMentions, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("prefix=2001:db8::/96&ipv4=1.2.3.4&policy=lenient", "request.malformed", "policy")]
    [InlineData("prefix=2001:db8::/96&ipv4=1.2.3.4&normalize=maybe", "request.malformed", "normalize")]
    [InlineData("prefix=2001:db8::/96", "request.field-required", "ipv4")]
    [InlineData("prefix=2001:db8::/33&ipv4=1.2.3.4", "nat64.prefix-length", "prefix")]
    [InlineData("prefix=2001:db8::/96&ipv4=1.2.3", "address.invalid", "ipv4")]
    public async Task Get_refuses_bad_input_with_a_field_problem(string query, string code, string field)
    {
        var response = await _client.GetAsync("/api/v1/nat64/derive?" + query);

        await Problem.AssertFieldAsync(response, HttpStatusCode.BadRequest, code, field);
    }
}
