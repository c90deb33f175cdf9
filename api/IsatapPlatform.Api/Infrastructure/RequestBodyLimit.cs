using IsatapPlatform.Api.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace IsatapPlatform.Api.Infrastructure;

/// <summary>Endpoint metadata giving the endpoint's body limit in bytes; null means unlimited.</summary>
/// <param name="MaxRequestBodySize">The limit, or null for none (the streaming endpoint).</param>
public sealed record RequestBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

/// <summary>Applies each endpoint's body limit (<see cref="RequestLimits"/>): it sets the server's
/// <see cref="IHttpMaxRequestBodySizeFeature"/> so chunked bodies are cut off while being read, and
/// refuses a declared Content-Length above the limit before anything is read.</summary>
public static class RequestBodyLimitMiddleware
{
    /// <summary>Adds the middleware; call it after routing so the endpoint is known.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(static (context, next) =>
    {
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        long? limit = metadata is null ? RequestLimits.MaxJsonBodyBytes : metadata.MaxRequestBodySize;

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;

        if (limit is { } max && context.Request.ContentLength > max)
        {
            var problem = ApiProblems.Create(ProblemCodes.RequestTooLarge,
                $"The request body has {context.Request.ContentLength} bytes; this endpoint accepts at most {max}.");
            return problem.ExecuteAsync(context);
        }
        return next(context);
    });

    /// <summary>Gives the endpoint its own body limit (null: unlimited).</summary>
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long? maxBytes) where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new RequestBodyLimit(maxBytes));
}
