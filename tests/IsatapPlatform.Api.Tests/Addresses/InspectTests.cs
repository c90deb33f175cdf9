using System.Net;
using IsatapPlatform.Api.Tests.Support;

namespace IsatapPlatform.Api.Tests.Addresses;

public sealed class InspectTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Decodes_the_RFC_4380_Teredo_example()
    {
        var response = await _client.GetAsync("/api/v1/addresses/2001:0:4136:e378:8000:63bf:3fff:fdd2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Json.AssertEqual("""
            {"address":"2001:0:4136:e378:8000:63bf:3fff:fdd2","family":"ipv6","kinds":["global-unicast","teredo"],
             "embeddedIpv4":[{"role":"teredo-server","ipv4":"65.54.227.120"},{"role":"teredo-client","ipv4":"192.0.2.45"}],
             "teredo":{"server":"65.54.227.120","client":"192.0.2.45","port":40000,"flags":32768,"cone":true},
             "reverseName":"2.d.d.f.f.f.f.3.f.b.3.6.0.0.0.8.8.7.3.e.6.3.1.4.0.0.0.0.1.0.0.2.ip6.arpa"}
            """, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Decodes_an_ISATAP_address_under_a_6to4_prefix()
    {
        var response = await _client.PostAsync("/api/v1/addresses/inspect", Json.Body("""{"address":"2002:836b:1:8000:0:5efe:192.168.99.10"}"""));

        Json.AssertEqual("""
            {"address":"2002:836b:1:8000:0:5efe:c0a8:630a","mixed":"2002:836b:1:8000:0:5efe:192.168.99.10","family":"ipv6",
             "kinds":["global-unicast","6to4","isatap"],
             "embeddedIpv4":[{"role":"6to4","ipv4":"131.107.0.1"},{"role":"isatap","ipv4":"192.168.99.10"}],
             "isatap":{"ipv4":"192.168.99.10","universal":false,"group":false},"sixToFour":{"ipv4":"131.107.0.1"},
             "reverseName":"a.0.3.6.8.a.0.c.e.f.e.5.0.0.0.0.0.0.0.8.1.0.0.0.b.6.3.8.2.0.0.2.ip6.arpa"}
            """, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_and_post_give_the_same_answer()
    {
        var get = await (await _client.GetAsync("/api/v1/addresses/fe80::200:5efe:131.107.0.1")).Content.ReadAsStringAsync();
        var post = await (await _client.PostAsync("/api/v1/addresses/inspect", Json.Body("""{"address":"fe80::200:5efe:131.107.0.1"}"""))).Content.ReadAsStringAsync();

        Assert.Equal(get, post);
        Assert.Contains("\"universal\":true", get);
    }

    [Fact]
    public async Task Inspects_an_IPv4_address()
    {
        Json.AssertEqual("""{"address":"172.16.1.225","family":"ipv4","kinds":["private"],"embeddedIpv4":[],"reverseName":"225.1.16.172.in-addr.arpa"}""",
            await (await _client.GetAsync("/api/v1/addresses/172.16.1.225")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Decodes_under_a_named_network_specific_NAT64_prefix()
    {
        var json = await Json.ReadAsync(await _client.GetAsync("/api/v1/addresses/fd03:b402:e10c:7777::ac10:1e1?nat64Prefix=fd03:b402:e10c:7777::/96"));

        Assert.Equal("fd03:b402:e10c:7777::/96", json.GetProperty("nat64").GetProperty("prefix").GetString());
        Assert.Equal("172.16.1.225", json.GetProperty("nat64").GetProperty("ipv4").GetString());
        Assert.Equal("fd03:b402:e10c:7777::172.16.1.225", json.GetProperty("mixed").GetString());
        Assert.Contains("nat64-network-specific", json.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task Always_decodes_the_well_known_prefix_and_keeps_the_zone()
    {
        var nat64 = await Json.ReadAsync(await _client.PostAsync("/api/v1/addresses/inspect", Json.Body("""{"address":"64:ff9b::c000:221"}""")));
        Assert.Equal("192.0.2.33", nat64.GetProperty("nat64").GetProperty("ipv4").GetString());

        var zoned = await Json.ReadAsync(await _client.GetAsync("/api/v1/addresses/fe80::5efe:10.0.0.5%2512"));
        Assert.Equal("fe80::5efe:a00:5%12", zoned.GetProperty("address").GetString());
        Assert.Equal("fe80::5efe:10.0.0.5%12", zoned.GetProperty("mixed").GetString());
    }

    [Fact]
    public async Task The_mixed_form_is_absent_when_no_IPv4_ends_the_address()
    {
        var json = await Json.ReadAsync(await _client.GetAsync("/api/v1/addresses/2001:db8::1"));

        Assert.False(json.TryGetProperty("mixed", out _));
        Assert.False(json.TryGetProperty("teredo", out _));
        Assert.Equal(["documentation"], json.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
    }

    [Theory]
    [InlineData("/api/v1/addresses/2001:db8::g", "address.invalid", "address")]
    [InlineData("/api/v1/addresses/300.1.1.1", "address.invalid", "address")]
    [InlineData("/api/v1/addresses/2001:db8::1?nat64Prefix=2001:db8::/33", "nat64.prefix-length", "nat64Prefix")]
    public async Task Get_refuses_bad_input(string path, string code, string field)
    {
        await Problem.AssertFieldAsync(await _client.GetAsync(path), HttpStatusCode.BadRequest, code, field);
    }

    [Theory]
    [InlineData("""{"address":"fe80::1%"}""", "address.invalid", "address")]
    [InlineData("""{}""", "request.field-required", "address")]
    [InlineData("""{"address":"2001:db8::1","nat64Prefix":"2001:db8::/96x"}""", "prefix.invalid", "nat64Prefix")]
    public async Task Post_refuses_bad_input(string body, string code, string field)
    {
        await Problem.AssertFieldAsync(await _client.PostAsync("/api/v1/addresses/inspect", Json.Body(body)), HttpStatusCode.BadRequest, code, field);
    }
}
