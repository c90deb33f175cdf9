namespace IsatapPlatform.Client.Tests.Support;

/// <summary>Passes requests on and remembers each one's method, URI, body and retry-safety mark.</summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>Every request that passed, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return _requests.ToArray(); }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_requests) _requests.Add(new RecordedRequest(request.Method, request.RequestUri!, body, IsatapPlatformClient.IsRetrySafe(request)));
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>One request as <see cref="RecordingHandler"/> saw it.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, bool RetrySafe);
