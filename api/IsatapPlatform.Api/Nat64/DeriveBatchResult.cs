using System.Buffers;
using System.IO.Pipelines;
using System.Reflection;
using System.Text.Json;
using IsatapPlatform.Addressing;
using IsatapPlatform.Api.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace IsatapPlatform.Api.Nat64;

/// <summary>Writes a batch response straight into the response pipe, flushing as it goes: a
/// 100,000-item answer never exists as objects or as one big buffer.</summary>
/// <remarks>Derived items, nearly all of them, are assembled in place with the library's UTF-8
/// formatting (<see cref="Nat64ItemWriter.TryWriteDerived"/>); the rare item with an error or a
/// warning goes through a <see cref="Utf8JsonWriter"/> for correct escaping of the echoed text.</remarks>
public sealed class DeriveBatchResult : IResult, IEndpointMetadataProvider
{
    // Items are written into spans of this size, and the client gets them about every 32 KiB: large
    // enough to amortise the flush, small enough to keep the response buffer bounded.
    private const int ChunkBytes = 16 * 1024;
    private const int FlushThreshold = 32 * 1024;

    private readonly Nat64Prefix _prefix;
    private readonly Ipv4Batch _items;
    private readonly Nat64ItemWriter _writer;
    private readonly List<ApiWarning> _warnings;
    private readonly int _failed;

    internal DeriveBatchResult(Nat64Prefix prefix, Ipv4Batch items, DerivePolicy policy, List<ApiWarning> warnings)
    {
        _prefix = prefix;
        _items = items;
        _writer = new Nat64ItemWriter(prefix, policy);
        _warnings = warnings;

        int warned = 0;
        foreach (ref readonly var item in items.Items)
        {
            if (!item.IsValid || _writer.IsRefused(item.Address)) _failed++;
            else if (_writer.IsWarned(item.Address)) warned++;
        }
        if (warned > 0)
        {
            _warnings.Add(new ApiWarning(AddressError.WellKnownPrefixNonGlobal.ToCode(),
                $"{warned} items embed a non-global IPv4 under the well-known prefix (RFC 6052 §3.1); they were derived because policy is 'permissive'"));
        }
    }

    /// <summary>Items in the batch.</summary>
    public int Count => _items.Count;

    /// <summary>Items refused.</summary>
    public int Failed => _failed;

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        var pipe = response.BodyWriter;
        var cancellation = httpContext.RequestAborted;
        var serializer = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        WriteHead(pipe, serializer);
        // Items that need escaping are written here first, then copied.
        var scratch = new ArrayBufferWriter<byte>(256);
        await using var scratchJson = new Utf8JsonWriter(scratch, ResultJson.WriterOptions(httpContext, skipValidation: true));

        long unflushed = 0;
        int next = 0;
        while (next < _items.Count)
        {
            int written = WriteItems(pipe.GetSpan(ChunkBytes), ref next, scratch, scratchJson);
            if (written > 0)
            {
                pipe.Advance(written);
                unflushed += written;
            }
            else
            {
                // One item larger than a chunk (a huge echoed string): it was left in the scratch buffer.
                if (next > 0) pipe.Write(","u8);
                pipe.Write(scratch.WrittenSpan);
                unflushed += scratch.WrittenCount + 1;
                next++;
            }
            if (unflushed >= FlushThreshold)
            {
                await pipe.FlushAsync(cancellation);
                unflushed = 0;
            }
        }
        pipe.Write("]}"u8);
        await pipe.FlushAsync(cancellation);
    }

    // {"prefix":"...","succeeded":n,"failed":n,"warnings":[...],"results":[
    private void WriteHead(PipeWriter pipe, JsonSerializerOptions serializer)
    {
        using (var json = new Utf8JsonWriter(pipe, new JsonWriterOptions { Encoder = serializer.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("prefix", _prefix.ToString());
            json.WriteNumber("succeeded", _items.Count - _failed);
            json.WriteNumber("failed", _failed);
            json.WritePropertyName("warnings");
            JsonSerializer.Serialize(json, _warnings, serializer);
            json.Flush();
        }
        // The writer cannot leave the object open; the rest of the envelope is written by hand.
        pipe.Write(",\"results\":["u8);
    }

    /// <summary>Writes items from <paramref name="next"/> on into <paramref name="chunk"/> while they fit;
    /// returns the bytes written. Returns 0 when the very first item does not fit in an empty chunk;
    /// it is then in <paramref name="scratch"/>.</summary>
    private int WriteItems(Span<byte> chunk, ref int next, ArrayBufferWriter<byte> scratch, Utf8JsonWriter scratchJson)
    {
        var items = _items.Items;
        int used = 0;
        for (; next < items.Length; next++)
        {
            ref readonly var item = ref items[next];
            int separator = next > 0 ? 1 : 0;
            if (chunk.Length - used < separator + Nat64ItemWriter.MaxDerivedBytes) break;

            if (item.IsValid && _writer.TryWriteDerived(item.Address, chunk[(used + separator)..], out int written))
            {
                if (separator == 1) chunk[used] = (byte)',';
                used += separator + written;
                continue;
            }

            scratch.ResetWrittenCount();
            scratchJson.Reset();
            WriteSlowItem(scratchJson, item);
            scratchJson.Flush();
            if (chunk.Length - used < separator + scratch.WrittenCount)
            {
                if (used == 0) return 0; // larger than a whole chunk: the caller copies it from scratch
                break; // written again into the next chunk
            }
            if (separator == 1) chunk[used] = (byte)',';
            scratch.WrittenSpan.CopyTo(chunk[(used + separator)..]);
            used += separator + scratch.WrittenCount;
        }
        return used;
    }

    private void WriteSlowItem(Utf8JsonWriter json, in Ipv4BatchItem item)
    {
        if (item.IsValid)
            _writer.WriteAddress(json, item.Address);
        else if (item.IsString)
            Nat64ItemWriter.WriteError(json, _items.TextOf(item), echoIsJson: false, item.Failure.Code, item.Failure.Message);
        else
            Nat64ItemWriter.WriteError(json, _items.TextOf(item), echoIsJson: true, item.Failure.Code, "expected a JSON string holding an IPv4 address");
    }

    /// <summary>Documents the 200 response for OpenAPI.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
        => builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(DeriveBatchResponse), ["application/json"]));
}
