namespace IsatapPlatform.Api.Infrastructure.OpenApi;

/// <summary>Endpoint metadata carrying the request and response examples that
/// <see cref="OpenApiExamplesFilter"/> writes into the OpenAPI document. Examples are real request and
/// response objects, serialised with the API's own JSON options, so they cannot drift from the wire
/// format; the integration tests replay them.</summary>
public sealed class OpenApiExamples
{
    /// <summary>The request body example (an object serialised as JSON, or a string for text bodies).</summary>
    public object? Request { get; init; }

    /// <summary>Examples of query or route parameters, by parameter name.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Response examples by status code.</summary>
    public IReadOnlyDictionary<int, object> Responses { get; init; } = new Dictionary<int, object>();
}

/// <summary>Attaches <see cref="OpenApiExamples"/> to endpoints.</summary>
public static class OpenApiExamplesExtensions
{
    /// <summary>Documents the endpoint with examples (shown by Swagger UI, used by "Try it out").</summary>
    public static RouteHandlerBuilder WithExamples(this RouteHandlerBuilder builder, OpenApiExamples examples)
        => builder.WithMetadata(examples);
}
