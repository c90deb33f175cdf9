using IsatapPlatform.Api.Infrastructure.OpenApi;

namespace IsatapPlatform.Api.Addresses;

/// <summary>OpenAPI examples of the address endpoints: the RFC 4380 Teredo vector and Microsoft's
/// DirectAccess ISATAP example address.</summary>
internal static class AddressExamples
{
    private static readonly object s_invalid = ProblemExamples.Field("address", "address.invalid",
        "'2001:0:4136:e378:8000:63bf:3fff:fdd2:1' is not a valid IPv4 or IPv6 address: an IPv6 address has at most eight groups, and '::' must stand for at least one (at position 36)");

    public static readonly OpenApiExamples InspectFromRoute = new()
    {
        Parameters = new Dictionary<string, string> { ["address"] = "2001:0:4136:e378:8000:63bf:3fff:fdd2" },
        Responses = new Dictionary<int, object>
        {
            [200] = new InspectResponse(
                "2001:0:4136:e378:8000:63bf:3fff:fdd2", null, AddressFamilyName.Ipv6, ["global-unicast", "teredo"],
                [new("teredo-server", "65.54.227.120"), new("teredo-client", "192.0.2.45")],
                new InspectedTeredo("65.54.227.120", "192.0.2.45", 40000, 32768, true), null, null, null,
                "2.d.d.f.f.f.f.3.f.b.3.6.0.0.0.8.8.7.3.e.6.3.1.4.0.0.0.0.1.0.0.2.ip6.arpa"),
            [400] = s_invalid,
        },
    };

    public static readonly OpenApiExamples Inspect = new()
    {
        Request = new InspectRequest("2002:836b:1:8000:0:5efe:192.168.99.10"),
        Responses = new Dictionary<int, object>
        {
            [200] = new InspectResponse(
                "2002:836b:1:8000:0:5efe:c0a8:630a", "2002:836b:1:8000:0:5efe:192.168.99.10", AddressFamilyName.Ipv6,
                ["global-unicast", "6to4", "isatap"],
                [new("6to4", "131.107.0.1"), new("isatap", "192.168.99.10")],
                null, new InspectedIsatap("192.168.99.10", false, false), new InspectedSixToFour("131.107.0.1"), null,
                "a.0.3.6.8.a.0.c.e.f.e.5.0.0.0.0.0.0.0.8.1.0.0.0.b.6.3.8.2.0.0.2.ip6.arpa"),
            [400] = s_invalid,
        },
    };
}
