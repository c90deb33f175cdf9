using System.ComponentModel.DataAnnotations;
using FluentValidation;
using IsatapPlatform.Addressing;
using IsatapPlatform.Api.Infrastructure.OpenApi;
using IsatapPlatform.Api.Infrastructure.Problems;
using IsatapPlatform.Api.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IsatapPlatform.Api.SixToFour;

/// <summary>Validates <see cref="SixToFourPrefixRequest"/>.</summary>
internal sealed class SixToFourPrefixRequestValidator : AbstractValidator<SixToFourPrefixRequest>
{
    public SixToFourPrefixRequestValidator() => RuleFor(x => x.Ipv4).MustBeIPv4();
}

/// <summary>6to4 (RFC 3056).</summary>
public static class SixToFourApi
{
    /// <summary>Maps the endpoints under <c>/api/v1/6to4</c>.</summary>
    public static IEndpointRouteBuilder MapSixToFourApi(this IEndpointRouteBuilder app)
    {
        // Each operation's OpenAPI summary is its handler's XML summary (Swashbuckle reads it).
        var group = app.MapGroup("api/v1/6to4").WithTags("6to4");

        group.MapPost("prefix", CreatePrefix)
            .WithName("CreateSixToFourPrefix")
            .WithDescription("Returns 2002:WWXX:YYZZ::/48 for the IPv4 address WW.XX.YY.ZZ. A non-global IPv4 (RFC 1918, "
                + "shared, loopback, documentation...) is 422 6to4.non-global: RFC 3056 has such traffic discarded.")
            .WithValidation<SixToFourPrefixRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithExamples(new OpenApiExamples
            {
                Request = new SixToFourPrefixRequest("131.107.0.1"),
                Responses = new Dictionary<int, object>
                {
                    [200] = new SixToFourPrefixResponse("2002:836b:1::/48"),
                    [400] = ProblemExamples.Field("ipv4", "address.wrong-family",
                        "'2002:836b:1::1' is not a valid IPv4 address: the address is of the wrong family (at position 4)"),
                    [422] = ProblemExamples.Field("ipv4", ProblemCodes.SixToFourNonGlobal,
                        "10.0.0.1 is not globally reachable; a 6to4 prefix needs a public IPv4 address (RFC 3056 §2)"),
                },
            });

        return app;
    }

    /// <summary>Derive the 6to4 /48 of a public IPv4 address.</summary>
    public static Results<Ok<SixToFourPrefixResponse>, ProblemHttpResult> CreatePrefix(SixToFourPrefixRequest request)
    {
        var ipv4 = IPv4Address.Parse(request.Ipv4!);
        if (Addressing.SixToFour.TryCreateSitePrefix(ipv4, out var prefix, out var error))
            return TypedResults.Ok(new SixToFourPrefixResponse(prefix.ToString()));
        return error == AddressError.NonGlobalIPv4
            ? ApiProblems.Field("ipv4", ProblemCodes.SixToFourNonGlobal, $"{ipv4} is not globally reachable; a 6to4 prefix needs a public IPv4 address (RFC 3056 §2)")
            : ApiProblems.Field("ipv4", error, error.ToMessage());
    }
}
