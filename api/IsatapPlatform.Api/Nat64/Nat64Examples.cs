using IsatapPlatform.Api.Infrastructure.OpenApi;
using IsatapPlatform.Api.Infrastructure.Problems;

namespace IsatapPlatform.Api.Nat64;

/// <summary>OpenAPI examples of the NAT64 endpoints: the DirectAccess worked example (Microsoft's
/// fd03:b402:e10c:7777::/96 NAT64 prefix) and the RFC 6052 §2.4 and RFC 7050 vectors.</summary>
internal static class Nat64Examples
{
    private static readonly DeriveResponse s_derived = new(
        "fd03:b402:e10c:7777::/96", "172.16.1.225", "fd03:b402:e10c:7777::ac10:1e1", "fd03:b402:e10c:7777::172.16.1.225",
        "1.e.1.0.0.1.c.a.0.0.0.0.0.0.0.0.7.7.7.7.c.0.1.e.2.0.4.b.3.0.d.f.ip6.arpa", []);

    private static readonly object s_prefixLength = ProblemExamples.Field("prefix", "nat64.prefix-length",
        "'fd03:b402:e10c:7777::/44' is not a valid NAT64 prefix: prefix length must be one of 32,40,48,56,64,96 (at position 22)");

    private static readonly object s_wkpNonGlobal = ProblemExamples.Field("ipv4", "nat64.wkp-non-global",
        "WKP must not carry non-global IPv4: 64:ff9b::/96 with 10.1.2.3 violates RFC 6052 §3.1 and translators drop it; use a network-specific prefix");

    public static readonly OpenApiExamples Derive = new()
    {
        Request = new DeriveRequest("fd03:b402:e10c:7777::/96", "172.16.1.225", DerivePolicy.Strict, Normalize: false),
        Responses = new Dictionary<int, object> { [200] = s_derived, [400] = s_prefixLength, [422] = s_wkpNonGlobal },
    };

    public static readonly OpenApiExamples DeriveFromQuery = new()
    {
        Parameters = new Dictionary<string, string> { ["prefix"] = "fd03:b402:e10c:7777::/96", ["ipv4"] = "172.16.1.225" },
        Responses = new Dictionary<int, object> { [200] = s_derived, [400] = s_prefixLength, [422] = s_wkpNonGlobal },
    };

    public static readonly OpenApiExamples DeriveBatch = new()
    {
        Request = new { prefix = "2001:db8:122:344::/96", ipv4 = new[] { "192.0.2.33", "192.0.2.256" } },
        Responses = new Dictionary<int, object>
        {
            [200] = new
            {
                prefix = "2001:db8:122:344::/96",
                succeeded = 1,
                failed = 1,
                warnings = Array.Empty<object>(),
                results = new object[]
                {
                    new { ipv4 = "192.0.2.33", ipv6 = "2001:db8:122:344::c000:221" },
                    new { ipv4 = "192.0.2.256", error = new ItemError("address.invalid", "an IPv4 octet must be between 0 and 255 (at position 8)") },
                },
            },
            [400] = s_prefixLength,
            [413] = ProblemExamples.Field("ipv4", ProblemCodes.BatchTooLarge, "the batch has 100001 items; at most 100000 are accepted"),
        },
    };

    public static readonly OpenApiExamples DeriveStream = new()
    {
        Parameters = new Dictionary<string, string> { ["prefix"] = "2001:db8:122:344::/96" },
        Request = "192.0.2.33\n192.0.2.256\n",
        Responses = new Dictionary<int, object>
        {
            [200] = "{\"ipv4\":\"192.0.2.33\",\"ipv6\":\"2001:db8:122:344::c000:221\"}\n"
                + "{\"ipv4\":\"192.0.2.256\",\"error\":{\"code\":\"address.invalid\",\"message\":\"an IPv4 octet must be between 0 and 255 (at position 8)\"}}\n",
            [400] = s_prefixLength,
            [415] = ProblemExamples.Plain(ProblemCodes.UnsupportedMediaType,
                "Content-Type 'application/json' is not supported here; send application/x-ndjson or text/plain, one IPv4 address per line."),
        },
    };

    public static readonly OpenApiExamples Extract = new()
    {
        Request = new ExtractRequest("fd03:b402:e10c:7777::ac10:1e1", "fd03:b402:e10c:7777::/96"),
        Responses = new Dictionary<int, object>
        {
            [200] = new ExtractResponse("172.16.1.225", "fd03:b402:e10c:7777::/96", []),
            [400] = ProblemExamples.Field("ipv6", "nat64.u-octet",
                "2001:db8:122:344:ff00::c000:221 cannot be extracted with 2001:db8:122:344::/64: bits 64-71 (u octet) must be zero"),
            [422] = ProblemExamples.Field("ipv6", "nat64.not-in-prefix",
                "2001:db8::1 is inside neither 64:ff9b::/96 nor 64:ff9b:1::/48; pass the network-specific 'prefix' it was built with"),
        },
    };

    public static readonly OpenApiExamples Discover = new()
    {
        Request = new DiscoverRequest(["64:ff9b::c000:aa", "64:ff9b::c000:ab"]),
        Responses = new Dictionary<int, object>
        {
            [200] = new DiscoverResponse("64:ff9b::/96", ["64:ff9b::/96"]),
            [400] = ProblemExamples.Field("addresses[1]", "address.invalid",
                "'64:ff9b::c000:zz' is not a valid IPv6 address: unexpected character (at position 15)"),
            [413] = ProblemExamples.Field("addresses", ProblemCodes.BatchTooLarge, "1001 answers were sent; at most 1000 are accepted"),
            [422] = ProblemExamples.Field("addresses", "nat64.discovery-failed",
                "no answer embeds 192.0.0.170 or 192.0.0.171 at an RFC 6052 position; check that the resolver performs DNS64"),
        },
    };
}
