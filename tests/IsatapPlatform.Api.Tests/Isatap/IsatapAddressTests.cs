using System.Net;
using IsatapPlatform.Api.Tests.Support;

namespace IsatapPlatform.Api.Tests.Isatap;

public sealed class IsatapAddressTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<HttpResponseMessage> PostAsync(string body) => _client.PostAsync("/api/v1/isatap/address", Json.Body(body));

    [Fact]
    public async Task Builds_the_contract_example_exactly()
    {
        var response = await PostAsync("""{"prefix":"2002:836b:1:8000::/64","ipv4":"192.168.99.10"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"address":"2002:836b:1:8000:0:5efe:c0a8:630a","mixed":"2002:836b:1:8000:0:5efe:192.168.99.10","linkLocal":"fe80::5efe:c0a8:630a","linkLocalMixed":"fe80::5efe:192.168.99.10","universal":false}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_global_IPv4_sets_the_u_bit()
    {
        var json = await Json.ReadAsync(await PostAsync("""{"prefix":"2002:836b:1:8000::/64","ipv4":"131.107.0.1"}"""));

        Assert.Equal("2002:836b:1:8000:200:5efe:836b:1", json.GetProperty("address").GetString());
        Assert.Equal("fe80::200:5efe:131.107.0.1", json.GetProperty("linkLocalMixed").GetString());
        Assert.True(json.GetProperty("universal").GetBoolean());
    }

    [Theory]
    [InlineData("""{"prefix":"2002:836b:1::/48","ipv4":"192.168.99.10"}""", "prefix.length", "prefix")]
    [InlineData("""{"prefix":"2002:836b:1:8000::1/64","ipv4":"192.168.99.10"}""", "prefix.host-bits", "prefix")]
    [InlineData("""{"prefix":"2002:836b:1:8000::/64","ipv4":"192.168.099.10"}""", "address.invalid", "ipv4")]
    [InlineData("""{"prefix":"192.168.99.0/24","ipv4":"192.168.99.10"}""", "address.wrong-family", "prefix")]
    [InlineData("""{"ipv4":"192.168.99.10"}""", "request.field-required", "prefix")]
    public async Task Bad_input_is_a_400_field_problem(string body, string code, string field)
    {
        await Problem.AssertFieldAsync(await PostAsync(body), HttpStatusCode.BadRequest, code, field);
    }
}
