using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IsatapPlatform.Contracts;

namespace IsatapPlatform.Client;

/// <summary>The typed client of the IsatapPlatform REST API v1: one method per endpoint, the addressing value
/// types for every address and prefix, errors as <see cref="IsatapPlatformException"/>s.</summary>
/// <remarks>
/// <para>Thread-safe; create one per <see cref="HttpClient"/> and reuse it. With dependency injection use
/// <c>services.AddIsatapPlatformClient(o =&gt; o.BaseAddress = ...)</c>, which adds IHttpClientFactory
/// lifetime management and retries of transient failures.</para>
/// <para>Every method of this service computes and stores nothing, so every call is idempotent and may be
/// retried, except a streaming derivation, whose request body is read once (see <see cref="IsRetrySafe"/>).</para>
/// <para>The methods are virtual and the parameterless constructor is protected so that tests can mock the client.</para>
/// </remarks>
public partial class IsatapPlatformClient
{
    /// <summary>The request option that marks a request as safe to send again (see <see cref="IsRetrySafe"/>).</summary>
    public static readonly HttpRequestOptionsKey<bool> RetrySafeOption = new("IsatapPlatform.RetrySafe");

    /// <summary>The JSON conventions of the wire contracts (camelCase, kebab-case enums), shared with the service.</summary>
    internal static readonly JsonSerializerOptions JsonOptions = ContractJson.CreateOptions();

    // One raw header value: typed MediaTypeWithQualityHeaderValues are formatted to text again on every request.
    private const string AcceptJsonOrProblem = "application/json, application/problem+json";

    private readonly HttpClient _httpClient = null!;
    private readonly Uri _baseAddress = null!;
    private readonly string _baseAddressText = null!;

    /// <summary>For mocking only: a client created this way has no transport, and its methods throw
    /// unless a test double overrides them.</summary>
    protected IsatapPlatformClient()
    {
        Options = new IsatapPlatformClientOptions();
    }

    /// <summary>Creates a client that sends its requests with <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">The transport. Its <see cref="HttpClient.BaseAddress"/> is the service's root unless
    /// <see cref="IsatapPlatformClientOptions.BaseAddress"/> is set. The client does not dispose it.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentException">Neither the options nor the HttpClient name a base address, or the
    /// base address is not absolute, or the batch size is out of range.</exception>
    public IsatapPlatformClient(HttpClient httpClient, IsatapPlatformClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        Options = options ?? new IsatapPlatformClientOptions();
        var baseAddress = Options.BaseAddress ?? httpClient.BaseAddress
            ?? throw new ArgumentException("Set IsatapPlatformClientOptions.BaseAddress or HttpClient.BaseAddress to the service's root address.", nameof(httpClient));
        if (!baseAddress.IsAbsoluteUri)
            throw new ArgumentException($"The base address '{baseAddress}' is not absolute.", nameof(options));
        if (Options.StreamSegmentSize is < 1 or > IsatapPlatformClientOptions.MaxStreamSegmentSize)
            throw new ArgumentException($"StreamSegmentSize must be between 1 and {IsatapPlatformClientOptions.MaxStreamSegmentSize}.", nameof(options));
        if (!Enum.IsDefined(Options.StreamMode))
            throw new ArgumentException($"StreamMode {Options.StreamMode} is not defined.", nameof(options));
        if (Options.BatchSize is < 1 or > IsatapPlatformClientOptions.MaxBatchSize)
            throw new ArgumentException($"BatchSize must be between 1 and {IsatapPlatformClientOptions.MaxBatchSize}.", nameof(options));
        // Relative paths resolve against the last segment's parent, so "https://host/isatap" must become "https://host/isatap/".
        _baseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _baseAddressText = _baseAddress.AbsoluteUri;
        _httpClient = httpClient;
    }

    /// <summary>The settings this client was created with.</summary>
    protected IsatapPlatformClientOptions Options { get; }

    /// <summary>True when <paramref name="request"/> may be sent again after a transient failure: it was marked
    /// with <see cref="RetrySafeOption"/> by this client (every call except a streaming derivation), or it is a
    /// GET or HEAD. The retry policy of <c>AddIsatapPlatformClient</c> asks this before every retry.</summary>
    /// <param name="request">The request that failed.</param>
    public static bool IsRetrySafe(HttpRequestMessage? request)
    {
        if (request is null) return false;
        if (request.Options.TryGetValue(RetrySafeOption, out bool safe)) return safe;
        return request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;
    }

    /// <summary>Builds a request for <paramref name="relativePath"/> (no leading slash) under the base address.</summary>
    internal HttpRequestMessage CreateRequest(HttpMethod method, string relativePath, bool retrySafe = true)
    {
        EnsureTransport();
        // The paths are relative, without "." or ".." segments, and escaped by the callers: appending them to the
        // base address is what resolving would do, at one parse instead of two and a merge.
        var request = new HttpRequestMessage(method, new Uri(_baseAddressText + relativePath, UriKind.Absolute));
        request.Headers.TryAddWithoutValidation("Accept", AcceptJsonOrProblem);
        request.Options.Set(RetrySafeOption, retrySafe);
        return request;
    }

