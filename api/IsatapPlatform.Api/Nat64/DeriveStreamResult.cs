using System.Buffers;
using System.IO.Pipelines;
using System.Reflection;
using System.Text.Json;
using IsatapPlatform.Addressing;
using IsatapPlatform.Api.Infrastructure;
using IsatapPlatform.Api.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.Metadata;

namespace IsatapPlatform.Api.Nat64;

/// <summary>Reads the request body line by line from its <see cref="PipeReader"/> and writes one NDJSON
/// result per line while the body is still arriving. Memory stays bounded whatever the body length:
/// at most one line (<see cref="RequestLimits.MaxStreamLineBytes"/>) is held back, a longer line is
/// reported and skipped without being buffered, and output is flushed (with the server's
/// back-pressure) after every chunk of input.</summary>
public sealed class DeriveStreamResult : IResult, IEndpointMetadataProvider
{
    /// <summary>The media types the body may have.</summary>
    public static readonly string[] AcceptedMediaTypes = ["application/x-ndjson", "text/plain"];

    // Lines handled between two flushes: bounds the output buffered for one chunk of input.
    private const int LinesPerFlush = 1024;
    // Characters of an over-long line echoed in its error.
    private const int EchoBytes = 64;
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];
    private static readonly string TooLongMessage = $"the line is longer than {RequestLimits.MaxStreamLineBytes} bytes; it was skipped";

    private readonly Nat64ItemWriter _writer;
    private bool _skippingLongLine;
    private bool _atBodyStart = true;
    private PipeWriter? _output;

    internal DeriveStreamResult(Nat64Prefix prefix, DerivePolicy policy) => _writer = new Nat64ItemWriter(prefix, policy);

    /// <summary>True when the Content-Type is one the stream reads (parameters such as charset are ignored).</summary>
    public static bool IsAcceptedMediaType(string? contentType)
    {
        if (contentType is null) return false;
        var mediaType = contentType.AsSpan();
        int semicolon = mediaType.IndexOf(';');
        if (semicolon >= 0) mediaType = mediaType[..semicolon];
        mediaType = mediaType.Trim();
        foreach (var accepted in AcceptedMediaTypes)
            if (mediaType.Equals(accepted, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/x-ndjson";
        var input = httpContext.Request.BodyReader;
        var output = _output = response.BodyWriter;
        var cancellation = httpContext.RequestAborted;
        // Each line is its own JSON document; the writer is reset after each one.
        await using var json = new Utf8JsonWriter(output, ResultJson.WriterOptions(httpContext, skipValidation: true));

        // Send the headers now, so the client sees the response start while it is still sending.
        await response.StartAsync(cancellation);
        while (true)
        {
            var read = await input.ReadAsync(cancellation);
            var buffer = read.Buffer;
            bool drained = ProcessLines(ref buffer, read.IsCompleted, json);
            if (drained)
                input.AdvanceTo(buffer.Start, buffer.End);
            else
                input.AdvanceTo(buffer.Start); // more complete lines wait: read them again at once
            await output.FlushAsync(cancellation);
            if (read.IsCompleted && drained) break;
        }
    }

    /// <summary>Handles the complete lines in <paramref name="buffer"/> (at most <see cref="LinesPerFlush"/>)
    /// and leaves the unconsumed rest in it. Returns false when complete lines remain.</summary>
    private bool ProcessLines(ref ReadOnlySequence<byte> buffer, bool isCompleted, Utf8JsonWriter json)
    {
        for (int handled = 0; handled < LinesPerFlush; handled++)
        {
            var newline = buffer.PositionOf((byte)'\n');
            if (newline is null)
            {
                if (_skippingLongLine)
                {
                    buffer = buffer.Slice(buffer.End);
                }
                else if (buffer.Length > RequestLimits.MaxStreamLineBytes + 1) // + 1: a trailing '\r'
                {
                    WriteTooLong(json, buffer);
                    _skippingLongLine = true;
                    buffer = buffer.Slice(buffer.End);
                }
                else if (isCompleted && !buffer.IsEmpty)
                {
                    ProcessLine(buffer, json); // the last line has no line break
                    buffer = buffer.Slice(buffer.End);
                }
                return true;
            }

            var line = buffer.Slice(0, newline.Value);
            buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
            if (_skippingLongLine)
            {
                _skippingLongLine = false; // this line break ends the line already reported
                continue;
            }
            ProcessLine(line, json);
        }
        return buffer.PositionOf((byte)'\n') is null;
    }

    private void ProcessLine(ReadOnlySequence<byte> line, Utf8JsonWriter json)
    {
        if (line.Length > RequestLimits.MaxStreamLineBytes + 1)
        {
            WriteTooLong(json, line);
            return;
        }
        Span<byte> copy = stackalloc byte[RequestLimits.MaxStreamLineBytes + 1];
        ReadOnlySpan<byte> text = line.IsSingleSegment ? line.FirstSpan : Copy(line, copy);
        if (_atBodyStart)
        {
            _atBodyStart = false;
            if (text.StartsWith(Utf8ByteOrderMark)) text = text[Utf8ByteOrderMark.Length..];
        }
        text = text.Trim(" \t\r"u8);
        if (text.IsEmpty) return; // blank lines carry no address and get no result

        if (text[0] == (byte)'"')
        {
            // NDJSON: the line is a JSON string.
            Span<byte> unescaped = stackalloc byte[RequestLimits.MaxStreamLineBytes + 1];
            if (!TryReadJsonString(text, unescaped, out int length))
            {
                Nat64ItemWriter.WriteError(json, text, echoIsJson: false, AddressError.UnexpectedCharacter.ToCode(),
                    "the line starts with '\"' but is not one JSON string");
                EndLine(json);
                return;
            }
            text = unescaped[..length];
        }

        if (IPv4Address.TryParse(text, out var address, out var failure))
        {
            // The common case is written in place; warnings and refusals need the JSON writer.
            var span = _output!.GetSpan(Nat64ItemWriter.MaxDerivedBytes + 1);
            if (_writer.TryWriteDerived(address, span, out int written))
            {
                span[written] = (byte)'\n';
                _output.Advance(written + 1);
                return;
            }
            _writer.WriteAddress(json, address);
            EndLine(json);
        }
        else
        {
            Nat64ItemWriter.WriteError(json, text, echoIsJson: false, failure.Code, failure.Message);
            EndLine(json);
        }
    }

    private static bool TryReadJsonString(ReadOnlySpan<byte> text, Span<byte> destination, out int length)
    {
        length = 0;
        try
        {
            var reader = new Utf8JsonReader(text);
            if (!reader.Read() || reader.TokenType != JsonTokenType.String) return false;
            length = reader.CopyString(destination);
            return !reader.Read(); // nothing may follow the string
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false; // an escape that is not valid UTF-16
        }
    }

    private void WriteTooLong(Utf8JsonWriter json, ReadOnlySequence<byte> line)
    {
        Span<byte> echo = stackalloc byte[EchoBytes];
        var head = line.Slice(0, Math.Min(line.Length, EchoBytes));
        head.CopyTo(echo);
        Nat64ItemWriter.WriteError(json, echo[..(int)head.Length], echoIsJson: false, ProblemCodes.StreamLineTooLong, TooLongMessage);
        EndLine(json);
    }

    // Each result is its own JSON document followed by a line break written past the writer, which
    // is then reset so that the next document does not get a list separator.
    private void EndLine(Utf8JsonWriter json)
    {
        json.Flush();
        var span = _output!.GetSpan(1);
        span[0] = (byte)'\n';
        _output.Advance(1);
        json.Reset();
    }

    private static ReadOnlySpan<byte> Copy(ReadOnlySequence<byte> line, Span<byte> destination)
    {
        line.CopyTo(destination);
        return destination[..(int)line.Length];
    }

    /// <summary>Documents the request and response media types for OpenAPI.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
        => builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(DeriveItemResult), ["application/x-ndjson"]));
}
