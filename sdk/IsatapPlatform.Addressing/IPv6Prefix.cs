using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text;
using IsatapPlatform.Addressing.Text;

namespace IsatapPlatform.Addressing;

/// <summary>An IPv6 network prefix: an address with no bits set past <see cref="Length"/>, and no zone.
/// The default value is invalid. Text form "2001:db8::/32".</summary>
public readonly struct IPv6Prefix :
    IEquatable<IPv6Prefix>, IComparable<IPv6Prefix>, IComparable,
    ISpanParsable<IPv6Prefix>, IUtf8SpanParsable<IPv6Prefix>,
    ISpanFormattable, IUtf8SpanFormattable
{
    private readonly ulong _hi;
    private readonly ulong _lo;
    private readonly byte _length;
    private readonly bool _isValid;

    private IPv6Prefix(ulong hi, ulong lo, int length)
    {
        _hi = hi;
        _lo = lo;
        _length = (byte)length;
        _isValid = true;
    }

    /// <summary>Creates a prefix; host bits are refused unless <paramref name="mode"/> is <see cref="PrefixParseMode.Normalize"/>.</summary>
    public static bool TryCreate(IPv6Address address, int length, PrefixParseMode mode, out IPv6Prefix prefix, out AddressError error)
    {
        prefix = default;
        if (!address.IsValid) { error = AddressError.InvalidValue; return false; }
        if (address.Zone is not null) { error = AddressError.ZoneNotAllowed; return false; }
        if ((uint)length > 128) { error = AddressError.InvalidPrefixLength; return false; }
        var (mh, ml) = Bits.Mask(length);
        ulong hi = address.High, lo = address.Low;
        if (((hi & ~mh) | (lo & ~ml)) != 0 && mode == PrefixParseMode.Strict) { error = AddressError.HostBitsSet; return false; }
        prefix = new IPv6Prefix(hi & mh, lo & ml, length);
        error = AddressError.None;
        return true;
    }

    /// <summary>Creates a prefix or throws <see cref="ArgumentException"/> (host bits refused).</summary>
    public static IPv6Prefix Create(IPv6Address address, int length)
        => TryCreate(address, length, PrefixParseMode.Strict, out var p, out var e) ? p : throw new ArgumentException(e.ToMessage(), nameof(address));

    internal static IPv6Prefix FromBits(ulong hi, ulong lo, int length)
    {
        var (mh, ml) = Bits.Mask(length);
        return new IPv6Prefix(hi & mh, lo & ml, length);
    }

    /// <summary>False for <c>default(IPv6Prefix)</c>.</summary>
    public bool IsValid => _isValid;

    /// <summary>The network address (all bits past the length are zero).</summary>
    public IPv6Address Address => _isValid ? IPv6Address.FromUInt64(_hi, _lo) : throw InvalidDefault();

    /// <summary>The prefix length, 0-128.</summary>
    public int Length => _isValid ? _length : throw InvalidDefault();

    internal ulong High => _hi;
    internal ulong Low => _lo;

    /// <summary>True when <paramref name="address"/> is inside this prefix (the zone is ignored).</summary>
    public bool Contains(IPv6Address address) => _isValid && address.IsValid && address.MatchesPrefix(_hi, _lo, _length);

    /// <summary>True when <paramref name="other"/> is equal to or inside this prefix.</summary>
    public bool Contains(IPv6Prefix other) => _isValid && other._isValid && other._length >= _length && Contains(other.Address);

    // ---- parsing -------------------------------------------------------------------------------

    /// <summary>Parses "address/length", reporting why and where it failed.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, PrefixParseMode mode, out IPv6Prefix result, out ParseFailure failure)
        => TryParseCore(s, mode, out result, out failure);

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, PrefixParseMode, out IPv6Prefix, out ParseFailure)"/>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, PrefixParseMode mode, out IPv6Prefix result, out ParseFailure failure)
        => TryParseCore(utf8Text, mode, out result, out failure);

    internal static bool TryParseCore<TChar>(ReadOnlySpan<TChar> s, PrefixParseMode mode, out IPv6Prefix result, out ParseFailure failure)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        result = default;
        int slash = s.IndexOf(TChar.CreateTruncating('/'));
        if (slash < 0)
        {
            // Report a bad address before a missing length: it is the more useful message.
            if (IPv6Text.TryParse(s, out _, out _, out int zone, out failure))
            {
                failure = zone >= 0
                    ? new ParseFailure(AddressError.ZoneNotAllowed, zone - 1)
                    : new ParseFailure(AddressError.MissingPrefixLength, s.Length);
            }
            return false;
        }
        if (!IPv6Text.TryParse(s[..slash], out ulong hi, out ulong lo, out int zoneStart, out failure)) return false;
        if (zoneStart >= 0)
        {
            failure = new ParseFailure(AddressError.ZoneNotAllowed, zoneStart - 1);
            return false;
        }
        if (!PrefixLength.TryParse(s[(slash + 1)..], 128, slash + 1, out int length, out failure)) return false;

        var (mh, ml) = Bits.Mask(length);
        if (((hi & ~mh) | (lo & ~ml)) != 0 && mode == PrefixParseMode.Strict)
        {
            failure = new ParseFailure(AddressError.HostBitsSet, slash);
            return false;
        }
        result = new IPv6Prefix(hi & mh, lo & ml, length);
        failure = default;
        return true;
    }

    /// <summary>Parses "address/length" strictly (host bits refused).</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out IPv6Prefix result) => TryParseCore(s, PrefixParseMode.Strict, out result, out _);

    /// <summary>Parses "address/length" strictly; false for null.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out IPv6Prefix result)
    {
        if (s is null) { result = default; return false; }
        return TryParse(s.AsSpan(), out result);
    }

    /// <summary>Parses strictly or throws <see cref="AddressFormatException"/>.</summary>
    public static IPv6Prefix Parse(ReadOnlySpan<char> s)
        => TryParseCore(s, PrefixParseMode.Strict, out var r, out var f) ? r : throw new AddressFormatException(s.ToString(), f);

    /// <summary>Parses strictly or throws <see cref="AddressFormatException"/>.</summary>
    public static IPv6Prefix Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    static IPv6Prefix ISpanParsable<IPv6Prefix>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);
    static bool ISpanParsable<IPv6Prefix>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out IPv6Prefix result) => TryParse(s, out result);
    static IPv6Prefix IParsable<IPv6Prefix>.Parse(string s, IFormatProvider? provider) => Parse(s);
    static bool IParsable<IPv6Prefix>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out IPv6Prefix result) => TryParse(s, out result);
    static IPv6Prefix IUtf8SpanParsable<IPv6Prefix>.Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider)
        => TryParseCore(utf8Text, PrefixParseMode.Strict, out var r, out var f) ? r : throw new AddressFormatException(Encoding.UTF8.GetString(utf8Text), f);
    static bool IUtf8SpanParsable<IPv6Prefix>.TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out IPv6Prefix result)
        => TryParseCore(utf8Text, PrefixParseMode.Strict, out result, out _);

    // ---- formatting ----------------------------------------------------------------------------

    /// <summary>"address/length" with the address in RFC 5952 canonical form.</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats: null/"" or "G" canonical; "M" the address in mixed dotted-quad form.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider = null)
    {
        Span<char> buf = stackalloc char[64];
        return TryFormat(buf, out int n, format) ? new string(buf[..n]) : throw new FormatException($"Unknown format '{format}'.");
    }

    /// <inheritdoc cref="ToString(string?, IFormatProvider?)"/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
        => TryFormatCore(destination, out charsWritten, format);

    /// <inheritdoc cref="ToString(string?, IFormatProvider?)"/>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
        => TryFormatCore(utf8Destination, out bytesWritten, format);

    private bool TryFormatCore<TChar>(Span<TChar> destination, out int written, ReadOnlySpan<char> format)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        written = 0;
        if (!(format.IsEmpty || format is "G" or "g" or "M" or "m")) return false;
        if (!_isValid)
        {
            const string Invalid = "invalid IPv6Prefix";
            if (destination.Length < Invalid.Length) return false;
            written = AsciiText.Write(Invalid, destination);
            return true;
        }
        Span<TChar> scratch = stackalloc TChar[IPv6Text.MaxAddressLength + 4];
        int n = IPv6Text.Format(_hi, _lo, mixed: format is "M" or "m" || IPv6Text.PrefersMixed(_hi, _lo), scratch);
        scratch[n++] = TChar.CreateTruncating('/');
        n += IPv4Text.WriteDecimal(_length, scratch[n..]);
        if (destination.Length < n) return false;
        scratch[..n].CopyTo(destination);
        written = n;
        return true;
    }

    // ---- equality and order ------------------------------------------------------------------

    /// <inheritdoc />
    public bool Equals(IPv6Prefix other) => _hi == other._hi && _lo == other._lo && _length == other._length && _isValid == other._isValid;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IPv6Prefix o && Equals(o);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_hi, _lo, _length, _isValid);

    /// <summary>Invalid first; then by address; then shorter prefixes first.</summary>
    public int CompareTo(IPv6Prefix other)
    {
        if (_isValid != other._isValid) return _isValid ? 1 : -1;
        int c = _hi.CompareTo(other._hi);
        if (c == 0) c = _lo.CompareTo(other._lo);
        return c != 0 ? c : _length.CompareTo(other._length);
    }

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        IPv6Prefix o => CompareTo(o),
        _ => throw new ArgumentException("Object must be an IPv6Prefix.", nameof(obj)),
    };

#pragma warning disable CS1591 // operators are self-describing
    public static bool operator ==(IPv6Prefix left, IPv6Prefix right) => left.Equals(right);
    public static bool operator !=(IPv6Prefix left, IPv6Prefix right) => !left.Equals(right);
    public static bool operator <(IPv6Prefix left, IPv6Prefix right) => left.CompareTo(right) < 0;
    public static bool operator >(IPv6Prefix left, IPv6Prefix right) => left.CompareTo(right) > 0;
    public static bool operator <=(IPv6Prefix left, IPv6Prefix right) => left.CompareTo(right) <= 0;
    public static bool operator >=(IPv6Prefix left, IPv6Prefix right) => left.CompareTo(right) >= 0;
#pragma warning restore CS1591

    private static InvalidOperationException InvalidDefault() => new("The value is default(IPv6Prefix), which is not a prefix.");
}