    /// <summary>Sends <paramref name="request"/> (disposing it) and returns the successful response; an error
    /// status becomes the matching <see cref="IsatapPlatformException"/> and the response is disposed.</summary>
    internal async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        using (request)
        {
            response = await _httpClient.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            // The caller cancelled while the error arrived (a retry policy gave up because of it): that is a
            // cancellation, not the service's error.
            cancellationToken.ThrowIfCancellationRequested();
            var problem = await ServiceProblem.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            throw IsatapPlatformException.For(problem);
        }
    }

    /// <summary>The request body as UTF-8 JSON with a Content-Length. (JsonContent serializes while sending and
    /// has no length, so over HTTP/1.1 every small request went chunked, which both ends pay for.)</summary>
    internal static ByteArrayContent JsonBody<T>(T body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, JsonOptions));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        return content;
    }

    /// <summary>POSTs <paramref name="body"/> as JSON, reads the JSON answer and maps it to the client's typed
    /// result with <paramref name="map"/> while the response is still at hand for the error message.</summary>
    internal async Task<TResult> PostJsonAsync<TRequest, TWire, TResult>(string relativePath, TRequest body, Func<TWire, TResult> map, CancellationToken cancellationToken)
    {
        // Checked here, inside the task: a cancelled token gives a cancelled task and sends nothing.
        cancellationToken.ThrowIfCancellationRequested();
        var request = CreateRequest(HttpMethod.Post, relativePath);
        request.Content = JsonBody(body);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var wire = await ReadJsonAsync<TWire>(response, cancellationToken).ConfigureAwait(false);
        return Map(response, wire, map);
    }

    /// <summary>GETs <paramref name="relativePath"/>, reads the JSON answer and maps it with <paramref name="map"/>.</summary>
    internal async Task<TResult> GetJsonAsync<TWire, TResult>(string relativePath, Func<TWire, TResult> map, CancellationToken cancellationToken)
    {
        // Checked here, inside the task: a cancelled token gives a cancelled task and sends nothing.
        cancellationToken.ThrowIfCancellationRequested();
        var request = CreateRequest(HttpMethod.Get, relativePath);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var wire = await ReadJsonAsync<TWire>(response, cancellationToken).ConfigureAwait(false);
        return Map(response, wire, map);
    }

    /// <summary>Maps a contract record to the client's typed result. The mapping parses the service's canonical
    /// strings (see <see cref="ResponseValues"/>); a <see cref="FormatException"/> from it means the body was JSON
    /// but not the contract, which is a <c>client.unexpected-response</c> like any other unreadable body.</summary>
    internal static TResult Map<TWire, TResult>(HttpResponseMessage response, TWire wire, Func<TWire, TResult> map)
    {
        try
        {
            return map(wire);
        }
        catch (FormatException e)
        {
            throw UnexpectedResponse(response, e.Message, e);
        }
    }

    /// <summary>Reads a successful response's JSON body. A body that is not the contract (a proxy answering
    /// 200 with HTML, a truncated body) is an <see cref="IsatapPlatformException"/> with code
    /// <c>client.unexpected-response</c>, not a <see cref="JsonException"/> from deep inside the client.</summary>
    internal static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // A gateway's HTML page that happens to start like JSON must not be read as the contract; a missing
        // Content-Type is given the benefit of the doubt.
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !IsJson(mediaType))
            throw UnexpectedResponse(response, $"the Content-Type is {mediaType}, not application/json", null);
        try
        {
            var value = await response.Content.ReadFromJsonAsync<T>(JsonOptions, cancellationToken).ConfigureAwait(false);
            return value ?? throw UnexpectedResponse(response, "the body was JSON null", null);
        }
        catch (JsonException e)
        {
            throw UnexpectedResponse(response, e.Message, e);
        }
        catch (NotSupportedException e) // an unexpected Content-Type
        {
            throw UnexpectedResponse(response, e.Message, e);
        }
    }

    internal static bool IsJson(string mediaType)
        => mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The code of the exception thrown when a successful response does not match the contract.</summary>
    public const string UnexpectedResponseCode = "client.unexpected-response";

    internal static IsatapPlatformException UnexpectedResponse(HttpResponseMessage response, string why, Exception? inner)
        => new(new ServiceProblem(response.StatusCode, UnexpectedResponseCode, "The response does not match the API v1 contract",
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode} "
            + $"with a body the client could not read: {why}"), inner);

    private void EnsureTransport()
    {
        if (_httpClient is null)
            throw new InvalidOperationException("This IsatapPlatformClient was created with the protected constructor for mocking; override the method you call.");
    }
}
