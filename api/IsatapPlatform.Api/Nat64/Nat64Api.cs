using IsatapPlatform.Addressing;
using IsatapPlatform.Api.Infrastructure;
using IsatapPlatform.Api.Infrastructure.Json;
using IsatapPlatform.Api.Infrastructure.OpenApi;
using IsatapPlatform.Api.Infrastructure.Problems;
using IsatapPlatform.Api.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IsatapPlatform.Api.Nat64;

/// <summary>RFC 6052 NAT64 endpoints: derive (single, query, batch, stream), extract and RFC 7050 discovery.</summary>
public static class Nat64Api
{
    /// <summary>Maps the endpoints under <c>/api/v1/nat64</c>.</summary>
    public static IEndpointRouteBuilder MapNat64Api(this IEndpointRouteBuilder app)
    {
        // Each operation's OpenAPI summary is its handler's XML summary (Swashbuckle reads it).
        var group = app.MapGroup("api/v1/nat64").WithTags("NAT64");

        group.MapPost("derive", Derive)
            .WithName("DeriveNat64")
            .WithDescription("Embeds the IPv4 address in the NAT64 prefix as RFC 6052 §2.3 specifies for /32, /40, /48, /56, /64 and /96, "
                + "and returns the address in canonical, mixed and ip6.arpa form. The well-known prefix 64:ff9b::/96 with a non-global "
                + "IPv4 is refused (422 nat64.wkp-non-global) unless policy is 'permissive'. Host bits in the prefix are refused "
                + "(400 prefix.host-bits) unless normalize is true.")
            .WithValidation<DeriveRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithExamples(Nat64Examples.Derive);

        group.MapGet("derive", DeriveFromQuery)
            .WithName("DeriveNat64FromQuery")
            .WithDescription("The same answer as POST /api/v1/nat64/derive, for curl and ticket systems: "
                + "GET /api/v1/nat64/derive?prefix=fd03:b402:e10c:7777::/96&ipv4=172.16.1.225.")
            .WithValidation<DeriveQuery>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithExamples(Nat64Examples.DeriveFromQuery);

        group.MapPost("derive/batch", DeriveBatch)
            .WithName("DeriveNat64Batch")
            .WithDescription("Derives every item under one prefix. Results are in input order; a bad item gets an error object "
                + "and never fails the batch. More than 100,000 items is 413 batch.too-large; the body may be up to 8 MiB.")
            .WithRequestBodyLimit(RequestLimits.MaxBatchBodyBytes)
            .Accepts<DeriveBatchRequest>("application/json") // bound by DeriveBatchRequest.BindAsync, so say what it reads
            .WithValidation<DeriveBatchRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithExamples(Nat64Examples.DeriveBatch);

        group.MapPost("derive/stream", DeriveStream)
            .WithName("DeriveNat64Stream")
            .WithDescription("Reads one IPv4 address per line (application/x-ndjson with one JSON string per line, or text/plain with "
                + "bare dotted quads) and writes one application/x-ndjson result per line while the body is still being read. "
                + "The body has no size limit; memory stays bounded. Blank lines are skipped; a line longer than 256 bytes gets "
                + "a stream.line-too-long error for that line only.")
            .WithRequestBodyLimit(null)
            .Accepts<string>(DeriveStreamResult.AcceptedMediaTypes[0], DeriveStreamResult.AcceptedMediaTypes[1..])
            .WithValidation<DeriveStreamQuery>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithExamples(Nat64Examples.DeriveStream);

        group.MapPost("extract", Extract)
            .WithName("ExtractNat64")
            .WithDescription("Reverses the RFC 6052 embedding. Without a prefix, 64:ff9b::/96 and then 64:ff9b:1::/48 are tried. "
                + "A non-zero u octet (bits 64-71) is 400 nat64.u-octet; an address outside the prefix is 422 nat64.not-in-prefix.")
            .WithValidation<ExtractRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithExamples(Nat64Examples.Extract);

        group.MapPost("discover", Discover)
            .WithName("DiscoverNat64Prefix")
            .WithDescription("RFC 7050: finds 192.0.0.170 or 192.0.0.171 at any RFC 6052 position in the AAAA answers a DNS64 "
                + "resolver returned for ipv4only.arpa. No answer embedding them is 422 nat64.discovery-failed.")
            .WithValidation<DiscoverRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithExamples(Nat64Examples.Discover);

        return app;
    }

    /// <summary>Derive the NAT64 address of an IPv4 address.</summary>
    public static Results<Ok<DeriveResponse>, ProblemHttpResult> Derive(DeriveRequest request) => DeriveCore(request);

    /// <summary>Derive the NAT64 address of an IPv4 address (query string).</summary>
    public static Results<Ok<DeriveResponse>, ProblemHttpResult> DeriveFromQuery([AsParameters] DeriveQuery query) => DeriveCore(query);

