using IsatapPlatform.Client;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IsatapPlatformClient"/> with <c>IHttpClientFactory</c> and the standard resilience handler.</summary>
public static class IsatapPlatformClientServiceCollectionExtensions
{
    /// <summary>The name of the client's <see cref="HttpClient"/> and of its <see cref="IsatapPlatformClientOptions"/>
    /// (the typed client's default name). The standard resilience handler's options are named <c>{Name}-standard</c>.</summary>
    public const string HttpClientName = nameof(IsatapPlatformClient);

    /// <summary>Registers <see cref="IsatapPlatformClient"/> as an <c>IHttpClientFactory</c> typed client with the
    /// standard resilience handler of Microsoft.Extensions.Http.Resilience (rate limiter, total timeout 30 s, retry,
    /// circuit breaker, attempt timeout 10 s).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="IsatapPlatformClientOptions.BaseAddress"/> at least.</param>
    /// <returns>The client's builder, to customise further (<c>ConfigureHttpClient</c>, <c>AddHttpMessageHandler</c>,
    /// <c>ConfigurePrimaryHttpMessageHandler</c>...). Do not add a second resilience handler to it: use the overload
    /// that takes the resilience options instead. Calling this method again adds to the options (and to the resilience
    /// options) without registering a second client or handler.</returns>
    /// <remarks>
    /// <para>The retry never repeats a request that <see cref="IsatapPlatformClient.IsRetrySafe"/> says is unsafe (a
    /// streaming derivation, whose body is read once), and never once the caller's token is cancelled: only transient
    /// failures (connection errors, 408, 429, 5xx, attempt timeouts) of retry-safe requests are retried.</para>
    /// <para>Timeouts: the total and attempt timeouts bound <see cref="HttpClient.SendAsync(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/>,
    /// that is, until the response headers for the calls that read the body afterwards. The JSON methods read their
    /// small bodies right after the headers; the streaming derivation reads its body while the caller enumerates, which
    /// no timeout of the handler covers (a stalled stream is ended by the caller's token or by
    /// <see cref="HttpClient.Timeout"/>, which also covers only the headers). Pass a token with a deadline to bound a
    /// whole stream.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    public static IHttpClientBuilder AddIsatapPlatformClient(this IServiceCollection services, Action<IsatapPlatformClientOptions> configure)
        => AddIsatapPlatformClient(services, configure, configureResilience: null);

    /// <summary>Registers <see cref="IsatapPlatformClient"/> as <see cref="AddIsatapPlatformClient(IServiceCollection, Action{IsatapPlatformClientOptions})"/>
    /// does, with the standard resilience options customised by <paramref name="configureResilience"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="IsatapPlatformClientOptions.BaseAddress"/> at least.</param>
    /// <param name="configureResilience">Changes the standard resilience options (timeouts, retry count and delay,
    /// circuit breaker); null for the defaults. A retry predicate set here is combined with the client's own: a request
    /// that is not retry-safe, or whose caller cancelled, is still never retried.</param>
    /// <returns>The client's builder, to customise further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    public static IHttpClientBuilder AddIsatapPlatformClient(this IServiceCollection services, Action<IsatapPlatformClientOptions> configure,
        Action<HttpStandardResilienceOptions>? configureResilience)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<IsatapPlatformClientOptions>(HttpClientName).Configure(configure);
        if (services.Any(d => d.ServiceType == typeof(Registered)))
        {
            // Called again (a library and the application both register the client): add to the configuration, but
            // not a second typed client or resilience handler, which would nest retries (4 x 4 attempts).
            if (configureResilience is not null)
                services.Configure<HttpStandardResilienceOptions>(HttpClientName + "-standard", options => ConfigureRetry(options, configureResilience));
            return services.AddHttpClient(HttpClientName);
        }

        services.AddSingleton<Registered>();
        var builder = services.AddHttpClient(HttpClientName).AddTypedClient<IsatapPlatformClient>(Create);
        builder.AddStandardResilienceHandler(options => ConfigureRetry(options, configureResilience));
        return builder;
    }

    /// <summary>Marks a service collection in which the client is registered.</summary>
    private sealed class Registered;

    /// <summary>Applies the caller's changes, then keeps the client's retry rule in front of whatever predicate they set.</summary>
    private static void ConfigureRetry(HttpStandardResilienceOptions options, Action<HttpStandardResilienceOptions>? configureResilience)
    {
        configureResilience?.Invoke(options);
        var shouldHandle = options.Retry.ShouldHandle;
        options.Retry.ShouldHandle = args => ShouldRetryAsync(args, shouldHandle);
    }

    private static IsatapPlatformClient Create(HttpClient httpClient, IServiceProvider provider)
        => new(httpClient, provider.GetRequiredService<IOptionsMonitor<IsatapPlatformClientOptions>>().Get(HttpClientName));

    /// <summary>The retry predicate: the caller has not cancelled, the request is safe to send again, and the
    /// configured predicate (by default the standard transient-failure one) says the outcome is transient.</summary>
    internal static ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args,
        Func<RetryPredicateArguments<HttpResponseMessage>, ValueTask<bool>>? shouldHandle)
    {
        if (args.Context.CancellationToken.IsCancellationRequested) return new ValueTask<bool>(false);
        if (!IsatapPlatformClient.IsRetrySafe(args.Context.GetRequestMessage())) return new ValueTask<bool>(false);
        // The standard handler always sets a predicate (transient HTTP failures and attempt timeouts); a caller may replace it.
        return shouldHandle is null ? new ValueTask<bool>(HttpClientResiliencePredicates.IsTransient(args.Outcome)) : shouldHandle(args);
    }
}
