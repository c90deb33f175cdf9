using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text;
using IsatapPlatform.Addressing.Text;

namespace IsatapPlatform.Addressing;

/// <summary>An IPv4 network prefix such as 192.168.99.0/24: no bits set past <see cref="Length"/>.
/// The default value is invalid.</summary>
public readonly struct IPv4Prefix :
    IEquatable<IPv4Prefix>, IComparable<IPv4Prefix>, IComparable,
    ISpanParsable<IPv4Prefix>, IUtf8SpanParsable<IPv4Prefix>,
    ISpanFormattable, IUtf8SpanFormattable
{
    private readonly uint _value;
    private readonly byte _length;
    private readonly bool _isValid;

    private IPv4Prefix(uint value, int length)
    {
        _value = value;
        _length = (byte)length;
        _isValid = true;
    }

    /// <summary>Creates a prefix; host bits are refused unless <paramref name="mode"/> is <see cref="PrefixParseMode.Normalize"/>.</summary>
    public static bool TryCreate(IPv4Address address, int length, PrefixParseMode mode, out IPv4Prefix prefix, out AddressError error)
    {
        prefix = default;
        if (!address.IsValid) { error = AddressError.InvalidValue; return false; }
        if ((uint)length > 32) { error = AddressError.InvalidPrefixLength; return false; }
        uint mask = Bits.Mask32(length);
        if ((address.Value & ~mask) != 0 && mode == PrefixParseMode.Strict) { error = AddressError.HostBitsSet; return false; }
        prefix = new IPv4Prefix(address.Value & mask, length);
        error = AddressError.None;
        return true;
    }

    /// <summary>Creates a prefix or throws <see cref="ArgumentException"/> (host bits refused).</summary>
    public static IPv4Prefix Create(IPv4Address address, int length)
        => TryCreate(address, length, PrefixParseMode.Strict, out var p, out var e) ? p : throw new ArgumentException(e.ToMessage(), nameof(address));

    /// <summary>False for <c>default(IPv4Prefix)</c>.</summary>
    public bool IsValid => _isValid;

    /// <summary>The network address.</summary>
    public IPv4Address Address => _isValid ? IPv4Address.FromUInt32(_value) : throw new InvalidOperationException("The value is default(IPv4Prefix).");

    /// <summary>The prefix length, 0-32.</summary>
    public int Length => _isValid ? _length : throw new InvalidOperationException("The value is default(IPv4Prefix).");

    /// <summary>True when <paramref name="address"/> is inside this prefix.</summary>
    public bool Contains(IPv4Address address) => _isValid && address.IsValid && (address.Value & Bits.Mask32(_length)) == _value;

    /// <summary>Parses "a.b.c.d/length", reporting why and where it failed.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, PrefixParseMode mode, out IPv4Prefix result, out ParseFailure failure)
        => TryParseCore(s, mode, out result, out failure);

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, PrefixParseMode, out IPv4Prefix, out ParseFailure)"/>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, PrefixParseMode mode, out IPv4Prefix result, out ParseFailure failure)
        => TryParseCore(utf8Text, mode, out result, out failure);

    private static bool TryParseCore<TChar>(ReadOnlySpan<TChar> s, PrefixParseMode mode, out IPv4Prefix result, out ParseFailure failure)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        result = default;
        int slash = s.IndexOf(TChar.CreateTruncating('/'));
        if (!IPv4Text.TryParse(slash < 0 ? s : s[..slash], 0, out uint v, out failure)) return false;
        if (slash < 0)
        {
            failure = new ParseFailure(AddressError.MissingPrefixLength, s.Length);
            return false;
        }
        if (!PrefixLength.TryParse(s[(slash + 1)..], 32, slash + 1, out int length, out failure)) return false;
        uint mask = Bits.Mask32(length);
        if ((v & ~mask) != 0 && mode == PrefixParseMode.Strict)
        {
            failure = new ParseFailure(AddressError.HostBitsSet, slash);
            return false;
        }
        result = new IPv4Prefix(v & mask, length);
        failure = default;
        return true;
    }

    /// <summary>Parses strictly (host bits refused).</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out IPv4Prefix result) => TryParseCore(s, PrefixParseMode.Strict, out result, out _);

    /// <summary>Parses strictly; false for null.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out IPv4Prefix result)
    {
        if (s is null) { result = default; return false; }
        return TryParse(s.AsSpan(), out result);
    }

    /// <summary>Parses strictly or throws <see cref="AddressFormatException"/>.</summary>
    public static IPv4Prefix Parse(ReadOnlySpan<char> s)
        => TryParseCore(s, PrefixParseMode.Strict, out var r, out var f) ? r : throw new AddressFormatException(s.ToString(), f);

    /// <summary>Parses strictly or throws <see cref="AddressFormatException"/>.</summary>
    public static IPv4Prefix Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    static IPv4Prefix ISpanParsable<IPv4Prefix>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);
    static bool ISpanParsable<IPv4Prefix>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out IPv4Prefix result) => TryParse(s, out result);
    static IPv4Prefix IParsable<IPv4Prefix>.Parse(string s, IFormatProvider? provider) => Parse(s);
    static bool IParsable<IPv4Prefix>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out IPv4Prefix result) => TryParse(s, out result);
    static IPv4Prefix IUtf8SpanParsable<IPv4Prefix>.Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider)
        => TryParseCore(utf8Text, PrefixParseMode.Strict, out var r, out var f) ? r : throw new AddressFormatException(Encoding.UTF8.GetString(utf8Text), f);
    static bool IUtf8SpanParsable<IPv4Prefix>.TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out IPv4Prefix result)
        => TryParseCore(utf8Text, PrefixParseMode.Strict, out result, out _);

    /// <summary>"a.b.c.d/length".</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats as "a.b.c.d/length" (only the default format exists).</summary>
    public string ToString(string? format, IFormatProvider? formatProvider = null)
    {
        Span<char> buf = stackalloc char[24];
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
        if (!(format.IsEmpty || format is "G" or "g")) return false;
        if (!_isValid)
        {
            const string Invalid = "invalid IPv4Prefix";
            if (destination.Length < Invalid.Length) return false;
            written = AsciiText.Write(Invalid, destination);
            return true;
        }
        Span<TChar> scratch = stackalloc TChar[IPv4Text.MaxLength + 3];
        int n = IPv4Text.Format(_value, scratch);
        scratch[n++] = TChar.CreateTruncating('/');
        n += IPv4Text.WriteDecimal(_length, scratch[n..]);
        if (destination.Length < n) return false;
        scratch[..n].CopyTo(destination);
        written = n;
        return true;
    }

    /// <inheritdoc />
    public bool Equals(IPv4Prefix other) => _value == other._value && _length == other._length && _isValid == other._isValid;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IPv4Prefix o && Equals(o);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_value, _length, _isValid);

    /// <summary>Invalid first; then by address; then shorter prefixes first.</summary>
    public int CompareTo(IPv4Prefix other)
    {
        if (_isValid != other._isValid) return _isValid ? 1 : -1;
        int c = _value.CompareTo(other._value);
        return c != 0 ? c : _length.CompareTo(other._length);
    }

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        IPv4Prefix o => CompareTo(o),
        _ => throw new ArgumentException("Object must be an IPv4Prefix.", nameof(obj)),
    };

#pragma warning disable CS1591 // operators are self-describing
    public static bool operator ==(IPv4Prefix left, IPv4Prefix right) => left.Equals(right);
    public static bool operator !=(IPv4Prefix left, IPv4Prefix right) => !left.Equals(right);
    public static bool operator <(IPv4Prefix left, IPv4Prefix right) => left.CompareTo(right) < 0;
    public static bool operator >(IPv4Prefix left, IPv4Prefix right) => left.CompareTo(right) > 0;
    public static bool operator <=(IPv4Prefix left, IPv4Prefix right) => left.CompareTo(right) <= 0;
    public static bool operator >=(IPv4Prefix left, IPv4Prefix right) => left.CompareTo(right) >= 0;
#pragma warning restore CS1591
}