    private static Results<Ok<DeriveResponse>, ProblemHttpResult> DeriveCore(IDeriveInput input)
    {
        var warnings = new List<ApiWarning>();
        var prefix = Nat64Inputs.ParsePrefix(input.Prefix!, input.Normalize == true, warnings);
        var ipv4 = IPv4Address.Parse(input.Ipv4!);

        var verdict = Nat64Policy.Check(prefix, ipv4);
        if (!verdict.IsAllowed())
        {
            if (input.Policy != DerivePolicy.Permissive)
                return ApiProblems.Field("ipv4", AddressError.WellKnownPrefixNonGlobal, Nat64Inputs.PolicyMessage(verdict, prefix, ipv4));
            warnings.Add(new ApiWarning(AddressError.WellKnownPrefixNonGlobal.ToCode(), Nat64Inputs.PermissiveMessage(verdict, prefix, ipv4)));
        }

        var ipv6 = prefix.Embed(ipv4);
        // The dotted-quad form shows the IPv4 address only when it is the last 32 bits, i.e. at /96;
        // at the other lengths it would print an unrelated quad ("2001:db8:c000:221::0.0.0.0").
        string mixed = prefix.Length == 96 ? ipv6.ToString("M") : ipv6.ToString();
        return TypedResults.Ok(new DeriveResponse(prefix.ToString(), ipv4.ToString(), ipv6.ToString(), mixed, ipv6.ToString("R"), warnings));
    }

    /// <summary>Derive the NAT64 addresses of up to 100,000 IPv4 addresses.</summary>
    public static Results<DeriveBatchResult, ProblemHttpResult> DeriveBatch(DeriveBatchRequest request, HttpContext context)
    {
        var items = request.Ipv4!;
        context.Response.RegisterForDispose(items); // the pooled item storage outlives this method
        var warnings = new List<ApiWarning>();
        var prefix = Nat64Inputs.ParsePrefix(request.Prefix!, request.Normalize == true, warnings);
        return new DeriveBatchResult(prefix, items, request.Policy ?? DerivePolicy.Strict, warnings);
    }

    /// <summary>Derive NAT64 addresses from a stream of lines.</summary>
    public static Results<DeriveStreamResult, ProblemHttpResult> DeriveStream([AsParameters] DeriveStreamQuery query, HttpContext context)
    {
        if (!DeriveStreamResult.IsAcceptedMediaType(context.Request.ContentType))
        {
            return ApiProblems.Create(ProblemCodes.UnsupportedMediaType,
                $"Content-Type {ApiProblems.Quote(context.Request.ContentType)} is not supported here; send application/x-ndjson or text/plain, one IPv4 address per line.");
        }
        var prefix = Nat64Inputs.ParsePrefix(query.Prefix!, normalize: false, []);
        return new DeriveStreamResult(prefix, KebabCaseEnum<DerivePolicy>.Parse(query.Policy) ?? DerivePolicy.Strict);
    }

    /// <summary>Extract the IPv4 address from a NAT64 address.</summary>
    public static Results<Ok<ExtractResponse>, ProblemHttpResult> Extract(ExtractRequest request)
    {
        var ipv6 = IPv6Address.Parse(request.Ipv6!);
        var warnings = new List<ApiWarning>();

        if (request.Prefix is { } text)
        {
            var prefix = Nat64Prefix.Parse(text);
            return prefix.TryExtract(ipv6, out var ipv4, out var error)
                ? Extracted(prefix, ipv4, warnings)
                : ApiProblems.Field("ipv6", error, $"{ipv6} cannot be extracted with {prefix}: {error.ToMessage()}");
        }

        foreach (var candidate in (ReadOnlySpan<Nat64Prefix>)[Nat64Prefix.WellKnown, Nat64Prefix.LocalUse])
        {
            if (candidate.TryExtract(ipv6, out var ipv4, out var error))
            {
                if (candidate.IsLocalUse)
                {
                    warnings.Add(new ApiWarning("nat64.local-use-layout",
                        $"RFC 8215 §5: nothing may be assumed about the layout under {Nat64Prefix.LocalUse}; the address was read as a /48 RFC 6052 address. Pass the network-specific 'prefix' to be exact."));
                }
                return Extracted(candidate, ipv4, warnings);
            }
            if (error == AddressError.Nat64UOctet)
                return ApiProblems.Field("ipv6", error, $"{ipv6}: {error.ToMessage()}");
        }
        return ApiProblems.Field("ipv6", AddressError.NotInPrefix,
            $"{ipv6} is inside neither {Nat64Prefix.WellKnown} nor {Nat64Prefix.LocalUse}; pass the network-specific 'prefix' it was built with");
    }

    private static Ok<ExtractResponse> Extracted(Nat64Prefix prefix, IPv4Address ipv4, List<ApiWarning> warnings)
    {
        var verdict = Nat64Policy.Check(prefix, ipv4);
        if (!verdict.IsAllowed())
            warnings.Add(new ApiWarning(AddressError.WellKnownPrefixNonGlobal.ToCode(), Nat64Inputs.PolicyMessage(verdict, prefix, ipv4)));
        return TypedResults.Ok(new ExtractResponse(ipv4.ToString(), prefix.ToString(), warnings));
    }

    /// <summary>Discover the NAT64 prefix from ipv4only.arpa AAAA answers.</summary>
    public static Results<Ok<DiscoverResponse>, ProblemHttpResult> Discover(DiscoverRequest request)
    {
        var answers = request.Addresses!.Select(text => IPv6Address.Parse(text!));
        var prefixes = Nat64Discovery.Discover(answers);
        if (prefixes.Count == 0)
        {
            return ApiProblems.Field("addresses", AddressError.NoWellKnownAddress,
                "no answer embeds 192.0.0.170 or 192.0.0.171 at an RFC 6052 position; check that the resolver performs DNS64");
        }
        return TypedResults.Ok(new DiscoverResponse(prefixes[0].ToString(), prefixes.Select(p => p.ToString()).ToList()));
    }
}
