using System.ComponentModel.DataAnnotations;
using FluentValidation;
using IsatapPlatform.Addressing;
using IsatapPlatform.Api.Infrastructure.OpenApi;
using IsatapPlatform.Api.Infrastructure.Problems;
using IsatapPlatform.Api.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IsatapPlatform.Api.Isatap;

/// <summary>Validates <see cref="IsatapAddressRequest"/>.</summary>
internal sealed class IsatapAddressRequestValidator : AbstractValidator<IsatapAddressRequest>
{
    public IsatapAddressRequestValidator()
    {
        RuleFor(x => x.Prefix).MustBeIPv6Prefix();
        RuleFor(x => x.Ipv4).MustBeIPv4();
    }
}

/// <summary>ISATAP addressing for DirectAccess manage-out hosts.</summary>
public static class IsatapApi
{
    /// <summary>Maps the endpoints under <c>/api/v1/isatap</c>.</summary>
    public static IEndpointRouteBuilder MapIsatapApi(this IEndpointRouteBuilder app)
    {
        // Each operation's OpenAPI summary is its handler's XML summary (Swashbuckle reads it).
        var group = app.MapGroup("api/v1/isatap").WithTags("ISATAP");

        group.MapPost("address", CreateAddress)
            .WithName("CreateIsatapAddress")
            .WithDescription("Combines a /64 prefix with the ISATAP interface identifier of the IPv4 address (0:5efe:a.b.c.d, "
                + "or 200:5efe:a.b.c.d when the IPv4 is globally unique) and gives the link-local form too. "
                + "A prefix that is not a /64 is 400 prefix.length.")
            .WithValidation<IsatapAddressRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithExamples(new OpenApiExamples
            {
                Request = new IsatapAddressRequest("2002:836b:1:8000::/64", "192.168.99.10"),
                Responses = new Dictionary<int, object>
                {
                    [200] = new IsatapAddressResponse("2002:836b:1:8000:0:5efe:c0a8:630a", "2002:836b:1:8000:0:5efe:192.168.99.10",
                        "fe80::5efe:c0a8:630a", "fe80::5efe:192.168.99.10", false),
                    [400] = ProblemExamples.Field("prefix", "prefix.length",
                        "2002:836b:1::/48 is a /48; an ISATAP prefix must be a /64"),
                },
            });

        return app;
    }

    /// <summary>Build the ISATAP address of a host.</summary>
    public static Results<Ok<IsatapAddressResponse>, ProblemHttpResult> CreateAddress(IsatapAddressRequest request)
    {
        var prefix = IPv6Prefix.Parse(request.Prefix!);
        var ipv4 = IPv4Address.Parse(request.Ipv4!);
        if (!Addressing.Isatap.TryCreateAddress(prefix, ipv4, out var address, out var error))
        {
            string message = error == AddressError.WrongPrefixLength
                ? $"{prefix} is a /{prefix.Length}; an ISATAP prefix must be a /64"
                : error.ToMessage();
            return ApiProblems.Field("prefix", error, message);
        }
        var linkLocal = Addressing.Isatap.LinkLocal(ipv4);
        Addressing.Isatap.TryDecode(address, out var identifier);
        return TypedResults.Ok(new IsatapAddressResponse(
            address.ToString(), address.ToString("M"), linkLocal.ToString(), linkLocal.ToString("M"), identifier.Universal));
    }
}
