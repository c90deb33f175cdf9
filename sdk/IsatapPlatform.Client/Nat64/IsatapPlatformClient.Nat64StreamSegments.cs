using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Nat64;

namespace IsatapPlatform.Client;

public partial class IsatapPlatformClient
{
    // A dotted quad and its newline are at most 16 bytes.
    private const int MaxStreamLineBytes = 16;

    // How long a segment waits for a slow producer before it goes out with what it has: long enough that a producer
    // which is merely asynchronous (a file, a channel) fills whole segments, short enough to keep results flowing.
    private static readonly TimeSpan SegmentGrace = TimeSpan.FromMilliseconds(20);

    private static async Task<bool> CompletesSoonAsync(Task<bool> waiting, CancellationToken cancellationToken)
    {
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(SegmentGrace, grace.Token);
        bool completed = await Task.WhenAny(waiting, delay).ConfigureAwait(false) == waiting;
        grace.Cancel(); // releases the timer when the producer won
        return completed;
    }

    /// <summary>True when a streaming derivation may run as one full-duplex request (see <see cref="Nat64StreamMode"/>).</summary>
    internal bool UsesFullDuplexStreaming() => Options.StreamMode switch
    {
        Nat64StreamMode.FullDuplex => true,
        Nat64StreamMode.Segmented => false,
        _ => _httpClient.DefaultRequestVersion >= HttpVersion.Version20 && _httpClient.DefaultVersionPolicy != HttpVersionPolicy.RequestVersionOrLower,
    };

    /// <summary>The segmented form of <see cref="DeriveNat64StreamAsync"/>: consecutive stream requests of at most
    /// <see cref="IsatapPlatformClientOptions.StreamSegmentSize"/> addresses. Each body is complete, and at most 64 KiB,
    /// before it is sent, so the transport takes it whole and the service can always read it while its answers wait:
    /// nothing stalls over HTTP/1.1. A segment goes out early when the producer has nothing ready.</summary>
    private async IAsyncEnumerable<Nat64BatchResult> DeriveNat64StreamSegmentsAsync(Nat64Prefix prefix, IAsyncEnumerable<IPv4Address> ipv4,
        DerivePolicy policy, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int segmentSize = Options.StreamSegmentSize;
        string path = StreamPath(prefix, policy);
        var segment = ArrayPool<IPv4Address>.Shared.Rent(segmentSize);
        var body = ArrayPool<byte>.Shared.Rent(segmentSize * MaxStreamLineBytes);
        // Cancelled when the enumeration ends for any reason, so that a producer waiting for its next address stops.
        using var producer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var addresses = ipv4.GetAsyncEnumerator(producer.Token);
        Task<bool>? pending = null; // a MoveNextAsync that outlived its segment
        try
        {
            long index = 0;
            bool finished = false;
            while (!finished)
            {
                // Fill the segment: until it is full, the sequence ends, or the producer keeps us waiting longer than
                // a moment with addresses already in hand (its MoveNextAsync then carries over to the next segment).
                int count = 0, used = 0;
                while (count < segmentSize)
                {
                    var next = pending is null ? addresses.MoveNextAsync() : new ValueTask<bool>(pending);
                    pending = null;
                    if (count > 0 && !next.IsCompleted)
                    {
                        var waiting = next.AsTask();
                        if (!await CompletesSoonAsync(waiting, cancellationToken).ConfigureAwait(false))
                        {
                            pending = waiting;
                            break;
                        }
                        next = new ValueTask<bool>(waiting);
                    }
                    if (!await next.ConfigureAwait(false))
                    {
                        finished = true;
                        break;
                    }
                    var address = addresses.Current;
                    if (!address.IsValid)
                        throw new ArgumentException($"The address at index {index + count} is the invalid default value.", nameof(ipv4));
                    segment[count++] = address;
                    address.TryFormat(body.AsSpan(used), out int length);
                    body[used + length] = (byte)'\n';
                    used += length + 1;
                }
                if (count == 0) break;

                var request = CreateRequest(HttpMethod.Post, path); // the body is in memory: safe to send again
                var content = new ByteArrayContent(body, 0, used);
                content.Headers.TryAddWithoutValidation("Content-Type", "text/plain; charset=utf-8");
                request.Content = content;
                using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                using var lines = new NdjsonLineReader(stream, response);
                int received = 0;
                while (await lines.MoveNextAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (ParseStreamLine(lines.Current, index, response) is not { } result) continue; // a blank line
                    if (received == count)
                        throw UnexpectedResponse(response, $"more than {count} results came back for a segment of {count} addresses", null);
                    // The segment is at hand, so each answer is checked against the address it answers.
                    if (result.Ipv4 != segment[received])
                        throw UnexpectedResponse(response, $"result {index} is for {result.Ipv4}, but {segment[received]} was sent", null);
                    received++;
                    index++;
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return result;
                }
                if (received != count)
                    throw UnexpectedResponse(response, $"{received} results came back for a segment of {count} addresses", null);
            }
        }
        finally
        {
            producer.Cancel();
            try
            {
                // A MoveNextAsync still running must finish before the enumerator may be disposed.
                if (pending is not null)
                {
                    try
                    {
                        await pending.ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // The producer's answer to the cancellation above; the enumeration already has its outcome.
                    }
                }
                await addresses.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(body);
                ArrayPool<IPv4Address>.Shared.Return(segment);
            }
        }
    }
}
