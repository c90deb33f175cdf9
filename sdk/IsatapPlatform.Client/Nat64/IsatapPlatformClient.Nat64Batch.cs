using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Nat64;

namespace IsatapPlatform.Client;

public partial class IsatapPlatformClient
{
    private const string DeriveBatchPath = "api/v1/nat64/derive/batch";

    /// <summary>Derives the NAT64 address of every address in <paramref name="ipv4"/> under one prefix
    /// (<c>POST api/v1/nat64/derive/batch</c>), sending <see cref="IsatapPlatformClientOptions.BatchSize"/>
    /// addresses per request, one request after another, and yielding each result as soon as it is read.</summary>
    /// <remarks>
    /// <para>Results come in input order, one per input address (<see cref="Nat64BatchResult.Index"/> is the
    /// position). An address the service refuses (the well-known prefix with a non-global IPv4 under the strict
    /// policy) is a result with <see cref="Nat64BatchResult.Error"/> set; it never fails the batch.</para>
    /// <para>The input is enumerated lazily, one chunk at a time: at most one chunk of addresses and the read
    /// buffer are held, whatever the length of the input, and the response is read incrementally, never as a whole
    /// document. Stopping the enumeration (or cancelling) sends no further requests.</para>
    /// <para>Validation: a null <paramref name="ipv4"/>, a default <paramref name="prefix"/> or an undefined
    /// <paramref name="policy"/> throws when this method is called. A default (invalid) <see cref="IPv4Address"/> in the input is found lazily: the
    /// <see cref="ArgumentException"/> is thrown when the chunk that contains it is assembled, before that chunk is
    /// sent and after the results of the earlier chunks were yielded.</para>
    /// <para>Each request is retry-safe: its body is in memory and the service stores nothing.</para>
    /// </remarks>
    /// <param name="prefix">The NAT64 prefix (/32, /40, /48, /56, /64 or /96).</param>
    /// <param name="ipv4">The addresses to embed, any number.</param>
    /// <param name="policy">RFC 6052 §3.1 handling of the well-known prefix with a non-global IPv4: refuse the item
    /// (<see cref="DerivePolicy.Strict"/>) or derive it with a warning (<see cref="DerivePolicy.Permissive"/>).</param>
    /// <param name="cancellationToken">Cancels the request in flight and the enumeration.</param>
    /// <returns>One result per input address, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ipv4"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not a defined value (on call).</exception>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is the invalid default (on call), or an input
    /// address is (when its chunk is assembled).</exception>
    /// <exception cref="IsatapPlatformException">The service answered a chunk with an error status, or with a body
    /// that is not the contract (code <see cref="UnexpectedResponseCode"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual IAsyncEnumerable<Nat64BatchResult> DeriveNat64BatchAsync(Nat64Prefix prefix, IEnumerable<IPv4Address> ipv4,
        DerivePolicy policy = DerivePolicy.Strict, CancellationToken cancellationToken = default)
    {
        Argument.Valid(prefix, nameof(prefix));
        ArgumentNullException.ThrowIfNull(ipv4);
        Argument.Defined(policy, nameof(policy));
        EnsureTransport();
        return DeriveNat64BatchCoreAsync(prefix, ipv4, policy, cancellationToken);
    }

    private async IAsyncEnumerable<Nat64BatchResult> DeriveNat64BatchCoreAsync(Nat64Prefix prefix, IEnumerable<IPv4Address> ipv4,
        DerivePolicy policy, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int batchSize = Options.BatchSize;
        var chunk = new List<IPv4Address>(Math.Min(batchSize, 4096));
        var body = new ArrayBufferWriter<byte>(4096);
        var parsed = new List<Nat64BatchResult>(1024);
        long chunkStart = 0;
        using var input = ipv4.GetEnumerator();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            chunk.Clear();
            while (chunk.Count < batchSize && input.MoveNext())
            {
                var address = input.Current;
                if (!address.IsValid)
                    throw new ArgumentException($"The address at index {chunkStart + chunk.Count} is the invalid default value.", nameof(ipv4));
                chunk.Add(address);
            }
            if (chunk.Count == 0) yield break;

            WriteBatchBody(body, prefix, chunk, policy);
            var request = CreateRequest(HttpMethod.Post, DeriveBatchPath, retrySafe: true);
            var content = new ReadOnlyMemoryContent(body.WrittenMemory);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            request.Content = content;
            using (var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                using var buffer = new ResponseReadBuffer(stream, response);
                var reader = new BatchResponseReader(response, chunk, chunkStart);
                bool done = false;
                while (!done)
                {
                    int read = await buffer.FillAsync(cancellationToken).ConfigureAwait(false);
                    done = read == 0; // Parse throws if the document is incomplete at the end
                    parsed.Clear();
                    buffer.Consume(reader.Parse(buffer.Unread, isFinalBlock: done, parsed));
                    foreach (var result in parsed)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        yield return result;
                    }
                }
            }
            chunkStart += chunk.Count;
            if (chunk.Count < batchSize) yield break; // the input ended inside this chunk
        }
    }

    // {"prefix":"...","ipv4":["a.b.c.d",...],"policy":"strict"}
    private static void WriteBatchBody(ArrayBufferWriter<byte> body, Nat64Prefix prefix, List<IPv4Address> chunk, DerivePolicy policy)
    {
        body.ResetWrittenCount();
        using var json = new Utf8JsonWriter(body, new JsonWriterOptions { SkipValidation = true });
        Span<byte> text = stackalloc byte[64];
        json.WriteStartObject();
        prefix.TryFormat(text, out int length);
        json.WriteString("prefix"u8, text[..length]);
        json.WriteStartArray("ipv4"u8);
        foreach (var address in chunk)
        {
            address.TryFormat(text, out length);
            json.WriteStringValue(text[..length]);
        }
        json.WriteEndArray();
        json.WriteString("policy"u8, policy == DerivePolicy.Permissive ? "permissive"u8 : "strict"u8);
        json.WriteEndObject();
        json.Flush();
    }

    /// <summary>Reads a batch response (<c>{"prefix",...,"results":[...]}</c>) piece by piece as it arrives:
    /// a <see cref="Utf8JsonReader"/> over the bytes received so far, resumed from its saved state.</summary>
    private sealed class BatchResponseReader(HttpResponseMessage response, List<IPv4Address> chunk, long chunkStart)
    {
        private enum Phase { Start, Envelope, Results, End }

        private Phase _phase;
        private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = 64 });
        private int _count;
        private bool _sawResults;

        /// <summary>Reads every complete result in <paramref name="data"/> into <paramref name="results"/> and
        /// returns the bytes consumed; the rest is passed again, with more, on the next call.</summary>
        public int Parse(ReadOnlySpan<byte> data, bool isFinalBlock, List<Nat64BatchResult> results)
        {
            var reader = new Utf8JsonReader(data, isFinalBlock, _state);
            int consumed = 0;
            try
            {
                while (true)
                {
                    if (_phase == Phase.End)
                    {
                        if (reader.Read()) throw UnexpectedResponse(response, "something follows the JSON object", null);
                        consumed = (int)reader.BytesConsumed;
                        break;
                    }
                    // Each step reads one complete unit or nothing; 'checkpoint' is where the next call resumes.
                    var checkpoint = reader;
                    if (!Step(ref reader, results))
                    {
                        reader = checkpoint;
                        break;
                    }
                    consumed = (int)reader.BytesConsumed;
                }
            }
            catch (JsonException e)
            {
                throw UnexpectedResponse(response, e.Message, e);
            }
            _state = reader.CurrentState;
            if (isFinalBlock)
            {
                if (_phase != Phase.End) throw UnexpectedResponse(response, "the body ended before the JSON object did", null);
                if (_count != chunk.Count)
                    throw UnexpectedResponse(response, $"{_count} results came back for {chunk.Count} addresses", null);
            }
            return consumed;
        }

        // Returns false when the next unit is not complete in the buffer.
        private bool Step(ref Utf8JsonReader reader, List<Nat64BatchResult> results)
        {
            if (!reader.Read()) return false;
            switch (_phase)
            {
                case Phase.Start:
                    if (reader.TokenType != JsonTokenType.StartObject) throw UnexpectedResponse(response, "the body is not a JSON object", null);
                    _phase = Phase.Envelope;
                    return true;

                case Phase.Envelope:
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        if (!_sawResults) throw UnexpectedResponse(response, "the object has no \"results\"", null);
                        _phase = Phase.End;
                        return true;
                    }
                    bool isResults = reader.ValueTextEquals("results"u8);
                    if (!reader.Read()) return false;
                    if (isResults && !_sawResults)
                    {
                        if (reader.TokenType != JsonTokenType.StartArray) throw UnexpectedResponse(response, "\"results\" is not an array", null);
                        _sawResults = true;
                        _phase = Phase.Results;
                        return true;
                    }
                    return reader.TrySkip(); // prefix, counts, warnings: the per-item results say it all

                case Phase.Results:
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        _phase = Phase.Envelope;
                        return true;
                    }
                    var whole = reader;
                    if (reader.TokenType == JsonTokenType.StartObject && !whole.TrySkip()) return false;
                    long index = chunkStart + _count;
                    if (_count >= chunk.Count) throw UnexpectedResponse(response, $"more results came back than the {chunk.Count} addresses sent", null);
                    var result = Nat64ResultJson.Read(ref reader, index, out var why) ?? throw UnexpectedResponse(response, why!, null);
                    if (result.Ipv4 != chunk[_count])
                        throw UnexpectedResponse(response, $"result {index} is for {result.Ipv4}, but {chunk[_count]} was sent at that position", null);
                    results.Add(result);
                    _count++;
                    return true;

                default:
                    throw new InvalidOperationException("unreachable");
            }
        }
    }
}
