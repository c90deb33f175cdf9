using System.Reflection;
using System.Text.Json;
using IsatapPlatform.Addressing;
using IsatapPlatform.Api.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;

namespace IsatapPlatform.Api.Nat64;

/// <summary>Writes a batch response straight into the response pipe with <see cref="Utf8JsonWriter"/>,
/// flushing as it goes: a 100,000-item answer never exists as objects or as one big buffer.</summary>
public sealed class DeriveBatchResult : IResult, IEndpointMetadataProvider
{
    // Flush to the client about every 32 KiB: large enough to amortise the syscall, small enough to
    // keep the response buffer bounded.
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

        await using var json = new Utf8JsonWriter(pipe, ResultJson.WriterOptions(httpContext, skipValidation: false));
        json.WriteStartObject();
        json.WriteString("prefix", _prefix.ToString());
        json.WriteNumber("succeeded", _items.Count - _failed);
        json.WriteNumber("failed", _failed);
        json.WriteStartArray("warnings");
        foreach (var warning in _warnings)
        {
            json.WriteStartObject();
            json.WriteString("code", warning.Code);
            json.WriteString("message", warning.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("results");
        long flushedUpTo = 0;
        for (int i = 0; i < _items.Count; i++)
        {
            WriteItem(json, i);
            // The writer hands full segments to the pipe by itself; only FlushAsync sends them.
            if (json.BytesCommitted + json.BytesPending - flushedUpTo >= FlushThreshold)
            {
                json.Flush();
                await pipe.FlushAsync(cancellation);
                flushedUpTo = json.BytesCommitted;
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        await pipe.FlushAsync(cancellation);
    }

    private void WriteItem(Utf8JsonWriter json, int index)
    {
        ref readonly var item = ref _items.Items[index];
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
