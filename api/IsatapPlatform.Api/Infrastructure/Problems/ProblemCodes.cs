using IsatapPlatform.Addressing;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Api.Infrastructure.Problems;

/// <summary>The stable <c>code</c> values of the API's problem details, and the HTTP status each maps to.
/// Address and prefix codes come unchanged from <see cref="AddressErrorExtensions.ToCode"/>; the codes
/// below are the ones only the HTTP layer can produce. Automation branches on these strings, so they
/// never change once shipped.</summary>
public static class ProblemCodes
{
    /// <summary>The body is not JSON, has the wrong JSON types, an unknown enum value, or is empty;
    /// or a query or route value could not be bound.</summary>
    public const string RequestMalformed = "request.malformed";

    /// <summary>A required field or query parameter is missing or empty.</summary>
    public const string FieldRequired = "request.field-required";

    /// <summary>The body is larger than the endpoint accepts (see <see cref="RequestLimits"/>).</summary>
    public const string RequestTooLarge = "request.too-large";

    /// <summary>The Content-Type is not one the endpoint reads.</summary>
    public const string UnsupportedMediaType = "request.unsupported-media-type";

    /// <summary>A batch has more items than <see cref="RequestLimits.MaxBatchItems"/>.</summary>
    public const string BatchTooLarge = "batch.too-large";

    /// <summary>The 6to4 endpoint's refusal of a non-global IPv4 (RFC 3056 §2). The library reports
    /// <c>ipv4.non-global</c>; the contract names this endpoint's refusal more specifically.</summary>
    public const string SixToFourNonGlobal = "6to4.non-global";

    /// <summary>A stream line longer than <see cref="RequestLimits.MaxStreamLineBytes"/>; reported for that line only.</summary>
    public const string StreamLineTooLong = "stream.line-too-long";

    /// <summary>No route matches the path.</summary>
    public const string RouteNotFound = "route.not-found";

    /// <summary>The route exists but not for this HTTP method.</summary>
    public const string MethodNotAllowed = "route.method-not-allowed";

    /// <summary>A fault in the service itself; the detail never carries internals.</summary>
    public const string ServerError = "server.error";

    /// <summary>The HTTP status for a code: 422 for well-formed input the rules refuse, 413 for size,
    /// 415 for media types, 400 for everything syntactic. The engines' field errors are all 400, including
    /// <c>router.global-name</c>: they arrive as one list, and one request must not get a status that depends
    /// on which of its errors happens to come first.</summary>
    public static int StatusFor(string code) => code switch
    {
        "nat64.wkp-non-global" or "ipv4.non-global" or SixToFourNonGlobal
            or "nat64.not-in-prefix" or "nat64.discovery-failed" => StatusCodes.Status422UnprocessableEntity,
        BatchTooLarge or RequestTooLarge => StatusCodes.Status413PayloadTooLarge,
        UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        RouteNotFound => StatusCodes.Status404NotFound,
        MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        ServerError => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The code for a response that carries only a status (routing, server limits).</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status404NotFound => RouteNotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => RequestTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        >= 500 => ServerError,
        _ => RequestMalformed,
    };

    /// <summary>A short, fixed title per code (RFC 9457 §3.1.3: the title does not vary between occurrences).</summary>
    public static string TitleFor(string code) => code switch
    {
        RequestMalformed => "The request is malformed.",
        FieldRequired => "A required value is missing.",
        RequestTooLarge => "The request body is too large.",
        UnsupportedMediaType => "The request body has an unsupported media type.",
        BatchTooLarge => "The batch has too many items.",
        SixToFourNonGlobal => "6to4 needs a globally reachable IPv4 address.",
        RouteNotFound => "No such resource.",
        MethodNotAllowed => "The method is not allowed for this resource.",
        ServerError => "An unexpected error occurred.",
        "address.invalid" => "The address is not valid.",
        "address.wrong-family" => "The address is of the wrong family.",
        "prefix.invalid" => "The prefix is not valid.",
        "prefix.host-bits" => "The prefix has bits set past its length.",
        "prefix.length" => "The prefix has the wrong length for this operation.",
        "nat64.prefix-length" => "The NAT64 prefix length is not allowed by RFC 6052.",
        "nat64.u-octet" => "The RFC 6052 u octet is not zero.",
        "nat64.not-in-prefix" => "The address is not inside the NAT64 prefix.",
        "nat64.wkp-non-global" => "The well-known prefix must not carry a non-global IPv4 address.",
        "nat64.discovery-failed" => "No NAT64 prefix could be discovered.",
        "ipv4.non-global" => "The IPv4 address is not globally reachable.",
        // The plan and diagnostics engines' field errors (always 400).
        ValidationCodes.TooLong => "A value is longer than its field allows.",
        ValidationCodes.DnsLabelInvalid => "The name is not a single RFC 1123 DNS label.",
        ValidationCodes.FqdnInvalid => "The name is not an RFC 1123 host name or FQDN.",
        ValidationCodes.ComputerNameInvalid => "The name is not a computer name.",
        ValidationCodes.DnsServerInvalid => "The DNS server is neither a host name nor an IPv4 address.",
        ValidationCodes.Ipv4Invalid => "The IPv4 address is not valid.",
        ValidationCodes.Ipv4NotUnicast => "The IPv4 address is not a unicast host address.",
        ValidationCodes.PrefixNotRoutable => "The prefix is not a routable unicast prefix.",
        ValidationCodes.GroupNameInvalid => "The group name is outside the allowed characters.",
        ValidationCodes.GpoNameInvalid => "The GPO name is outside the allowed characters.",
        ValidationCodes.DistinguishedNameInvalid => "The distinguished name is outside the allowed subset.",
        ValidationCodes.RouterGlobalName => "The ISATAP router name is the global name isatap.",
        ValidationCodes.Duplicate => "A value appears twice.",
        ValidationCodes.TooFew => "A list has too few items.",
        ValidationCodes.TooMany => "A list has too many items.",
        _ => "The request was refused.",
    };
}
