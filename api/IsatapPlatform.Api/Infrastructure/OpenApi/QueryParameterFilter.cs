using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IsatapPlatform.Api.Infrastructure.OpenApi;

/// <summary>Documents the data annotations of <c>[AsParameters]</c> properties, which Swashbuckle reads
/// only on JSON bodies: <see cref="RequiredAttribute"/> marks the parameter required, and
/// <see cref="AllowedValuesAttribute"/> becomes the schema's <c>enum</c> (a text parameter such as
/// <c>policy</c> then documents its values like the JSON enum does).</summary>
internal sealed class QueryParameterFilter : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        MemberInfo? member = context.PropertyInfo;
        if (member is null) return;

        if (member.GetCustomAttribute<RequiredAttribute>() is not null && parameter is OpenApiParameter concrete)
            concrete.Required = true;

        if (member.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed && parameter.Schema is OpenApiSchema schema)
            schema.Enum = allowed.Values.Select(v => (JsonNode)JsonValue.Create(v?.ToString())!).ToList();
    }
}
