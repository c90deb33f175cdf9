using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using IsatapPlatform.Addressing;
using IsatapPlatform.Api.Infrastructure;

namespace IsatapPlatform.Api.Nat64;

/// <summary>One item of a batch as read from JSON: the parsed IPv4 address, or why it failed and the
/// text to echo back.</summary>
internal readonly record struct Ipv4BatchItem(IPv4Address Address, ParseFailure Failure, int TextStart, int TextLength, bool IsString)
{
    public bool IsValid => Address.IsValid;
}

/// <summary>The <c>ipv4</c> array of a batch request, parsed while it is read: each string goes straight
/// from the request's UTF-8 bytes into <see cref="IPv4Address"/> without becoming a .NET string, and
/// only the text of refused items is kept (to echo it back). Storage is pooled and returned when the
/// response has been written.</summary>
[JsonConverter(typeof(Ipv4BatchJsonConverter))]
public sealed class Ipv4Batch : IDisposable
{
    private Ipv4BatchItem[] _items = [];
    private byte[] _text = [];
    private int _textLength;

    /// <summary>The number of items in the request, including any past <see cref="RequestLimits.MaxBatchItems"/>.</summary>
    public int TotalCount { get; private set; }

    /// <summary>The number of items kept (at most <see cref="RequestLimits.MaxBatchItems"/>).</summary>
    public int Count { get; private set; }

    internal ReadOnlySpan<Ipv4BatchItem> Items => _items.AsSpan(0, Count);

    internal ReadOnlySpan<byte> TextOf(in Ipv4BatchItem item) => _text.AsSpan(item.TextStart, item.TextLength);

    internal void AddString(ReadOnlySpan<byte> utf8)
    {
        if (!Reserve()) return;
        if (IPv4Address.TryParse(utf8, out var address, out var failure))
        {
            _items[Count++] = new Ipv4BatchItem(address, default, 0, 0, IsString: true);
            return;
        }
        int start = AppendText(utf8);
        _items[Count++] = new Ipv4BatchItem(default, failure, start, utf8.Length, IsString: true);
    }

    /// <summary>A JSON value that is not a string (null, a number, an object...): an item error, never a
    /// batch error. <paramref name="rawJson"/> is the JSON token to echo back.</summary>
    internal void AddNonString(ReadOnlySpan<byte> rawJson)
    {
        if (!Reserve()) return;
        int start = AppendText(rawJson);
        _items[Count++] = new Ipv4BatchItem(default, new ParseFailure(AddressError.UnexpectedCharacter, 0), start, rawJson.Length, IsString: false);
    }

    private bool Reserve()
    {
        TotalCount++;
        if (Count >= RequestLimits.MaxBatchItems) return false; // counted for the 413, not kept
        if (Count == _items.Length) Grow(ref _items, Math.Max(256, _items.Length * 2));
        return true;
    }

    private int AppendText(ReadOnlySpan<byte> utf8)
    {
        if (_textLength + utf8.Length > _text.Length) Grow(ref _text, Math.Max(Math.Max(1024, _text.Length * 2), _textLength + utf8.Length));
        utf8.CopyTo(_text.AsSpan(_textLength));
        int start = _textLength;
        _textLength += utf8.Length;
        return start;
    }

    private static void Grow<T>(ref T[] array, int size)
    {
        var bigger = ArrayPool<T>.Shared.Rent(size);
        array.AsSpan().CopyTo(bigger);
        if (array.Length > 0) ArrayPool<T>.Shared.Return(array);
        array = bigger;
    }

    // A JSON string whose unescaped form is longer than this is certainly not an IPv4 address; it is
    // kept only so that it can be echoed back, which needs a heap buffer rather than the stack.
    private const int StackLimit = 256;

    /// <summary>Reads the array the reader is positioned on (its StartArray token); on return the reader
    /// is on the matching EndArray. Anything inside the array is accepted: non-strings become item
    /// errors. Only a value that is not an array at all is a malformed request.</summary>
    internal static Ipv4Batch ReadArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("Expected an array of IPv4 address strings.");
        var batch = new Ipv4Batch();
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.String) ReadString(ref reader, batch);
                else ReadOther(ref reader, batch);
            }
            return batch;
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }

    private static void ReadString(ref Utf8JsonReader reader, Ipv4Batch batch)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            batch.AddString(reader.ValueSpan);
            return;
        }
        int maxLength = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        byte[]? rented = null;
        Span<byte> buffer = maxLength <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxLength));
        try
        {
            int length = reader.CopyString(buffer);
            batch.AddString(buffer[..length]);
        }
        catch (InvalidOperationException)
        {
            // An escape that is not valid UTF-16 (a lone surrogate such as \ud800): a bad item, echoed as written.
            batch.AddString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void ReadOther(ref Utf8JsonReader reader, Ipv4Batch batch)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            // Containers are not echoed (they may be large): the item echoes null. TrySkip, not Skip:
            // under the serializer reading a stream the reader is not on its final block, and Skip
            // would throw although the serializer has already buffered this whole array.
            if (!reader.TrySkip()) throw new JsonException("The item list is incomplete.");
            batch.AddNonString("null"u8);
            return;
        }
        // null, true, false or a number: echoed as the same JSON token.
        batch.AddNonString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
    }

    /// <summary>Returns the pooled storage.</summary>
    public void Dispose()
    {
        if (_items.Length > 0) ArrayPool<Ipv4BatchItem>.Shared.Return(_items);
        if (_text.Length > 0) ArrayPool<byte>.Shared.Return(_text);
        _items = [];
        _text = [];
        Count = 0;
        _textLength = 0;
    }
}

/// <summary>Lets System.Text.Json read and write an <see cref="Ipv4Batch"/> as a plain array of strings.
/// The batch endpoint binds its body itself (<see cref="DeriveBatchRequest.BindAsync"/>) and uses the
/// same reader.</summary>
internal sealed class Ipv4BatchJsonConverter : JsonConverter<Ipv4Batch>
{
    public override Ipv4Batch Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Ipv4Batch.ReadArray(ref reader);

    public override void Write(Utf8JsonWriter writer, Ipv4Batch value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        Span<byte> buffer = stackalloc byte[16];
        foreach (ref readonly var item in value.Items)
        {
            if (item.IsValid && item.Address.TryFormat(buffer, out int n)) writer.WriteStringValue(buffer[..n]);
            else if (item.IsString) writer.WriteStringValue(value.TextOf(item));
            else writer.WriteRawValue(value.TextOf(item), skipInputValidation: true);
        }
        writer.WriteEndArray();
    }
}
