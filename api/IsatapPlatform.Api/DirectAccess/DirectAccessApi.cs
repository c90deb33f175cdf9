using System.ComponentModel.DataAnnotations;
using FluentValidation;
using IsatapPlatform.Addressing;
using IsatapPlatform.Api.Infrastructure.OpenApi;
using IsatapPlatform.Api.Infrastructure.Problems;
using IsatapPlatform.Api.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IsatapPlatform.Api.DirectAccess;

/// <summary>Validates <see cref="DirectAccessPrefixesRequest"/>.</summary>
internal sealed class DirectAccessPrefixesRequestValidator : AbstractValidator<DirectAccessPrefixesRequest>
{
    public DirectAccessPrefixesRequestValidator() => RuleFor(x => x.PublicIpv4).MustBeIPv4();
}

/// <summary>DirectAccess planning.</summary>
public static class DirectAccessApi
{
    /// <summary>Maps the endpoints under <c>/api/v1/directaccess</c>.</summary>
    public static IEndpointRouteBuilder MapDirectAccessApi(this IEndpointRouteBuilder app)
    {
        // Each operation's OpenAPI summary is its handler's XML summary (Swashbuckle reads it).
        var group = app.MapGroup("api/v1/directaccess").WithTags("DirectAccess");

        group.MapPost("prefixes", DerivePrefixes)
            .WithName("DeriveDirectAccessPrefixes")
            .WithDescription("The 6to4 /48, ISATAP /64, IP-HTTPS /56 and Teredo /64 a DirectAccess server derives from its first "
                + "public IPv4 address. A non-global IPv4 is 422 ipv4.non-global: such a server uses a ULA prefix instead.")
            .WithValidation<DirectAccessPrefixesRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithExamples(new OpenApiExamples
            {
                Request = new DirectAccessPrefixesRequest("131.107.0.1"),
                Responses = new Dictionary<int, object>
                {
                    [200] = new DirectAccessPrefixesResponse("2002:836b:1::/48", "2002:836b:1:8000::/64", "2002:836b:1:8100::/56", "2001:0:836b:1::/64"),
                    [400] = ProblemExamples.Field("publicIpv4", "address.invalid",
                        "'131.107.0' is not a valid IPv4 address: an IPv4 address has exactly four octets (at position 9)"),
                    [422] = ProblemExamples.Field("publicIpv4", "ipv4.non-global",
                        "192.168.1.1 is not globally reachable; a DirectAccess server without a public IPv4 address uses a ULA prefix"),
                },
            });

        return app;
    }

    /// <summary>Derive the DirectAccess prefixes of a public IPv4 address.</summary>
    public static Results<Ok<DirectAccessPrefixesResponse>, ProblemHttpResult> DerivePrefixes(DirectAccessPrefixesRequest request)
    {
        var ipv4 = IPv4Address.Parse(request.PublicIpv4!);
        if (!DirectAccessPrefixes.TryDerive(ipv4, out var prefixes, out var error))
        {
            string message = error == AddressError.NonGlobalIPv4
                ? $"{ipv4} is not globally reachable; a DirectAccess server without a public IPv4 address uses a ULA prefix"
                : error.ToMessage();
            return ApiProblems.Field("publicIpv4", error, message);
        }
        return TypedResults.Ok(new DirectAccessPrefixesResponse(
            prefixes.SixToFour.ToString(), prefixes.Isatap.ToString(), prefixes.IpHttps.ToString(), prefixes.Teredo.ToString()));
    }
}
