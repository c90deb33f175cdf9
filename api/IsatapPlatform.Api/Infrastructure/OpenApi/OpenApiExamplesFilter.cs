using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IsatapPlatform.Api.Infrastructure.OpenApi;

/// <summary>Writes the <see cref="OpenApiExamples"/> of an endpoint into its OpenAPI operation.</summary>
internal sealed class OpenApiExamplesFilter(IOptions<JsonOptions> jsonOptions) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var examples = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<OpenApiExamples>().LastOrDefault();
        if (examples is null) return;

        if (examples.Request is { } request && operation.RequestBody?.Content is { } requestContent)
        {
            foreach (var media in requestContent.Values.OfType<OpenApiMediaType>())
                media.Example = ToNode(request);
        }

        if (operation.Parameters is { } parameters)
        {
            foreach (var parameter in parameters.OfType<OpenApiParameter>())
            {
                if (parameter.Name is { } name && examples.Parameters.TryGetValue(name, out var value))
                    parameter.Example = JsonValue.Create(value);
            }
        }

        if (operation.Responses is { } responses)
        {
            foreach (var (status, example) in examples.Responses)
            {
                if (responses.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) && response.Content is { } content)
                {
                    foreach (var media in content.Values.OfType<OpenApiMediaType>())
                        media.Example = ToNode(example);
                }
            }
        }
    }

    private JsonNode? ToNode(object value) => value is string text
        ? JsonValue.Create(text)
        : JsonSerializer.SerializeToNode(value, value.GetType(), jsonOptions.Value.SerializerOptions);
}
