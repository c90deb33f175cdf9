using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace IsatapPlatform.Api.Health;

/// <summary>Liveness and readiness probes for container orchestrators and load balancers.</summary>
public static class HealthEndpoints
{
    /// <summary>The tag of checks that must pass before the service takes traffic.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Maps <c>/health/live</c> (the process answers; runs no check, so it is also the load
    /// test's baseline) and <c>/health/ready</c> (the checks tagged <see cref="ReadyTag"/> pass).</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
