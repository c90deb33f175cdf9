using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IsatapPlatform.Contracts.Diagnostics;

// Converters for the collector document. Evidence is hostile and Windows PowerShell 5.1 is quirky, so a value
// of the wrong JSON type reads as null (unknown) instead of failing the request. Only malformed JSON still
// fails, as it must. Writing is plain.

/// <summary>A string from a string, number or boolean; null (skipped) for objects and arrays.</summary>
public sealed class LenientStringConverter : JsonConverter<string?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.Number: return Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
            case JsonTokenType.True: return "True";
            case JsonTokenType.False: return "False";
            case JsonTokenType.StartObject or JsonTokenType.StartArray: reader.Skip(); return null;
            default: return null;
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}

/// <summary>A 64-bit integer from a number or a decimal (or <c>0x</c> hex) string; null otherwise.</summary>
public sealed class LenientInt64Converter : JsonConverter<long?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out long l)) return l;
                if (reader.TryGetDouble(out double d) && double.IsFinite(d) && Math.Abs(d) < 9.2e18 && d == Math.Floor(d)) return (long)d;
                return null;
            case JsonTokenType.String:
                return Parse(reader.GetString());
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    internal static long? Parse(string? s)
    {
        if (s is null) return null;
        var t = s.AsSpan().Trim();
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return long.TryParse(t[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long h) ? h : null;
        return long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v) ? v : null;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteNumberValue(value.Value);
    }
}

/// <summary>A 32-bit integer read like <see cref="LenientInt64Converter"/>; null when out of range.</summary>
public sealed class LenientInt32Converter : JsonConverter<int?>
{
    private static readonly LenientInt64Converter Wide = new();

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        long? v = Wide.Read(ref reader, typeof(long?), options);
        return v is >= int.MinValue and <= int.MaxValue ? (int)v.Value : null;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteNumberValue(value.Value);
    }
}

/// <summary>A boolean from true/false, "true"/"false" (any case) or 0/1; null otherwise.</summary>
public sealed class LenientBooleanConverter : JsonConverter<bool?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Number: return reader.TryGetInt64(out long n) && n is 0 or 1 ? n == 1 : null;
            case JsonTokenType.String:
                var s = reader.GetString();
                return string.Equals(s, "true", StringComparison.OrdinalIgnoreCase) ? true
                    : string.Equals(s, "false", StringComparison.OrdinalIgnoreCase) ? false : null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray: reader.Skip(); return null;
            default: return null;
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteBooleanValue(value.Value);
    }
}

/// <summary>Shared handling of the shapes Windows PowerShell gives a list: an array, a single unrolled item, or
/// the <c>{"value":[...],"Count":n}</c> wrapper.</summary>
internal static class LenientList
{
    /// <summary>True when the object at <paramref name="reader"/> is the 5.1 wrapper; leaves the reader on its array.</summary>
    public static bool TryEnterWrapper(ref Utf8JsonReader reader)
    {
        var probe = reader;
        bool sawValueArray = false;
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            bool isValue = probe.ValueTextEquals("value"u8) || probe.ValueTextEquals("Value"u8);
            bool isCount = probe.ValueTextEquals("Count"u8) || probe.ValueTextEquals("count"u8);
            if (!probe.Read()) return false;
            if (isValue && probe.TokenType == JsonTokenType.StartArray) sawValueArray = true;
            else if (!isCount) return false;
            probe.Skip();
        }
        if (!sawValueArray) return false;
        // Move the real reader to the start of the "value" array.
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isValue = reader.ValueTextEquals("value"u8) || reader.ValueTextEquals("Value"u8);
            reader.Read();
            if (isValue && reader.TokenType == JsonTokenType.StartArray) return true;
            reader.Skip();
        }
        return false;
    }

    /// <summary>After the wrapper's array was read: skips to the end of the wrapper object.</summary>
    public static void LeaveWrapper(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            reader.Read();
            reader.Skip();
        }
    }
}

