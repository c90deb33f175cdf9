using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace IsatapPlatform.Addressing;

/// <summary>A prefix that RFC 6052 admits for IPv4-embedded IPv6 addresses: length 32, 40, 48, 56, 64
/// or 96, the u octet (bits 64-71) zero, and no bits set past the length. Anything else is refused
/// with a reason; clearing host bits is an explicit opt-in (<see cref="PrefixParseMode.Normalize"/>).
/// The default value is invalid.</summary>
/// <remarks>
/// Embedding follows RFC 6052 §2.3 literally: the IPv4 address goes right after the prefix, and the
/// u octet (bits 64-71) is skipped, so at /40, /48 and /56 it is split around the u octet and at /64
/// it starts at bit 72, not bit 64. Translators have shipped both bugs; the tests pin every length.
/// </remarks>
public readonly struct Nat64Prefix :
    IEquatable<Nat64Prefix>, ISpanParsable<Nat64Prefix>, ISpanFormattable, IUtf8SpanFormattable
{
    private readonly IPv6Prefix _prefix;

    private Nat64Prefix(IPv6Prefix prefix) => _prefix = prefix;

    /// <summary>The well-known prefix 64:ff9b::/96 (RFC 6052 §2.1).</summary>
    public static Nat64Prefix WellKnown { get; } = new(IPv6Prefix.FromBits(0x0064_ff9b_0000_0000UL, 0, 96));

    /// <summary>The local-use prefix 64:ff9b:1::/48 (RFC 8215), from which operators carve /64 or /96 prefixes.</summary>
    public static Nat64Prefix LocalUse { get; } = new(IPv6Prefix.FromBits(0x0064_ff9b_0001_0000UL, 0, 48));

    /// <summary>True for the lengths RFC 6052 §2.2 allows.</summary>
    public static bool IsAllowedLength(int length) => length is 32 or 40 or 48 or 56 or 64 or 96;

    /// <summary>Checks an IPv6 prefix against RFC 6052 §2.2.</summary>
    public static bool TryCreate(IPv6Prefix prefix, out Nat64Prefix result, out AddressError error)
    {
        result = default;
        if (!prefix.IsValid) { error = AddressError.InvalidValue; return false; }
        if (!IsAllowedLength(prefix.Length)) { error = AddressError.Nat64PrefixLength; return false; }
        // IPv6Prefix already guarantees no bits past the length, so for lengths below 96 the u octet
        // is zero; at /96 it is part of the prefix and must be checked.
        if (((prefix.Low >> 56) & 0xFF) != 0) { error = AddressError.Nat64UOctet; return false; }
        result = new Nat64Prefix(prefix);
        error = AddressError.None;
        return true;
    }

    /// <summary>Checks an IPv6 prefix against RFC 6052 §2.2 or throws <see cref="ArgumentException"/>.</summary>
    public static Nat64Prefix Create(IPv6Prefix prefix)
        => TryCreate(prefix, out var r, out var e) ? r : throw new ArgumentException(e.ToMessage(), nameof(prefix));

    /// <summary>Parses and checks "prefix/length". In <see cref="PrefixParseMode.Strict"/> mode a u octet set
    /// past the length is reported as <see cref="AddressError.Nat64UOctet"/> (the more specific reason)
    /// and other host bits as <see cref="AddressError.HostBitsSet"/>. A u octet that is part of a /96
    /// prefix cannot be normalised away and is always refused. The position of a u-octet error is the
    /// group that holds bits 64-79.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, PrefixParseMode mode, out Nat64Prefix result, out ParseFailure failure)
        => TryParseCore(s, mode, out result, out failure);

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, PrefixParseMode, out Nat64Prefix, out ParseFailure)"/>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, PrefixParseMode mode, out Nat64Prefix result, out ParseFailure failure)
        => TryParseCore(utf8Text, mode, out result, out failure);

    private static bool TryParseCore<TChar>(ReadOnlySpan<TChar> s, PrefixParseMode mode, out Nat64Prefix result, out ParseFailure failure)
        where TChar : unmanaged, System.Numerics.IBinaryInteger<TChar>
    {
        result = default;
        // Parse leniently first so that the length, the most fundamental problem, is reported
        // before host bits: a /44 with host bits is wrong because of the /44.
        if (!IPv6Prefix.TryParseCore(s, PrefixParseMode.Normalize, out var normalized, out failure)) return false;
        int slash = s.IndexOf(TChar.CreateTruncating('/'));
        if (!IsAllowedLength(normalized.Length))
        {
            failure = new ParseFailure(AddressError.Nat64PrefixLength, slash + 1);
            return false;
        }

        Text.IPv6Text.TryParse(s[..slash], out _, out ulong rawLow, out _, out _);
        bool uOctetSet = ((rawLow >> 56) & 0xFF) != 0;
        bool hostBitsSet = !IPv6Prefix.TryParseCore(s, PrefixParseMode.Strict, out _, out _);
        int uOctetPosition = Text.IPv6Text.PositionOfGroup(s[..slash], 4);
        if (normalized.Length == 96 && uOctetSet)
        {
            failure = new ParseFailure(AddressError.Nat64UOctet, uOctetPosition);
            return false;
        }
        if (mode == PrefixParseMode.Strict && hostBitsSet)
        {
            failure = uOctetSet
                ? new ParseFailure(AddressError.Nat64UOctet, uOctetPosition)
                : new ParseFailure(AddressError.HostBitsSet, slash);
            return false;
        }
        if (!TryCreate(normalized, out result, out var error))
        {
            failure = new ParseFailure(error, 0);
            return false;
        }
        return true;
    }

    /// <summary>Parses strictly.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out Nat64Prefix result) => TryParse(s, PrefixParseMode.Strict, out result, out _);

    /// <summary>Parses strictly; false for null.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out Nat64Prefix result)
    {
        if (s is null) { result = default; return false; }
        return TryParse(s.AsSpan(), out result);
    }

    /// <summary>Parses strictly or throws <see cref="AddressFormatException"/>.</summary>
    public static Nat64Prefix Parse(ReadOnlySpan<char> s)
        => TryParse(s, PrefixParseMode.Strict, out var r, out var f) ? r : throw new AddressFormatException(s.ToString(), f);

    /// <summary>Parses strictly or throws <see cref="AddressFormatException"/>.</summary>
    public static Nat64Prefix Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    static Nat64Prefix ISpanParsable<Nat64Prefix>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);
    static bool ISpanParsable<Nat64Prefix>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Nat64Prefix result) => TryParse(s, out result);
    static Nat64Prefix IParsable<Nat64Prefix>.Parse(string s, IFormatProvider? provider) => Parse(s);
    static bool IParsable<Nat64Prefix>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Nat64Prefix result) => TryParse(s, out result);

    /// <summary>False for <c>default(Nat64Prefix)</c>.</summary>
    public bool IsValid => _prefix.IsValid;

    /// <summary>The underlying IPv6 prefix.</summary>
    public IPv6Prefix Prefix => _prefix.IsValid ? _prefix : throw InvalidDefault();

    /// <summary>The prefix length: 32, 40, 48, 56, 64 or 96.</summary>
    public int Length => Prefix.Length;

    /// <summary>True for 64:ff9b::/96, to which the RFC 6052 §3.1 restrictions apply.</summary>
    public bool IsWellKnown => _prefix.IsValid && _prefix == WellKnown._prefix;

    /// <summary>True for 64:ff9b:1::/48 and any prefix carved from it (RFC 8215).</summary>
    public bool IsLocalUse => _prefix.IsValid && LocalUse._prefix.Contains(_prefix);

    // ---- RFC 6052 §2.3 -------------------------------------------------------------------------

    /// <summary>Embeds <paramref name="ipv4"/> (RFC 6052 §2.3). The suffix is zero. No policy check:
    /// see <see cref="Nat64Policy"/>. Throws for invalid defaults.</summary>
    public IPv6Address Embed(IPv4Address ipv4)
    {
        if (!_prefix.IsValid) throw InvalidDefault();
        uint v4 = ipv4.Value;
        ulong hi = _prefix.High, lo = _prefix.Low;
        int length = _prefix.Length;
        if (length == 96) return IPv6Address.FromUInt64(hi, lo | v4);

        // a = IPv4 bits that fit before bit 64, b = the rest, placed from bit 72 on.
        int a = 64 - length; // 32, 24, 16, 8 or 0
        int b = 32 - a;
        if (a > 0) hi |= v4 >> b;
        lo |= (ulong)(v4 & (uint)((1UL << b) - 1)) << (56 - b);
        return IPv6Address.FromUInt64(hi, lo);
    }

    /// <summary>Embeds; false (never throws) when either value is the invalid default.</summary>
    public bool TryEmbed(IPv4Address ipv4, out IPv6Address result)
    {
        if (!_prefix.IsValid || !ipv4.IsValid)
        {
            result = default;
            return false;
        }
        result = Embed(ipv4);
        return true;
    }

    /// <summary>Extracts the IPv4 address (RFC 6052 §2.3). Refuses an address outside the prefix
    /// (<see cref="AddressError.NotInPrefix"/>) or with a non-zero u octet (<see cref="AddressError.Nat64UOctet"/>).
    /// Non-zero suffix bits are ignored, as RFC 6052 §2.2 asks of receivers.</summary>
    public bool TryExtract(IPv6Address address, out IPv4Address ipv4, out AddressError error)
    {
        ipv4 = default;
        if (!_prefix.IsValid || !address.IsValid) { error = AddressError.InvalidValue; return false; }
        ulong hi = address.High, lo = address.Low;
        // Containment first: an address outside the prefix is "not in prefix" whatever its bits 64-71 hold.
        if (!_prefix.Contains(address)) { error = AddressError.NotInPrefix; return false; }
        if (((lo >> 56) & 0xFF) != 0) { error = AddressError.Nat64UOctet; return false; }

        int length = _prefix.Length;
        uint v4;
        if (length == 96)
        {
            v4 = (uint)lo;
        }
        else
        {
            int a = 64 - length, b = 32 - a;
            uint high = a > 0 ? (uint)(hi & ((1UL << a) - 1)) << b : 0;
            uint low = (uint)((lo >> (56 - b)) & ((1UL << b) - 1));
            v4 = high | low;
        }
        ipv4 = IPv4Address.FromUInt32(v4);
        error = AddressError.None;
        return true;
    }

    /// <summary>Extracts, or throws <see cref="ArgumentException"/> with the reason.</summary>
    public IPv4Address Extract(IPv6Address address)
        => TryExtract(address, out var v4, out var e) ? v4 : throw new ArgumentException(e.ToMessage(), nameof(address));

    // ---- text, equality ------------------------------------------------------------------------

    private const string InvalidText = "invalid Nat64Prefix";

    /// <summary>"prefix/length", or "invalid Nat64Prefix" for the default value.</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats like <see cref="IPv6Prefix"/>.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider = null)
        => _prefix.IsValid ? _prefix.ToString(format, formatProvider) : InvalidText;

    /// <inheritdoc cref="ToString(string?, IFormatProvider?)"/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        if (_prefix.IsValid) return _prefix.TryFormat(destination, out charsWritten, format, provider);
        charsWritten = InvalidText.TryCopyTo(destination) ? InvalidText.Length : 0;
        return charsWritten > 0;
    }

    /// <inheritdoc cref="ToString(string?, IFormatProvider?)"/>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        if (_prefix.IsValid) return _prefix.TryFormat(utf8Destination, out bytesWritten, format, provider);
        return Text.AsciiText.TryNarrow(InvalidText, utf8Destination, out bytesWritten);
    }

    /// <inheritdoc />
    public bool Equals(Nat64Prefix other) => _prefix.Equals(other._prefix);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Nat64Prefix o && Equals(o);

    /// <inheritdoc />
    public override int GetHashCode() => _prefix.GetHashCode();

#pragma warning disable CS1591
    public static bool operator ==(Nat64Prefix left, Nat64Prefix right) => left.Equals(right);
    public static bool operator !=(Nat64Prefix left, Nat64Prefix right) => !left.Equals(right);
#pragma warning restore CS1591

    /// <summary>Converts to the underlying IPv6 prefix.</summary>
    public static implicit operator IPv6Prefix(Nat64Prefix prefix) => prefix.Prefix;

    private static InvalidOperationException InvalidDefault() => new("The value is default(Nat64Prefix), which is not a prefix.");
}
