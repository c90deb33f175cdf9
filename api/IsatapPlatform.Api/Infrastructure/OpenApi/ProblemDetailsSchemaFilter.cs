using IsatapPlatform.Api.Infrastructure.Problems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IsatapPlatform.Api.Infrastructure.OpenApi;

/// <summary>Documents the members every problem of this API has beyond RFC 9457's own: the stable
/// <c>code</c>, the <c>errors</c> and <c>codes</c> maps and the <c>traceId</c>. Without this the schema would show only
/// "additional properties", and client generators would miss the field automation branches on.</summary>
internal sealed class ProblemDetailsSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(ProblemDetails) || schema is not OpenApiSchema problem) return;
        problem.Description = "RFC 9457 problem details. `code` is stable and machine-readable; `detail` says what was wrong and where.";
        problem.Properties ??= new Dictionary<string, IOpenApiSchema>();
        problem.Properties[ApiProblems.CodeKey] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Stable machine-readable code, for example nat64.prefix-length, address.invalid, request.malformed.",
        };
        problem.Properties[ApiProblems.ErrorsKey] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Field errors keyed by JSON property name (\"prefix\", \"addresses[3]\"); present for field errors only.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        problem.Properties[ApiProblems.CodesKey] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The stable code of every field error, keyed like errors (\"router.name\": [\"router.global-name\"]); "
                + "present for the field errors of the plan and diagnostics endpoints.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        problem.Properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Identifies the request in the service log.",
        };
        problem.Required ??= new HashSet<string>();
        problem.Required.Add(ApiProblems.CodeKey);
    }
}
