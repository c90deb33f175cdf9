using System.Net;
using IsatapPlatform.Api.Tests.Support;

namespace IsatapPlatform.Api.Tests.SixToFour;

public sealed class SixToFourPrefixTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<HttpResponseMessage> PostAsync(string body) => _client.PostAsync("/api/v1/6to4/prefix", Json.Body(body));

    [Fact]
    public async Task Derives_the_contract_example_exactly()
    {
        var response = await PostAsync("""{"ipv4":"131.107.0.1"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"prefix":"2002:836b:1::/48"}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("192.0.2.1")]
    [InlineData("224.0.0.1")]
    public async Task A_non_global_IPv4_is_422_6to4_non_global(string ipv4)
    {
        await Problem.AssertFieldAsync(await PostAsync($$"""{"ipv4":"{{ipv4}}"}"""), HttpStatusCode.UnprocessableEntity, "6to4.non-global", "ipv4");
    }

    [Theory]
    [InlineData("""{"ipv4":"2002:836b:1::1"}""", "address.wrong-family")]
    [InlineData("""{"ipv4":"131.107.0"}""", "address.invalid")]
    [InlineData("""{"ipv4":null}""", "request.field-required")]
    public async Task Bad_input_is_a_400_field_problem(string body, string code)
    {
        await Problem.AssertFieldAsync(await PostAsync(body), HttpStatusCode.BadRequest, code, "ipv4");
    }
}
