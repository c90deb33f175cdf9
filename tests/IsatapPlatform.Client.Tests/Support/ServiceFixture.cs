using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IsatapPlatform.Client.Tests.Support;

/// <summary>The real service in process (TestServer, no sockets) in the Production environment, the one automation
/// meets; one per test class.</summary>
public sealed class ServiceFixture : IDisposable
{
    /// <summary>Starts the service.</summary>
    public ServiceFixture()
    {
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
    }

    /// <summary>The factory hosting the service.</summary>
    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>A client on <c>factory.CreateClient()</c>, the HttpClient's base address naming the service's root.</summary>
    public IsatapPlatformClient CreateClient() => new(Factory.CreateClient());

    /// <summary>A client whose requests pass through <paramref name="handlers"/> (outermost first) to the service,
    /// rooted at <paramref name="baseAddress"/>.</summary>
    public IsatapPlatformClient CreateClient(Uri baseAddress, params DelegatingHandler[] handlers)
        => new(Factory.CreateDefaultClient(new Uri("http://localhost/"), handlers), new IsatapPlatformClientOptions { BaseAddress = baseAddress });

    /// <inheritdoc />
    public void Dispose() => Factory.Dispose();
}
