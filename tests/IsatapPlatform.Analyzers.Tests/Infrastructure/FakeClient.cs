namespace IsatapPlatform.Analyzers.Tests.Infrastructure;

/// <summary>A stand-in for the typed REST client that does not exist yet. The analyzers know it only
/// by convention (namespace IsatapPlatform.Client, parameter and property names), so this is enough
/// to test them; when the real client arrives it must follow the same names.</summary>
internal static class FakeClient
{
    public const string Source = """
        using System.Threading;
        using System.Threading.Tasks;
        using IsatapPlatform.Addressing;

        namespace IsatapPlatform.Client
        {
            public sealed class IsatapPlatformClient
            {
                public Task<string> DeriveNat64AddressAsync(string prefix, string ipv4, CancellationToken cancellationToken = default) => Task.FromResult("");
                public Task<string> DeriveNat64AddressAsync(Nat64Prefix prefix, IPv4Address ipv4, CancellationToken cancellationToken = default) => Task.FromResult("");
                public Task<string> CreateIsatapAddressAsync(string prefix, string ipv4, CancellationToken cancellationToken = default) => Task.FromResult("");
                public Task<string> CreateSixToFourPrefixAsync(string ipv4, CancellationToken cancellationToken = default) => Task.FromResult("");
                public Task<string> CreateSixToFourPrefixAsync(System.Net.IPAddress ipv4, CancellationToken cancellationToken = default) => Task.FromResult("");
                public Task<string> DeriveDirectAccessPrefixesAsync(string publicIpv4, CancellationToken cancellationToken = default) => Task.FromResult("");
                public Task<string> ExtractAsync(string ipv6, string? prefix = null, CancellationToken cancellationToken = default) => Task.FromResult("");
                public Task<string> InspectAsync(string address, string? nat64Prefix = null) => Task.FromResult("");
                public Task ConfigureRouterAsync(string routerName, bool allowGlobalName = false) => Task.CompletedTask;
                public Task<string> CreatePlanAsync(PlanRequest request, CancellationToken cancellationToken = default) => Task.FromResult("");
                public Nat64Client Nat64 { get; } = new Nat64Client();
            }

            public sealed class Nat64Client
            {
                public Task<string> DeriveAsync(string prefix, string ipv4) => Task.FromResult("");
            }

            public sealed class PlanRequest
            {
                public DeploymentSpec? Deployment { get; init; }
                public RouterSpec? Router { get; init; }
                public string? Name { get; init; }
            }

            public sealed class DeploymentSpec
            {
                public string? IsatapPrefix { get; set; }
                public string? VirtualIpv4 { get; set; }
            }

            public sealed class RouterSpec
            {
                public string? Name { get; init; }
                public bool AllowGlobalName { get; init; }
            }

            public sealed record Nat64DeriveRequest
            {
                public string? Prefix { get; init; }
                public string? Ipv4 { get; init; }
            }

            public sealed record IsatapAddressRequest(string Prefix, string Ipv4);

            public sealed record DirectAccessPrefixesRequest(string PublicIpv4);
        }
        """;
}
