using System.Buffers;
using System.Text.Json;
using IsatapPlatform.Api.Infrastructure;
using IsatapPlatform.Api.Infrastructure.Json;

namespace IsatapPlatform.Api.Nat64;

/// <summary>Binds <see cref="DeriveBatchRequest"/> from the body in one pass.</summary>
/// <remarks>
/// The batch is the one endpoint where binding dominates the cost: System.Text.Json, reading a stream
/// into a type with a custom converter, rescans the buffered array each time more of a large body
/// arrives. Here the body (at most <see cref="RequestLimits.MaxBatchBodyBytes"/>) is copied once into
/// a pooled buffer and read once with <see cref="Utf8JsonReader"/>, items going straight from UTF-8
/// into addresses. The rules are the API's JSON rules: case-insensitive member names, unknown members
/// ignored, kebab-case <c>policy</c>, no comments or trailing commas; failures are the same
/// exceptions the framework's binding throws, so the same problem details come out.
/// </remarks>
internal static class DeriveBatchRequestReader
{
    public static async ValueTask<DeriveBatchRequest?> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        bool hasBody = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.ContentLength > 0;
        if (!hasBody) throw new BadHttpRequestException("The request body is empty; no body was provided.");
        if (!request.HasJsonContentType())
            throw new BadHttpRequestException("The request body is not JSON.", StatusCodes.Status415UnsupportedMediaType);

        var (buffer, length) = await ReadBodyAsync(request, context.RequestAborted);
        try
        {
            return Parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async ValueTask<(byte[] Buffer, int Length)> ReadBodyAsync(HttpRequest request, CancellationToken cancellation)
    {
        long? declared = request.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 and <= RequestLimits.MaxBatchBodyBytes ? (int)declared.Value + 1 : 64 * 1024);
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                int read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellation);
                if (read == 0) return (buffer, length);
                length += read;
                // The server stops a chunked body at the limit; this is the same limit for hosts
                // without one (the in-memory test server).
                if (length > RequestLimits.MaxBatchBodyBytes)
                    throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static DeriveBatchRequest? Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read()) throw new BadHttpRequestException("The request body is empty; no body was provided.");
        if (reader.TokenType == JsonTokenType.Null) throw new BadHttpRequestException("The request body is empty; no body was provided.");
        if (reader.TokenType != JsonTokenType.StartObject) throw Error(json, ref reader, "$");

        string? prefix = null;
        Ipv4Batch? items = null;
        DerivePolicy? policy = null;
        bool? normalize = null;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                string name = reader.GetString()!;
                reader.Read();
                if (name.Equals("prefix", StringComparison.OrdinalIgnoreCase))
                {
                    prefix = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Null => null,
                        _ => throw Error(json, ref reader, "$.prefix"),
                    };
                }
                else if (name.Equals("ipv4", StringComparison.OrdinalIgnoreCase))
                {
                    items?.Dispose(); // a repeated member: the last one wins, as in System.Text.Json
                    items = null;
                    if (reader.TokenType == JsonTokenType.StartArray) items = Ipv4Batch.ReadArray(ref reader);
                    else if (reader.TokenType != JsonTokenType.Null) throw Error(json, ref reader, "$.ipv4");
                }
                else if (name.Equals("policy", StringComparison.OrdinalIgnoreCase))
                {
                    if (reader.TokenType == JsonTokenType.Null) policy = null;
                    else if (reader.TokenType != JsonTokenType.String || !KebabCaseEnum<DerivePolicy>.TryParse(reader.GetString(), out policy))
                        throw Error(json, ref reader, "$.policy");
                }
                else if (name.Equals("normalize", StringComparison.OrdinalIgnoreCase))
                {
                    normalize = reader.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        JsonTokenType.Null => null,
                        _ => throw Error(json, ref reader, "$.normalize"),
                    };
                }
                else
                {
                    reader.Skip(); // unknown members are ignored, as everywhere in the API
                }
            }
            if (reader.Read()) throw Error(json, ref reader, "$"); // nothing may follow the object
            return new DeriveBatchRequest(prefix, items, policy, normalize);
        }
        catch (InvalidOperationException)
        {
            // GetString on an escape that is not valid UTF-16 (a lone surrogate): malformed input,
            // as the serializer reports it.
            items?.Dispose();
            throw Error(json, ref reader, "$");
        }
        catch
        {
            items?.Dispose();
            throw;
        }
    }

    // The same shape as the serializer's exceptions: a JSON path and a zero-based line and byte.
    private static JsonException Error(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, string path)
    {
        var before = json[..(int)reader.TokenStartIndex];
        int line = before.Count((byte)'\n');
        int lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new JsonException($"Unexpected value at {path}.", path, line, before.Length - lineStart);
    }
}
