using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Nat64;

namespace IsatapPlatform.Client;

public partial class IsatapPlatformClient
{
    private const string DeriveStreamPath = "api/v1/nat64/derive/stream";

    /// <summary>Derives the NAT64 address of every address of an asynchronous sequence of any length by streaming
    /// (<c>POST api/v1/nat64/derive/stream</c>): the addresses are uploaded as they are produced, and each result is
    /// yielded as soon as its line of the NDJSON response arrives, in one full-duplex request over HTTP/2 or in
    /// consecutive segments otherwise (see the remarks).</summary>
    /// <remarks>
    /// <para>Memory is bounded whatever the length of <paramref name="ipv4"/>: the client holds one upload buffer
    /// (16 KiB, or one segment) and one read buffer (64 KiB), never the input or the results. Back-pressure runs end to end: a
    /// consumer that stops reading slows the service, which slows the upload, which stops enumerating
    /// <paramref name="ipv4"/>. When the producer has no address ready, what was buffered is sent at once, so
    /// results arrive for a slow producer too.</para>
    /// <para>Results come in input order, one per address; <see cref="Nat64BatchResult.Index"/> counts from 0.
    /// A refused address is a result with <see cref="Nat64BatchResult.Error"/> set.</para>
    /// <para><b>Transport</b> (<see cref="IsatapPlatformClientOptions.StreamMode"/>). Full duplex needs HTTP/2 or later
    /// (or an in-process handler such as ASP.NET Core's TestServer): over HTTP/1.1, .NET's HttpClient sends the whole
    /// body before it reads the response, while the service stops reading when its answers are not consumed, so one
    /// long request would stall once the transport's buffers are full. The default, <see cref="Nat64StreamMode.Auto"/>,
    /// therefore sends one full-duplex request only when the <see cref="HttpClient"/> is set to HTTP/2 or later without
    /// fallback (<see cref="HttpClient.DefaultRequestVersion"/> 2.0 and <see cref="HttpClient.DefaultVersionPolicy"/>
    /// <see cref="HttpVersionPolicy.RequestVersionExact"/> or <see cref="HttpVersionPolicy.RequestVersionOrHigher"/>), and
    /// otherwise consecutive requests of at most <see cref="IsatapPlatformClientOptions.StreamSegmentSize"/> addresses
    /// (<see cref="Nat64StreamMode.Segmented"/>), which never stall and are each retry-safe. Results, order, errors and
    /// cancellation are the same either way. Over cleartext http, HTTP/2 needs prior knowledge and an HTTP/2-only
    /// endpoint (Kestrel's default HTTP/1.1-and-HTTP/2 cleartext endpoint answers it with <c>HTTP_1_1_REQUIRED</c>);
    /// over https, ALPN negotiates it: set <see cref="Nat64StreamMode.FullDuplex"/> when you know it will.</para>
    /// <para>In full-duplex mode the request is not retry-safe (see <see cref="IsRetrySafe"/>): its body is read from
    /// <paramref name="ipv4"/> once and cannot be replayed.</para>
    /// <para>Validation: a null <paramref name="ipv4"/>, a default <paramref name="prefix"/> or an undefined
    /// <paramref name="policy"/> throws when this method is called. A default (invalid) <see cref="IPv4Address"/> in the sequence is found when the upload
    /// reaches it: the enumeration then ends with that <see cref="ArgumentException"/>, after the results already
    /// received. An exception thrown by <paramref name="ipv4"/> itself ends the enumeration the same way.</para>
    /// <para>Cancelling <paramref name="cancellationToken"/>, or disposing the enumerator early (<c>break</c>),
    /// stops both directions: <paramref name="ipv4"/> is not enumerated further (its enumerator receives the
    /// cancellation and is disposed) and the response is abandoned.</para>
    /// </remarks>
    /// <param name="prefix">The NAT64 prefix (/32, /40, /48, /56, /64 or /96). Host bits are not normalised here.</param>
    /// <param name="ipv4">The addresses to embed, of any length, enumerated once while the request is sent.</param>
    /// <param name="policy">RFC 6052 §3.1 handling of the well-known prefix with a non-global IPv4: refuse the item
    /// (<see cref="DerivePolicy.Strict"/>) or derive it with a warning (<see cref="DerivePolicy.Permissive"/>).</param>
    /// <param name="cancellationToken">Cancels the upload, the download and the enumeration.</param>
    /// <returns>One result per input address, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ipv4"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not a defined value (on call).</exception>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is the invalid default (on call), or an address
    /// of the sequence is (when the upload reaches it).</exception>
    /// <exception cref="IsatapPlatformException">The service refused the request (for example 400 for the prefix),
    /// or a result line is not the contract (code <see cref="UnexpectedResponseCode"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual IAsyncEnumerable<Nat64BatchResult> DeriveNat64StreamAsync(Nat64Prefix prefix, IAsyncEnumerable<IPv4Address> ipv4,
        DerivePolicy policy = DerivePolicy.Strict, CancellationToken cancellationToken = default)
    {
        Argument.Valid(prefix, nameof(prefix));
        ArgumentNullException.ThrowIfNull(ipv4);
        Argument.Defined(policy, nameof(policy));
        EnsureTransport();
        return UsesFullDuplexStreaming()
            ? DeriveNat64StreamCoreAsync(prefix, ipv4, policy, cancellationToken)
            : DeriveNat64StreamSegmentsAsync(prefix, ipv4, policy, cancellationToken);
    }

    private async IAsyncEnumerable<Nat64BatchResult> DeriveNat64StreamCoreAsync(Nat64Prefix prefix, IAsyncEnumerable<IPv4Address> ipv4,
        DerivePolicy policy, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Cancelled by the caller's token, by a failing upload (to end the download), and when this enumeration ends
        // for any reason (to end the upload).
        using var exchange = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var content = new Ipv4LinesContent(ipv4, exchange);
        var request = CreateRequest(HttpMethod.Post, StreamPath(prefix, policy), retrySafe: false);
        request.Content = content;
        if (_httpClient.DefaultRequestVersion >= HttpVersion.Version20)
        {
            request.Version = _httpClient.DefaultRequestVersion;
            request.VersionPolicy = _httpClient.DefaultVersionPolicy;
        }
        else
        {
            request.Version = HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        }

        HttpResponseMessage? response = null;
        NdjsonLineReader? lines = null;
        try
        {
            response = await StreamStepAsync(SendAsync(request, HttpCompletionOption.ResponseHeadersRead, exchange.Token), content, cancellationToken).ConfigureAwait(false);
            var body = await StreamStepAsync(response.Content.ReadAsStreamAsync(exchange.Token), content, cancellationToken).ConfigureAwait(false);
            lines = new NdjsonLineReader(body, response);
            long index = 0;
            while (await StreamStepAsync(lines.MoveNextAsync(exchange.Token).AsTask(), content, cancellationToken).ConfigureAwait(false))
            {
                if (ParseStreamLine(lines.Current, index, response) is not { } result) continue; // a blank line
                index++;
                cancellationToken.ThrowIfCancellationRequested();
                yield return result;
            }

            // The service ends its answer after the end of the body: the upload is over, and every line has its result.
            if (content.Fault is { } fault) ExceptionDispatchInfo.Throw(fault);
            if (!content.Completed) throw UnexpectedResponse(response, $"the response ended after {index} results, before the upload did", null);
            if (index != content.Lines) throw UnexpectedResponse(response, $"{index} results came back for {content.Lines} addresses", null);
        }
        finally
        {
            lines?.Dispose();
            exchange.Cancel(); // stops the upload if the enumeration ended before it did
            response?.Dispose();
        }
    }

    private static string StreamPath(Nat64Prefix prefix, DerivePolicy policy)
        => $"{DeriveStreamPath}?prefix={Uri.EscapeDataString(prefix.ToString())}&policy={(policy == DerivePolicy.Permissive ? "permissive" : "strict")}";

    /// <summary>Awaits one step of the exchange and reports its failure by its cause: the upload's exception when the
    /// upload failed (the download then only failed because it was torn down), an
    /// <see cref="OperationCanceledException"/> for the caller's token when the caller cancelled.</summary>
    private static async Task<T> StreamStepAsync<T>(Task<T> step, Ipv4LinesContent content, CancellationToken cancellationToken)
    {
        try
        {
            return await step.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (content.Fault is { } fault) ExceptionDispatchInfo.Throw(fault);
            if (cancellationToken.IsCancellationRequested && !(e is OperationCanceledException oce && oce.CancellationToken == cancellationToken))
                throw new OperationCanceledException("The streaming derivation was cancelled.", e, cancellationToken);
            throw;
        }
    }

    private static Nat64BatchResult? ParseStreamLine(ReadOnlySpan<byte> line, long index, HttpResponseMessage response)
    {
        line = line.Trim(" \t\r"u8);
        if (line.IsEmpty) return null;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read()) throw UnexpectedResponse(response, $"result line {index} is empty", null);
            var result = Nat64ResultJson.Read(ref reader, index, out var why) ?? throw UnexpectedResponse(response, why!, null);
            if (reader.Read()) throw UnexpectedResponse(response, $"something follows result {index} on its line", null);
            return result;
        }
        catch (JsonException e)
        {
            throw UnexpectedResponse(response, $"result line {index} is not JSON: {e.Message}", e);
        }
    }

    /// <summary>The request body of a streaming derivation: one dotted quad per line (text/plain), written from
    /// the caller's asynchronous sequence while it is enumerated. Sent once; never buffered whole.</summary>
    private sealed class Ipv4LinesContent : HttpContent
    {
        // Lines are sent in writes of about this size, or sooner when the producer has nothing ready.
        private const int WriteBytes = 16 * 1024;

        private readonly IAsyncEnumerable<IPv4Address> _source;
        private readonly CancellationTokenSource _exchange;
        private readonly CancellationToken _exchangeToken;
        private int _started;
        private long _lines;
        private volatile bool _completed;
        private volatile Exception? _fault;

        public Ipv4LinesContent(IAsyncEnumerable<IPv4Address> source, CancellationTokenSource exchange)
        {
            _source = source;
            _exchange = exchange;
            _exchangeToken = exchange.Token;
            Headers.TryAddWithoutValidation("Content-Type", "text/plain; charset=utf-8");
        }

        /// <summary>Addresses written so far (final once <see cref="Completed"/>).</summary>
        public long Lines => Interlocked.Read(ref _lines);

        /// <summary>True once the whole sequence was written.</summary>
        public bool Completed => _completed;

        /// <summary>What the caller's sequence threw (or the invalid address it produced), which ended the upload;
        /// null otherwise. Transport errors and cancellation are not recorded here.</summary>
        public Exception? Fault => _fault;

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _started, 1) != 0)
                throw new InvalidOperationException("The body of a streaming derivation is read once from the caller's sequence and cannot be sent again.");
            // Only the exchange's token (the caller's token, and the end of the enumeration) stops the upload, not the
            // transport's: a handler may pass a token that outlives its purpose. Polly's attempt timeout, for one,
            // returns its CancellationTokenSource to a pool once the response headers are in, and a later request's
            // timeout could then cancel this upload mid-stream (SocketsHttpHandler's HTTP/2 happens to send bodies
            // under a token of its own; other transports need not). The transport still ends the upload by failing the
            // stream it gave us, and the enumeration cancels the exchange whenever it ends.
            var token = _exchangeToken;
            var buffer = ArrayPool<byte>.Shared.Rent(WriteBytes + 32);
            bool inSource = false; // true while the caller's sequence runs: its failures end the exchange with its exception
            try
            {
                var addresses = _source.GetAsyncEnumerator(token);
                await using (addresses.ConfigureAwait(false))
                {
                    int used = 0;
                    while (true)
                    {
                        var next = addresses.MoveNextAsync();
                        if (!next.IsCompleted && used > 0)
                        {
                            // The producer is waiting for something: send what is buffered so its results come back meanwhile.
                            await stream.WriteAsync(buffer.AsMemory(0, used), token).ConfigureAwait(false);
                            await stream.FlushAsync(token).ConfigureAwait(false);
                            used = 0;
                        }
                        inSource = true;
                        if (!await next.ConfigureAwait(false)) break;
                        var address = addresses.Current;
                        if (!address.IsValid)
                            throw new ArgumentException($"The address at index {_lines} is the invalid default value.", "ipv4");
                        inSource = false;
                        address.TryFormat(buffer.AsSpan(used), out int length);
                        buffer[used + length] = (byte)'\n';
                        used += length + 1;
                        Interlocked.Increment(ref _lines);
                        if (used >= WriteBytes)
                        {
                            token.ThrowIfCancellationRequested();
                            await stream.WriteAsync(buffer.AsMemory(0, used), token).ConfigureAwait(false);
                            used = 0;
                        }
                    }
                    inSource = false;
                    if (used > 0) await stream.WriteAsync(buffer.AsMemory(0, used), token).ConfigureAwait(false);
                    inSource = true; // disposing the caller's enumerator
                }
                inSource = false;
                _completed = true;
            }
            catch (Exception e) when (inSource && !(e is OperationCanceledException && token.IsCancellationRequested))
            {
                _fault = e;
                try
                {
                    _exchange.Cancel(); // end the download too: the exchange cannot succeed any more
                }
                catch (ObjectDisposedException)
                {
                    // The enumeration already ended.
                }
                throw;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
