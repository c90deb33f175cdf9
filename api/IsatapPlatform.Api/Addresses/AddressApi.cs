using IsatapPlatform.Addressing;
using IsatapPlatform.Api.Infrastructure.OpenApi;
using IsatapPlatform.Api.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IsatapPlatform.Api.Addresses;

/// <summary>Address inspection: what an address is and which IPv4 addresses it carries, for the helpdesk
/// question "what is this 2001:0:... address on the user's PC".</summary>
public static class AddressApi
{
    /// <summary>Maps the endpoints under <c>/api/v1/addresses</c>.</summary>
    public static IEndpointRouteBuilder MapAddressApi(this IEndpointRouteBuilder app)
    {
        // Each operation's OpenAPI summary is its handler's XML summary (Swashbuckle reads it).
        var group = app.MapGroup("api/v1/addresses").WithTags("Addresses");

        group.MapGet("{address}", InspectFromRoute)
            .WithName("InspectAddress")
            .WithDescription("Classifies an IPv4 or IPv6 address and lists every embedded IPv4 address with its role "
                + "(ISATAP, 6to4, Teredo server and client, NAT64, IPv4-mapped). The same answer as POST /api/v1/addresses/inspect.")
            .WithValidation<InspectQuery>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithExamples(AddressExamples.InspectFromRoute);

        group.MapPost("inspect", Inspect)
            .WithName("InspectAddressBody")
            .WithDescription("Classifies an IPv4 or IPv6 address and lists every embedded IPv4 address with its role. "
                + "Name the network-specific NAT64 prefix in nat64Prefix to have addresses under it decoded.")
            .WithValidation<InspectRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithExamples(AddressExamples.Inspect);

        return app;
    }

    /// <summary>Inspect an address.</summary>
    public static Ok<InspectResponse> Inspect(InspectRequest request) => InspectCore(request);

    /// <summary>Inspect an address given in the path.</summary>
    public static Ok<InspectResponse> InspectFromRoute([AsParameters] InspectQuery query) => InspectCore(query);

    private static Ok<InspectResponse> InspectCore(IInspectInput input)
    {
        Nat64Prefix[] known = input.Nat64Prefix is { } prefix ? [Nat64Prefix.Parse(prefix)] : [];
        if (!AddressInspector.TryInspect(input.Address, out var inspection, out var failure, known))
            throw new InvalidOperationException($"The address was not validated before use: {failure}");
        return TypedResults.Ok(Describe(inspection));
    }

    /// <summary>Maps the library's inspection to the response.</summary>
    public static InspectResponse Describe(in AddressInspection inspection)
    {
        var kinds = AddressKindNames.GetNames(inspection.Kinds).ToList();
        if (inspection.Family == IPFamily.IPv4)
        {
            var v4 = inspection.IPv4;
            return new InspectResponse(v4.ToString(), null, AddressFamilyName.Ipv4, kinds, [], null, null, null, null, v4.ToString("R"));
        }

        var v6 = inspection.IPv6;
        var embedded = new List<InspectedEmbeddedIpv4>();
        foreach (var item in inspection.EmbeddedIPv4)
            embedded.Add(new InspectedEmbeddedIpv4(item.Role.GetName(), item.IPv4.ToString()));

        return new InspectResponse(
            v6.ToString(),
            LastBitsAreIPv4(inspection) ? v6.ToString("M") : null,
            AddressFamilyName.Ipv6,
            kinds,
            embedded,
            inspection.Teredo is { } t ? new InspectedTeredo(t.Server.ToString(), t.Client.ToString(), t.Port, t.Flags, t.Cone) : null,
            inspection.Isatap is { } i ? new InspectedIsatap(i.IPv4.ToString(), i.Universal, i.Group) : null,
            inspection.SixToFour is { } s ? new InspectedSixToFour(s.IPv4.ToString()) : null,
            inspection.Nat64 is { } n ? new InspectedNat64(n.Prefix.ToString(), n.IPv4.ToString()) : null,
            v6.ToString("R"));
    }

    // RFC 5952 §5: the dotted-quad form is for addresses whose last 32 bits are an IPv4 address. Which
    // ones are is the library's finding; this only reads it off the inspection.
    private static bool LastBitsAreIPv4(in AddressInspection inspection)
        => inspection.MappedIPv4 is not null
            || inspection.Isatap is not null
            || inspection.Nat64 is { Prefix.Length: 96 }
            || inspection.Is(AddressKinds.IPv4Compatible)
            || inspection.SixToFour is { WindowsHostForm: true };
}
