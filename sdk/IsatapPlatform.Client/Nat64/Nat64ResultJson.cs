using System.Text.Json;
using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts;
using IsatapPlatform.Contracts.Nat64;

namespace IsatapPlatform.Client;

/// <summary>Reads one <c>DeriveItemResult</c> object (<c>{"ipv4","ipv6"}</c>, <c>{"ipv4","error"}</c> or
/// <c>{"ipv4","ipv6","warning"}</c>) of a batch response or a stream line straight from UTF-8 into the
/// addressing value types, without a DOM and without strings for the addresses.</summary>
internal static class Nat64ResultJson
{
    // Longer than any address text (an IPv6 address is at most 45 characters).
    private const int MaxAddressBytes = 64;

    /// <summary>Reads the object that starts at the reader's current token (a StartObject whose whole text
    /// is in the reader's buffer). Returns null, with the reason in <paramref name="why"/>, when the object is
    /// not a result of the contract; the caller turns that into <see cref="IsatapPlatformClient.UnexpectedResponseCode"/>.</summary>
    public static Nat64BatchResult? Read(ref Utf8JsonReader reader, long index, out string? why)
    {
        why = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            why = $"result {index} is a {reader.TokenType}, not an object";
            return null;
        }
        IPv4Address ipv4 = default;
        IPv6Address? ipv6 = null;
        ItemError? error = null;
        ApiWarning? warning = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("ipv4"u8))
            {
                reader.Read();
                if (!TryReadAddressText(ref reader, out var text) || !IPv4Address.TryParse(text, out ipv4, out _))
                {
                    why = $"result {index} has no valid \"ipv4\"";
                    return null;
                }
            }
            else if (reader.ValueTextEquals("ipv6"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                if (!TryReadAddressText(ref reader, out var text) || !IPv6Address.TryParse(text, out var parsed, out _))
                {
                    why = $"result {index} has an \"ipv6\" that is not an IPv6 address";
                    return null;
                }
                ipv6 = parsed;
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                if (!TryReadCodeAndMessage(ref reader, out var code, out var message))
                {
                    why = $"result {index} has an \"error\" without a code and a message";
                    return null;
                }
                error = new ItemError(code, message);
            }
            else if (reader.ValueTextEquals("warning"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                if (!TryReadCodeAndMessage(ref reader, out var code, out var message))
                {
                    why = $"result {index} has a \"warning\" without a code and a message";
                    return null;
                }
                warning = new ApiWarning(code, message);
            }
            else
            {
                // A member a newer service added. The caller checked that the whole object is buffered, so this succeeds.
                if (!reader.Read() || !reader.TrySkip())
                {
                    why = $"result {index} is incomplete";
                    return null;
                }
            }
        }
        if (!ipv4.IsValid)
        {
            why = $"result {index} has no \"ipv4\"";
            return null;
        }
        if (ipv6.HasValue == (error is not null) || (error is not null && warning is not null))
        {
            why = $"result {index} must have either \"ipv6\" or \"error\"";
            return null;
        }
        return new Nat64BatchResult(index, ipv4, ipv6, error, warning);
    }

    private static bool TryReadAddressText(ref Utf8JsonReader reader, out ReadOnlySpan<byte> text)
    {
        text = default;
        if (reader.TokenType != JsonTokenType.String) return false;
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            text = reader.ValueSpan;
            return true;
        }
        // Escaped or split text: never produced by the service, but legal JSON. Rare, so a small array is fine.
        if ((reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) > MaxAddressBytes * 6) return false;
        var copy = new byte[MaxAddressBytes * 6];
        int length = reader.CopyString(copy);
        text = copy.AsSpan(0, length);
        return true;
    }

    private static bool TryReadCodeAndMessage(ref Utf8JsonReader reader, out string code, out string message)
    {
        code = message = null!;
        if (reader.TokenType != JsonTokenType.StartObject) return false;
        string? c = null, m = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isCode = reader.ValueTextEquals("code"u8), isMessage = reader.ValueTextEquals("message"u8);
            reader.Read();
            if (isCode && reader.TokenType == JsonTokenType.String) c = reader.GetString();
            else if (isMessage && reader.TokenType == JsonTokenType.String) m = reader.GetString();
            else if (!reader.TrySkip()) return false;
        }
        if (c is null || m is null) return false;
        code = c;
        message = m;
        return true;
    }
}
