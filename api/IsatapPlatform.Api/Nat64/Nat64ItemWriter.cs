using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using IsatapPlatform.Addressing;
using IsatapPlatform.Api.Infrastructure;

namespace IsatapPlatform.Api.Nat64;

/// <summary>Writes <see cref="DeriveItemResult"/> objects for the batch and stream endpoints straight
/// into the response as UTF-8, with the library's span formatting: a derived item allocates nothing.</summary>
internal sealed class Nat64ItemWriter(Nat64Prefix prefix, DerivePolicy policy)
{
    private static readonly JsonEncodedText Ipv4Name = JsonEncodedText.Encode("ipv4");
    private static readonly JsonEncodedText Ipv6Name = JsonEncodedText.Encode("ipv6");
    private static readonly JsonEncodedText ErrorName = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText WarningName = JsonEncodedText.Encode("warning");
    private static readonly JsonEncodedText CodeName = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly string WkpCode = AddressError.WellKnownPrefixNonGlobal.ToCode();

    /// <summary>True when the item is refused under the policy (for the batch's counts).</summary>
    public bool IsRefused(IPv4Address address) => policy == DerivePolicy.Strict && !Nat64Policy.Check(prefix, address).IsAllowed();

    /// <summary>True when the item is derived but violates RFC 6052 §3.1 (permissive policy).</summary>
    public bool IsWarned(IPv4Address address) => policy == DerivePolicy.Permissive && !Nat64Policy.Check(prefix, address).IsAllowed();

    /// <summary>Writes the result for a parsed address.</summary>
    public void WriteAddress(Utf8JsonWriter writer, IPv4Address address)
    {
        var verdict = Nat64Policy.Check(prefix, address);
        if (verdict.IsAllowed())
        {
            WriteDerived(writer, address, prefix.Embed(address));
            return;
        }
        Span<byte> text = stackalloc byte[16];
        address.TryFormat(text, out int n);
        writer.WriteStartObject();
        writer.WriteString(Ipv4Name, text[..n]);
        if (policy == DerivePolicy.Strict)
        {
            WriteCodeAndMessage(writer, ErrorName, WkpCode, Nat64Inputs.PolicyMessage(verdict, prefix, address));
        }
        else
        {
            var ipv6 = prefix.Embed(address);
            Span<byte> v6 = stackalloc byte[64];
            ipv6.TryFormat(v6, out int m);
            writer.WriteString(Ipv6Name, v6[..m]);
            WriteCodeAndMessage(writer, WarningName, WkpCode, Nat64Inputs.PermissiveMessage(verdict, prefix, address));
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes a refused item. <paramref name="echo"/> is a string's UTF-8 text, or a raw JSON
    /// token when <paramref name="echoIsJson"/> is true.</summary>
    public static void WriteError(Utf8JsonWriter writer, ReadOnlySpan<byte> echo, bool echoIsJson, string code, string message)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(Ipv4Name);
        if (echoIsJson) writer.WriteRawValue(echo, skipInputValidation: true);
        else if (Utf8.IsValid(echo)) writer.WriteStringValue(echo);
        else writer.WriteStringValue(Encoding.UTF8.GetString(echo)); // invalid bytes become U+FFFD
        WriteCodeAndMessage(writer, ErrorName, code, message);
        writer.WriteEndObject();
    }

    /// <summary>The most bytes <see cref="TryWriteDerived"/> writes.</summary>
    public const int MaxDerivedBytes = 128;

    /// <summary>The fast path: writes <c>{"ipv4":"a.b.c.d","ipv6":"..."}</c> for an address the policy
    /// allows. Both texts are ASCII that JSON never escapes, so no JSON writer is needed. Returns false,
    /// writing nothing, when the item needs a warning or an error (<see cref="WriteAddress"/> then).</summary>
    public bool TryWriteDerived(IPv4Address ipv4, Span<byte> destination, out int written)
    {
        written = 0;
        if (!Nat64Policy.Check(prefix, ipv4).IsAllowed() || destination.Length < MaxDerivedBytes) return false;
        int n = Append(destination, 0, "{\"ipv4\":\""u8);
        ipv4.TryFormat(destination[n..], out int length);
        n = Append(destination, n + length, "\",\"ipv6\":\""u8);
        prefix.Embed(ipv4).TryFormat(destination[n..], out length);
        written = Append(destination, n + length, "\"}"u8);
        return true;
    }

    private static void WriteDerived(Utf8JsonWriter writer, IPv4Address ipv4, IPv6Address ipv6)
    {
        Span<byte> json = stackalloc byte[MaxDerivedBytes];
        int n = Append(json, 0, "{\"ipv4\":\""u8);
        ipv4.TryFormat(json[n..], out int written);
        n = Append(json, n + written, "\",\"ipv6\":\""u8);
        ipv6.TryFormat(json[n..], out written);
        n = Append(json, n + written, "\"}"u8);
        writer.WriteRawValue(json[..n], skipInputValidation: true);
    }

    private static int Append(Span<byte> destination, int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(destination[at..]);
        return at + text.Length;
    }

    private static void WriteCodeAndMessage(Utf8JsonWriter writer, JsonEncodedText name, string code, string message)
    {
        writer.WriteStartObject(name);
        writer.WriteString(CodeName, code);
        writer.WriteString(MessageName, message);
        writer.WriteEndObject();
    }
}