/// <summary>A nested object of the collector document: anything but an object (a number, a string, an array)
/// becomes null, i.e. unknown, like every other field of the wrong shape, instead of failing the request.</summary>
public sealed class LenientObjectConverter<T> : JsonConverter<T?> where T : class
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject) return JsonSerializer.Deserialize<T>(ref reader, options);
        reader.Skip();
        return null;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else JsonSerializer.Serialize(writer, value, options);
    }
}

/// <summary>A list of objects: array elements that are not objects are skipped (see <see cref="LenientList"/>).</summary>
public sealed class LenientListConverter<T> : JsonConverter<IReadOnlyList<T>?> where T : class
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                return ReadArray(ref reader, options);
            case JsonTokenType.StartObject:
                if (LenientList.TryEnterWrapper(ref reader))
                {
                    var items = ReadArray(ref reader, options);
                    LenientList.LeaveWrapper(ref reader);
                    return items;
                }
                var single = JsonSerializer.Deserialize<T>(ref reader, options);
                return single is null ? [] : [single];
            case JsonTokenType.Null:
                return null;
            default:
                reader.Skip();
                return null;
        }
    }

    private static List<T> ReadArray(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var item = JsonSerializer.Deserialize<T>(ref reader, options);
                if (item is not null) list.Add(item);
            }
            else reader.Skip();
        }
        return list;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T>? value, JsonSerializerOptions options)
    {
        if (value is null) { writer.WriteNullValue(); return; }
        writer.WriteStartArray();
        foreach (var item in value) JsonSerializer.Serialize(writer, item, options);
        writer.WriteEndArray();
    }
}

/// <summary>A list of strings: scalars are read as with <see cref="LenientStringConverter"/>, anything else is skipped.</summary>
public sealed class LenientStringListConverter : JsonConverter<IReadOnlyList<string>?>
{
    private static readonly LenientStringConverter Item = new();

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                return ReadArray(ref reader, options);
            case JsonTokenType.StartObject:
                if (LenientList.TryEnterWrapper(ref reader))
                {
                    var items = ReadArray(ref reader, options);
                    LenientList.LeaveWrapper(ref reader);
                    return items;
                }
                reader.Skip();
                return null;
            case JsonTokenType.Null:
                return null;
            default:
                var s = Item.Read(ref reader, typeof(string), options);
                return s is null ? [] : [s];
        }
    }

    private static List<string> ReadArray(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var s = Item.Read(ref reader, typeof(string), options);
            if (s is not null) list.Add(s);
        }
        return list;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string>? value, JsonSerializerOptions options)
    {
        if (value is null) { writer.WriteNullValue(); return; }
        writer.WriteStartArray();
        foreach (var s in value) writer.WriteStringValue(s);
        writer.WriteEndArray();
    }
}

/// <summary><c>evidence.collector</c> as an object, or the same document embedded as a JSON string (how ITSM
/// tools often store it). A string that is not a JSON object is kept as an unreadable collector document, which
/// the engine reports as <c>evidence.unrecognized</c>.</summary>
public sealed class CollectorEvidenceJsonConverter : JsonConverter<CollectorEvidence?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override CollectorEvidence? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject:
                return JsonSerializer.Deserialize<CollectorEvidence>(ref reader, options);
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text)) return null;
                try
                {
                    using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
                    if (doc.RootElement.ValueKind != JsonValueKind.Object)
                        return new CollectorEvidence { ReadError = "the collector string is JSON but not an object" };
                    return doc.RootElement.Deserialize<CollectorEvidence>(options) ?? new CollectorEvidence { ReadError = "empty" };
                }
                catch (JsonException e)
                {
                    return new CollectorEvidence { ReadError = "the collector string is not JSON: " + e.Message };
                }
            default:
                reader.Skip();
                return new CollectorEvidence { ReadError = "evidence.collector must be the collector's JSON object" };
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, CollectorEvidence? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else JsonSerializer.Serialize(writer, value, options);
    }
}
