using System.Net;
using IsatapPlatform.Addressing;
using IsatapPlatform.Client.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace IsatapPlatform.Client.Tests.DependencyInjection;

/// <summary>AddIsatapPlatformClient: the typed client from IHttpClientFactory, and the standard resilience handler's
/// retry limited to retry-safe requests of callers that have not cancelled.</summary>
public sealed class AddIsatapPlatformClientTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    private static readonly Nat64Prefix Prefix = Nat64Prefix.Parse("fd03:b402:e10c:7777::/96");
    private static readonly IPv4Address Ipv4 = IPv4Address.Parse("172.16.1.225");

    private const string Derivation = """
        {"prefix":"fd03:b402:e10c:7777::/96","ipv4":"172.16.1.225","ipv6":"fd03:b402:e10c:7777::ac10:1e1",
         "ipv6Mixed":"fd03:b402:e10c:7777::172.16.1.225","reverseName":"r","warnings":[]}
        """;

    /// <summary>The client from a container whose transport is <paramref name="transport"/>; retries without delay so
    /// that the tests do not wait out the standard back-off.</summary>
    private static ServiceProvider Container(HttpMessageHandler transport, Action<HttpStandardResilienceOptions>? resilience = null,
        Action<IHttpClientBuilder>? customise = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddIsatapPlatformClient(o => o.BaseAddress = new Uri("http://stub/isatap/"), options =>
        {
            options.Retry.Delay = TimeSpan.Zero;
            resilience?.Invoke(options);
        });
        builder.ConfigurePrimaryHttpMessageHandler(() => transport);
        customise?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    /// <summary>Fails the first <paramref name="failures"/> requests with <paramref name="failure"/>, then answers <paramref name="body"/>.</summary>
    private static StubHandler FailingThenOk(int failures, Func<HttpResponseMessage> failure, string body = Derivation)
        => new((_, call) => call < failures ? failure() : StubHandler.Response(HttpStatusCode.OK, body, "application/json"));

    private static HttpResponseMessage Unavailable() => StubHandler.Response(HttpStatusCode.ServiceUnavailable, "", "text/plain");

    [Fact]
    public async Task The_typed_client_talks_to_the_service_at_the_configured_base_address()
    {
        var services = new ServiceCollection();
        services.AddIsatapPlatformClient(o => o.BaseAddress = new Uri("http://localhost/"))
            .ConfigurePrimaryHttpMessageHandler(() => service.Factory.Server.CreateHandler());
        await using var provider = services.BuildServiceProvider();

        var prefix = await provider.GetRequiredService<IsatapPlatformClient>().CreateSixToFourPrefixAsync(IPv4Address.Parse("131.107.0.1"));

        Assert.Equal(IPv6Prefix.Parse("2002:836b:1::/48"), prefix);
    }

    [Fact]
    public async Task Registering_twice_adds_to_the_options_but_not_a_second_resilience_handler()
    {
        // Two registrations (a library and the application) must not nest two standard handlers: their retries would
        // multiply (4 x 4 = 16 attempts instead of 4 for a request that always fails).
        var transport = FailingThenOk(int.MaxValue, Unavailable);
        var services = new ServiceCollection();
        services.AddIsatapPlatformClient(o => o.BaseAddress = new Uri("http://stub/isatap/"), options => options.Retry.Delay = TimeSpan.Zero);
        services.AddIsatapPlatformClient(o => o.BatchSize = 1_234, options => options.Retry.MaxRetryAttempts = 2)
            .ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IsatapPlatformClient>();

        await Assert.ThrowsAsync<IsatapPlatformServerException>(() => client.DeriveNat64Async(Prefix, Ipv4));

        Assert.Equal(3, transport.Calls); // one handler, with the second call's 2 retries
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<IsatapPlatformClientOptions>>()
            .Get(IsatapPlatformClientServiceCollectionExtensions.HttpClientName);
        Assert.Equal(1_234, options.BatchSize);
        Assert.Equal(new Uri("http://stub/isatap/"), options.BaseAddress);
    }

    [Fact]
    public async Task A_retry_safe_POST_that_fails_transiently_twice_is_retried_until_it_succeeds()
    {
        var transport = FailingThenOk(2, Unavailable);
        await using var provider = Container(transport);

        var derivation = await provider.GetRequiredService<IsatapPlatformClient>().DeriveNat64Async(Prefix, Ipv4);

        Assert.Equal(IPv6Address.Parse("fd03:b402:e10c:7777::ac10:1e1"), derivation.Ipv6);
        Assert.Equal(3, transport.Calls);
    }

    [Fact]
    public async Task Connection_failures_of_a_GET_are_retried_too()
    {
        var transport = new StubHandler((_, call) => call < 2
            ? throw new HttpRequestException("Connection refused")
            : StubHandler.Response(HttpStatusCode.OK, "[]", "application/json"));
        await using var provider = Container(transport);

        var catalog = await provider.GetRequiredService<IsatapPlatformClient>().GetFindingCatalogAsync();

        Assert.Empty(catalog);
        Assert.Equal(3, transport.Calls);
    }

    [Fact]
    public async Task The_client_gives_up_after_the_standard_attempts_with_the_last_error()
    {
        var transport = new StubHandler((_, _) => Unavailable());
        await using var provider = Container(transport);

        var e = await Assert.ThrowsAsync<IsatapPlatformServerException>(() => provider.GetRequiredService<IsatapPlatformClient>().DeriveNat64Async(Prefix, Ipv4));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.Status);
        Assert.Equal(4, transport.Calls); // the first attempt and the standard 3 retries
    }

    [Fact]
    public async Task A_validation_error_is_not_transient_and_is_not_retried()
    {
        var transport = new StubHandler((_, _) => StubHandler.Response(HttpStatusCode.UnprocessableEntity, """{"code":"nat64.wkp-non-global"}""", "application/problem+json"));
        await using var provider = Container(transport);

        await Assert.ThrowsAsync<IsatapPlatformValidationException>(() => provider.GetRequiredService<IsatapPlatformClient>().DeriveNat64Async(Prefix, Ipv4));

        Assert.Equal(1, transport.Calls);
    }

    [Theory]
    [InlineData("POST", false, 1)] // marked unsafe, as a streaming derivation is
    [InlineData("POST", null, 1)]  // unmarked: POST is not idempotent by HTTP semantics
    [InlineData("GET", false, 1)]  // the mark wins over the method
    [InlineData("GET", null, 3)]   // unmarked GET: idempotent by HTTP semantics
    [InlineData("POST", true, 3)]
    public async Task Only_requests_that_are_retry_safe_are_retried(string method, bool? retrySafe, int attempts)
    {
        var transport = FailingThenOk(2, Unavailable);
        await using var provider = Container(transport);
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(IsatapPlatformClientServiceCollectionExtensions.HttpClientName);
        using var request = new HttpRequestMessage(new HttpMethod(method), "http://stub/isatap/api/v1/nat64/derive/stream");
        if (retrySafe is { } safe) request.Options.Set(IsatapPlatformClient.RetrySafeOption, safe);

        using var response = await http.SendAsync(request);

        Assert.Equal(attempts, transport.Calls);
        Assert.Equal(attempts == 3 ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task A_retry_predicate_of_the_caller_cannot_make_an_unsafe_request_retried()
    {
        var transport = FailingThenOk(2, Unavailable);
        await using var provider = Container(transport, options => options.Retry.ShouldHandle = _ => ValueTask.FromResult(true));
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(IsatapPlatformClientServiceCollectionExtensions.HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://stub/isatap/api/v1/nat64/derive/stream");
        request.Options.Set(IsatapPlatformClient.RetrySafeOption, false);

        using var response = await http.SendAsync(request);

        Assert.Equal(1, transport.Calls);
    }

    [Fact]
    public async Task Nothing_is_retried_once_the_caller_has_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var transport = new StubHandler((_, _) =>
        {
            cancellation.Cancel(); // the caller gives up while the service is failing
            return Unavailable();
        });
        await using var provider = Container(transport);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => provider.GetRequiredService<IsatapPlatformClient>().DeriveNat64Async(Prefix, Ipv4, cancellationToken: cancellation.Token));

        Assert.Equal(1, transport.Calls);
    }

    [Fact]
    public async Task The_returned_builder_customises_the_pipeline_and_inner_handlers_see_every_attempt()
    {
        var transport = FailingThenOk(1, Unavailable);
        var recorder = new RecordingHandler();
        await using var provider = Container(transport, customise: builder => builder.AddHttpMessageHandler(() => recorder));

        await provider.GetRequiredService<IsatapPlatformClient>().DeriveNat64Async(Prefix, Ipv4);

        Assert.Equal(2, recorder.Requests.Count);
        Assert.All(recorder.Requests, r => Assert.Equal("http://stub/isatap/api/v1/nat64/derive", r.Uri.AbsoluteUri));
        Assert.All(recorder.Requests, r => Assert.True(r.RetrySafe));
        Assert.Equal(recorder.Requests[0].Body, recorder.Requests[1].Body); // the JSON body is sent again in full
    }

    [Fact]
    public void Arguments_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddIsatapPlatformClient(null!));
        Assert.Throws<ArgumentNullException>(() => IsatapPlatformClientServiceCollectionExtensions.AddIsatapPlatformClient(null!, _ => { }));
    }

    [Fact]
    public async Task Without_a_base_address_resolving_the_client_says_what_to_set()
    {
        var services = new ServiceCollection();
        services.AddIsatapPlatformClient(_ => { });
        await using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<IsatapPlatformClient>());

        Assert.Contains("BaseAddress", e.Message, StringComparison.Ordinal);
    }
}
