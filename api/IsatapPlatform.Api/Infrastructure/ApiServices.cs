using FluentValidation;
using IsatapPlatform.Api.Health;
using IsatapPlatform.Api.Infrastructure.OpenApi;
using IsatapPlatform.Api.Infrastructure.Problems;

namespace IsatapPlatform.Api.Infrastructure;

/// <summary>Service registration and request pipeline of the API host, so that Program.cs stays a
/// table of contents.</summary>
public static class ApiServices
{
    /// <summary>Registers JSON options, problem details, validation, OpenAPI and health checks.</summary>
    public static WebApplicationBuilder AddIsatapPlatformApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // The server-wide default; endpoints raise or lift it (RequestBodyLimitMiddleware).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxJsonBodyBytes);

        // The wire conventions are defined with the contracts, so the client reads and writes exactly what the service does.
        services.ConfigureHttpJsonOptions(options => ContractJson.Configure(options.SerializerOptions));

        // Binding failures throw BadHttpRequestException in every environment (the framework default
        // is to throw only in Development and otherwise answer an empty 400), so that one exception
        // handler turns them all into problem details with a code.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        // Registered before AddProblemDetails so that it is the first writer asked (see its remarks).
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<ExceptionHandlerOptions>(options =>
            options.SuppressDiagnosticsCallback = context => ApiExceptionHandler.IsClientError(context.Exception));

        // Singletons: the validators are stateless, and the validation filter resolves each once per endpoint.
        services.AddValidatorsFromAssemblyContaining<ApiExceptionHandler>(ServiceLifetime.Singleton, includeInternalTypes: true);

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(SwaggerSetup.Configure);

        services.AddHealthChecks().AddCheck<AddressingSelfCheck>("addressing", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>Error handling, body limits and Swagger, in the order they must wrap the endpoints.</summary>
    public static WebApplication UseIsatapPlatformApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/swagger/v1/swagger.json", "IsatapPlatform API v1");
            options.DocumentTitle = "IsatapPlatform API";
        });
        app.UseRouting();
        app.UseRequestBodyLimits();
        return app;
    }
}
