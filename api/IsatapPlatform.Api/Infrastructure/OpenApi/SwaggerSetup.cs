using IsatapPlatform.Api.Nat64;
using IsatapPlatform.Diagnostics;
using IsatapPlatform.Planning;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IsatapPlatform.Api.Infrastructure.OpenApi;

/// <summary>The OpenAPI document: one version, descriptions from the XML docs, examples on every
/// operation. The served document is committed at <c>api/openapi/v1.json</c> and a test fails when
/// they differ, so a contract change is always a reviewed diff.</summary>
internal static class SwaggerSetup
{
    public const string Description = """
        IPv6 transition addressing for DirectAccess manage-out: RFC 6052 NAT64 derivation and extraction,
        RFC 7050 prefix discovery, address inspection (ISATAP, 6to4, Teredo, NAT64, IPv4-mapped), ISATAP
        addresses, 6to4 prefixes and the prefixes a DirectAccess server derives from its public IPv4.
        ISATAP manage-out plans (ordered, reversible steps with exact commands, also as a zip of scripts)
        and host diagnosis from pasted evidence or the read-only collector, with the exact fix.

        Errors are RFC 9457 `application/problem+json` with a stable `code` member (for example
        `nat64.prefix-length`, `nat64.u-octet`, `prefix.host-bits`, `nat64.wkp-non-global`,
        `address.invalid`, `address.wrong-family`, `batch.too-large`, `request.malformed`) and, for
        field errors, an `errors` map keyed by JSON property name (`prefix`, `ipv4[3]`). The detail
        says where parsing stopped ("at position 23"). Status codes: 400 malformed input, 413 too
        large, 415 unsupported media type, 422 well-formed input that the RFC rules refuse. The plan
        and diagnostics endpoints key `errors` by JSON path (`deployment.servers[0].name`) and add
        `codes`, the code of every error under the same keys; `code` is the first one (for example
        `router.global-name`, `computer-name.invalid`, `request.field-required`).

        Limits: JSON bodies up to 1 MiB (1,048,576 bytes), plan and diagnosis requests included (each
        text evidence field of a diagnosis up to 524,288 characters); the batch endpoint up to 8 MiB
        (8,388,608 bytes) and 100,000 items; the stream endpoint has no body limit and reads lines of
        up to 256 bytes (a longer line is an error for that line only).
        JSON uses camelCase member names and kebab-case enum values.
        """;

    public static void Configure(SwaggerGenOptions options)
    {
        options.SwaggerDoc("v1", new OpenApiInfo
        {
            Title = "IsatapPlatform API",
            Version = "v1",
            Description = Description,
        });
        options.IncludeXmlComments(typeof(SwaggerSetup).Assembly);
        // The request and response records live in the shared contracts assembly; their XML docs describe the fields.
        options.IncludeXmlComments(typeof(ContractJson).Assembly);
        options.IncludeXmlComments(typeof(PlanningAssembly).Assembly);
        options.IncludeXmlComments(typeof(DiagnosticsAssembly).Assembly);
        options.DescribeAllParametersInCamelCase();
        options.SupportNonNullableReferenceTypes();
        options.OperationFilter<OpenApiExamplesFilter>();
        options.ParameterFilter<QueryParameterFilter>();
        options.SchemaFilter<ProblemDetailsSchemaFilter>();
        options.DocumentFilter<DescriptionWhitespaceFilter>();
        // The batch's item list is read by a custom converter; on the wire it is an array of strings.
        options.MapType<Ipv4Batch>(() => new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = new OpenApiSchema { Type = JsonSchemaType.String },
            MaxItems = RequestLimits.MaxBatchItems,
            Description = "IPv4 addresses as dotted quads, up to 100,000.",
        });
    }
}
