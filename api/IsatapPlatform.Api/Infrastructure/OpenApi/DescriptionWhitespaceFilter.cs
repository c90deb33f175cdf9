using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IsatapPlatform.Api.Infrastructure.OpenApi;

/// <summary>Folds the line breaks and indentation that multi-line XML doc comments leave in schema and
/// parameter descriptions ("when it\n            was derived") into single spaces.</summary>
internal sealed partial class DescriptionWhitespaceFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var visited = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        if (document.Components?.Schemas is { } schemas)
            foreach (var schema in schemas.Values) Fold(schema, visited);

        foreach (var path in document.Paths.Values)
        {
            if (path.Operations is null) continue;
            foreach (var operation in path.Operations.Values)
            {
                if (operation.Parameters is null) continue;
                foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
                    parameter.Description = Fold(parameter.Description);
            }
        }
    }

    private static void Fold(IOpenApiSchema schema, HashSet<IOpenApiSchema> visited)
    {
        if (schema is not OpenApiSchema concrete || !visited.Add(concrete)) return;
        concrete.Description = Fold(concrete.Description);
        if (concrete.Properties is { } properties)
            foreach (var property in properties.Values) Fold(property, visited);
        if (concrete.Items is { } items) Fold(items, visited);
    }

    private static string? Fold(string? text) => text is null ? null : LineBreak().Replace(text, " ");

    [GeneratedRegex(@"[ \t]*\r?\n[ \t]*")]
    private static partial Regex LineBreak();
}
