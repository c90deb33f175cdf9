using System.Net;
using IsatapPlatform.Api.Tests.Support;

namespace IsatapPlatform.Api.Tests.DirectAccess;

public sealed class DirectAccessPrefixesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<HttpResponseMessage> PostAsync(string body) => _client.PostAsync("/api/v1/directaccess/prefixes", Json.Body(body));

    [Fact]
    public async Task Derives_the_contract_example_exactly()
    {
        var response = await PostAsync("""{"publicIpv4":"131.107.0.1"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"sixToFour":"2002:836b:1::/48","isatap":"2002:836b:1:8000::/64","ipHttps":"2002:836b:1:8100::/56","teredo":"2001:0:836b:1::/64"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_private_IPv4_is_422_ipv4_non_global()
    {
        await Problem.AssertFieldAsync(await PostAsync("""{"publicIpv4":"192.168.1.1"}"""), HttpStatusCode.UnprocessableEntity, "ipv4.non-global", "publicIpv4");
    }

    [Theory]
    [InlineData("""{"publicIpv4":"131.107.0.1.5"}""", "address.invalid")]
    [InlineData("""{"publicIpv4":"::1"}""", "address.wrong-family")]
    [InlineData("""{"ipv4":"131.107.0.1"}""", "request.field-required")]
    public async Task Bad_input_is_a_400_field_problem(string body, string code)
    {
        await Problem.AssertFieldAsync(await PostAsync(body), HttpStatusCode.BadRequest, code, "publicIpv4");
    }
}
