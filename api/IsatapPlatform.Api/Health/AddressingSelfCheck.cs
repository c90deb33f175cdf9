using IsatapPlatform.Addressing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IsatapPlatform.Api.Health;

/// <summary>Readiness: the addressing library loads and derives the DirectAccess worked example
/// correctly. It has no external dependency, so this is all "ready" can mean for this service.</summary>
internal sealed class AddressingSelfCheck : IHealthCheck
{
    private const string Expected = "fd03:b402:e10c:7777::ac10:1e1";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        bool ok = Nat64Prefix.TryParse("fd03:b402:e10c:7777::/96", out var prefix)
            && IPv4Address.TryParse("172.16.1.225", out var ipv4)
            && prefix.Embed(ipv4).ToString() == Expected;
        return Task.FromResult(ok
            ? HealthCheckResult.Healthy("the addressing library derives the worked example")
            : HealthCheckResult.Unhealthy("the addressing library gave a wrong answer for the worked example"));
    }
}
