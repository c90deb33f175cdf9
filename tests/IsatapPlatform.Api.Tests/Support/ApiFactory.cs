using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IsatapPlatform.Api.Tests.Support;

/// <summary>The API on the in-memory test server, in the Production environment: the environment
/// automation meets, where the framework is least forgiving about error handling (no developer
/// exception page behind ours).</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Production");
}
