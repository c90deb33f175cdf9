extern alias api;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using IsatapPlatform.Addressing;
using IsatapPlatform.Client;
using IsatapPlatform.Contracts;
using IsatapPlatform.Contracts.Addresses;
using IsatapPlatform.Contracts.Nat64;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ApiEntryPoint = api::Program;

namespace IsatapPlatform.Benchmarks;

/// <summary>Issue 6: the typed client may add at most 10% to the same call made with raw
/// <see cref="HttpClient"/> and System.Text.Json into the contract records.</summary>
/// <remarks>
/// <para>Both sides share one <see cref="HttpClient"/> (one connection pool) and the same in-process service.
/// The baselines start from ready-made strings and stop at the contract record; the client starts from the
/// addressing value types (it formats them) and ends with typed values (it parses the canonical strings back),
/// so the client's whole extra work is inside the ratio.</para>
/// <para><see cref="Host"/>: <c>Kestrel</c> is the service on loopback Kestrel (127.0.0.1, a free port, HTTP/1.1
/// over SocketsHttpHandler), the path a real caller takes. <c>TestServer</c> is the in-memory test server: no
/// sockets, so the fixed cost per call is smaller and the client's share of it larger; it is the stricter of
/// the two.</para>
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClientBenchmarks
{
    private const string Derive = "Derive";
    private const string Inspect = "Inspect";

    private static readonly JsonSerializerOptions Json = ContractJson.CreateOptions();

    /// <summary>Where the service runs.</summary>
    [Params("Kestrel", "TestServer")]
    public string Host { get; set; } = "Kestrel";

    private WebApplicationFactory<ApiEntryPoint> _factory = null!;
    private HttpClient _http = null!;
    private IsatapPlatformClient _client = null!;

    private Nat64Prefix _prefix;
    private IPv4Address _ipv4;
    private IPv6Address _teredo;
    private DeriveRequest _deriveRequest = null!;
    private string _inspectPath = null!;

    /// <summary>Starts the service and checks that both ways get the same answers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        // The factory guesses the content root from the solution layout, which fails from BenchmarkDotNet's generated
        // projects and from the repository root; the service's appsettings.json is copied next to this assembly.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ISATAPPLATFORM_API", AppContext.BaseDirectory);
        _factory = new WebApplicationFactory<ApiEntryPoint>().WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        if (Host == "Kestrel")
        {
            _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            _factory.StartServer();
            var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(address) };
        }
        else
        {
            _http = _factory.CreateDefaultClient(new Uri("http://localhost/"));
        }
        _client = new IsatapPlatformClient(_http);

        _prefix = Nat64Prefix.Parse("fd03:b402:e10c:7777::/96");
        _ipv4 = IPv4Address.Parse("172.16.1.225");
        _teredo = IPv6Address.Parse("2001:0:4136:e378:8000:63bf:3fff:fdd2");
        _deriveRequest = new DeriveRequest("fd03:b402:e10c:7777::/96", "172.16.1.225");
        _inspectPath = "api/v1/addresses/" + Uri.EscapeDataString("2001:0:4136:e378:8000:63bf:3fff:fdd2");

        string raw = DeriveRawOnce().GetAwaiter().GetResult();
        var typed = DeriveClientOnce().GetAwaiter().GetResult();
        Check(raw == typed.Ipv6.ToString() && raw == "fd03:b402:e10c:7777::ac10:1e1", "derive");
        var rawInspect = InspectRawOnce().GetAwaiter().GetResult();
        var typedInspect = InspectClientOnce().GetAwaiter().GetResult();
        Check(rawInspect.Kinds.SequenceEqual(typedInspect.KindNames) && rawInspect.Kinds.Contains("teredo"), "inspect");
    }

    /// <summary>Stops the service.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _factory.Dispose();
    }

    // Each invocation makes this many calls one after another. BenchmarkDotNet waits for an asynchronous benchmark
    // by blocking on its task; on a loaded machine that wake-up per invocation costs as much as a call, so it is
    // paid once per batch. The tables are per call (OperationsPerInvoke).
    private const int Calls = 32;

    /// <summary>Baseline: <c>PostAsJsonAsync</c> and <c>ReadFromJsonAsync</c> into the contract record.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "HttpClient + STJ: POST derive")]
    [BenchmarkCategory(Derive)]
    public async Task<string> DeriveRaw()
    {
        string last = "";
        for (int i = 0; i < Calls; i++) last = await DeriveRawOnce();
        return last;
    }

    /// <summary>The same call through the client.</summary>
    [Benchmark(OperationsPerInvoke = Calls, Description = "IsatapPlatformClient.DeriveNat64Async")]
    [BenchmarkCategory(Derive)]
    public async Task<Nat64Derivation> DeriveClient()
    {
        Nat64Derivation last = null!;
        for (int i = 0; i < Calls; i++) last = await DeriveClientOnce();
        return last;
    }

    /// <summary>Baseline: <c>GetFromJsonAsync</c> into the contract record.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "HttpClient + STJ: GET inspect")]
    [BenchmarkCategory(Inspect)]
    public async Task<InspectResponse> InspectRaw()
    {
        InspectResponse last = null!;
        for (int i = 0; i < Calls; i++) last = await InspectRawOnce();
        return last;
    }

    /// <summary>The same call through the client.</summary>
    [Benchmark(OperationsPerInvoke = Calls, Description = "IsatapPlatformClient.InspectAddressAsync")]
    [BenchmarkCategory(Inspect)]
    public async Task<InspectedAddress> InspectClient()
    {
        InspectedAddress last = null!;
        for (int i = 0; i < Calls; i++) last = await InspectClientOnce();
        return last;
    }

    /// <summary>One baseline derive call.</summary>
    public async Task<string> DeriveRawOnce()
    {
        using var response = await _http.PostAsJsonAsync("api/v1/nat64/derive", _deriveRequest, Json);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<DeriveResponse>(Json);
        return body!.Ipv6;
    }

    /// <summary>One client derive call.</summary>
    public Task<Nat64Derivation> DeriveClientOnce() => _client.DeriveNat64Async(_prefix, _ipv4);

    /// <summary>One baseline inspect call.</summary>
    public async Task<InspectResponse> InspectRawOnce()
        => (await _http.GetFromJsonAsync<InspectResponse>(_inspectPath, Json))!;

    /// <summary>One client inspect call.</summary>
    public Task<InspectedAddress> InspectClientOnce() => _client.InspectAddressAsync(_teredo);

    private static void Check(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException($"The baseline and the client disagree on {what}.");
    }
}
