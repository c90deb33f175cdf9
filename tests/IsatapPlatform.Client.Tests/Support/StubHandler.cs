using System.Net;
using System.Text;

namespace IsatapPlatform.Client.Tests.Support;

/// <summary>A transport that answers from a script instead of a service: each request gets the next answer
/// (the last one repeats). Counts what it was asked.</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, HttpResponseMessage> _answer;
    private int _calls;

    /// <summary>Answers the <c>n</c>th request (0-based) with <paramref name="answer"/>.</summary>
    public StubHandler(Func<HttpRequestMessage, int, HttpResponseMessage> answer) => _answer = answer;

    /// <summary>How many requests reached the transport.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Always the same status, body and media type.</summary>
    public static StubHandler Always(HttpStatusCode status, string body, string mediaType, Action<HttpResponseMessage>? change = null)
        => new((_, _) =>
        {
            var response = Response(status, body, mediaType);
            change?.Invoke(response);
            return response;
        });

    /// <summary>A response with a body of <paramref name="mediaType"/>.</summary>
    public static HttpResponseMessage Response(HttpStatusCode status, string body, string mediaType)
        => new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    /// <summary>A client rooted at http://stub/ over this transport.</summary>
    public IsatapPlatformClient CreateClient() => new(new HttpClient(this) { BaseAddress = new Uri("http://stub/") });

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int call = Interlocked.Increment(ref _calls) - 1;
        var response = _answer(request, call);
        response.RequestMessage ??= request;
        return Task.FromResult(response);
    }
}
