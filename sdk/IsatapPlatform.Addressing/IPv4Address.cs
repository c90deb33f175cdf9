using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IsatapPlatform.Addressing.Text;

namespace IsatapPlatform.Addressing;

/// <summary>An IPv4 address: an immutable 32-bit value. The default value is invalid
/// (<see cref="IsValid"/> is false) and is never silently 0.0.0.0.</summary>
/// <remarks>Parsing accepts exactly four decimal octets without leading zeros ("010.0.0.1" is
/// refused because other parsers read it as octal). Formatting writes the dotted quad; the
/// format "R" writes the in-addr.arpa reverse name.</remarks>
public readonly struct IPv4Address :
    IEquatable<IPv4Address>, IComparable<IPv4Address>, IComparable,
    ISpanParsable<IPv4Address>, IUtf8SpanParsable<IPv4Address>,
    ISpanFormattable, IUtf8SpanFormattable
{
    private readonly uint _value;
    private readonly bool _isValid;

    private IPv4Address(uint value)
    {
        _value = value;
        _isValid = true;
    }

    /// <summary>0.0.0.0 (valid, unlike <c>default</c>).</summary>
    public static IPv4Address Any => new(0);

    /// <summary>The RFC 7050 well-known IPv4 addresses of ipv4only.arpa.</summary>
    public static IPv4Address Rfc7050First => new(0xC00000AA);

    /// <inheritdoc cref="Rfc7050First"/>
    public static IPv4Address Rfc7050Second => new(0xC00000AB);

    /// <summary>Creates an address from its 32-bit big-endian numeric value (a.b.c.d = a&lt;&lt;24 | ...).</summary>
    public static IPv4Address FromUInt32(uint value) => new(value);

    /// <summary>Creates an address from its four octets.</summary>
    public static IPv4Address FromOctets(byte a, byte b, byte c, byte d) => new(((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | d);

    /// <summary>Creates an address from exactly four bytes in network order.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, out IPv4Address address)
    {
        if (bytes.Length != 4)
        {
            address = default;
            return false;
        }
        address = FromOctets(bytes[0], bytes[1], bytes[2], bytes[3]);
        return true;
    }

    /// <summary>Converts from <see cref="IPAddress"/>; false for IPv6 or null.</summary>
    public static bool TryFromIPAddress(IPAddress? address, out IPv4Address result)
    {
        result = default;
        if (address is null || address.AddressFamily != AddressFamily.InterNetwork) return false;
        Span<byte> b = stackalloc byte[4];
        return address.TryWriteBytes(b, out _) && TryFromBytes(b, out result);
    }

    /// <summary>False for <c>default(IPv4Address)</c>.</summary>
    public bool IsValid => _isValid;

    /// <summary>The 32-bit value, most significant octet first. Throws for the invalid default.</summary>
    public uint Value => _isValid ? _value : throw InvalidDefault();

    /// <summary>Writes the four octets in network order.</summary>
    public bool TryWriteBytes(Span<byte> destination)
    {
        if (!_isValid || destination.Length < 4) return false;
        destination[0] = (byte)(_value >> 24);
        destination[1] = (byte)(_value >> 16);
        destination[2] = (byte)(_value >> 8);
        destination[3] = (byte)_value;
        return true;
    }

    /// <summary>Converts to <see cref="IPAddress"/> (allocates).</summary>
    public IPAddress ToIPAddress() => new(new[] { (byte)(Value >> 24), (byte)(_value >> 16), (byte)(_value >> 8), (byte)_value });

    /// <summary>True when the IANA IPv4 Special-Purpose Address Registry does not mark the address
    /// as not globally reachable, and it is not multicast (see <see cref="IPv4SpecialRegistry"/>).
    /// This is the test RFC 6052 §3.1, RFC 5214 §6.1 (u bit) and RFC 3056 §2 need.</summary>
    public bool IsGlobal => _isValid && IPv4SpecialRegistry.IsGlobalUnicast(_value);

    /// <summary>RFC 1918 private-use space (10/8, 172.16/12, 192.168/16).</summary>
    public bool IsPrivate => _isValid && ((_value >> 24) == 10 || (_value >> 20) == 0xAC1 || (_value >> 16) == 0xC0A8);

    /// <summary>127.0.0.0/8.</summary>
    public bool IsLoopback => _isValid && (_value >> 24) == 127;

    /// <summary>169.254.0.0/16.</summary>
    public bool IsLinkLocal => _isValid && (_value >> 16) == 0xA9FE;

    /// <summary>224.0.0.0/4.</summary>
    public bool IsMulticast => _isValid && (_value >> 28) == 0xE;

    /// <summary>255.255.255.255, the limited broadcast address.</summary>
    public bool IsBroadcast => _isValid && _value == uint.MaxValue;

    /// <summary>240.0.0.0/4 other than the broadcast address (RFC 1112 §4, reserved for future use).</summary>
    public bool IsReserved => _isValid && (_value >> 28) == 0xF && _value != uint.MaxValue;

    /// <summary>0.0.0.0.</summary>
    public bool IsUnspecified => _isValid && _value == 0;

    /// <summary>100.64.0.0/10 (RFC 6598 shared address space, carrier-grade NAT).</summary>
    public bool IsSharedAddressSpace => _isValid && (_value >> 22) == (100u << 2 | 1);

    /// <summary>192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (RFC 5737).</summary>
    public bool IsDocumentation => _isValid && ((_value >> 8) == 0xC00002 || (_value >> 8) == 0xC63364 || (_value >> 8) == 0xCB0071);

    /// <summary>192.0.0.170 or 192.0.0.171, the RFC 7050 addresses of ipv4only.arpa.</summary>
    public bool IsRfc7050WellKnown => _isValid && (_value == 0xC00000AA || _value == 0xC00000AB);

    // ---- parsing -------------------------------------------------------------------------------

    /// <summary>Parses a dotted quad, reporting why and where it failed.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out IPv4Address result, out ParseFailure failure)
    {
        if (IPv4Text.TryParse(s, 0, out uint v, out failure))
        {
            result = new IPv4Address(v);
            return true;
        }
        result = default;
        return false;
    }

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, out IPv4Address, out ParseFailure)"/>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, out IPv4Address result, out ParseFailure failure)
    {
        if (IPv4Text.TryParse(utf8Text, 0, out uint v, out failure))
        {
            result = new IPv4Address(v);
            return true;
        }
        result = default;
        return false;
    }

    /// <summary>Parses a dotted quad.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out IPv4Address result) => TryParse(s, out result, out _);

    /// <summary>Parses a dotted quad; false for null.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out IPv4Address result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }
        return TryParse(s.AsSpan(), out result, out _);
    }

    /// <summary>Parses a dotted quad or throws <see cref="AddressFormatException"/>.</summary>
    public static IPv4Address Parse(ReadOnlySpan<char> s)
        => TryParse(s, out var r, out var f) ? r : throw new AddressFormatException(s.ToString(), f);

    /// <summary>Parses a dotted quad or throws <see cref="AddressFormatException"/>.</summary>
    public static IPv4Address Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    static IPv4Address ISpanParsable<IPv4Address>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);
    static bool ISpanParsable<IPv4Address>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out IPv4Address result) => TryParse(s, out result, out _);
    static IPv4Address IParsable<IPv4Address>.Parse(string s, IFormatProvider? provider) => Parse(s);
    static bool IParsable<IPv4Address>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out IPv4Address result) => TryParse(s, out result);
    static IPv4Address IUtf8SpanParsable<IPv4Address>.Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider)
        => TryParse(utf8Text, out var r, out var f) ? r : throw new AddressFormatException(Encoding.UTF8.GetString(utf8Text), f);
    static bool IUtf8SpanParsable<IPv4Address>.TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out IPv4Address result) => TryParse(utf8Text, out result, out _);

    // ---- formatting ----------------------------------------------------------------------------

    /// <summary>The dotted quad, or "invalid IPv4Address" for the default value.</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats: null/"" or "G" dotted quad; "R" the in-addr.arpa reverse name.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider = null)
    {
        Span<char> buf = stackalloc char[32];
        return TryFormat(buf, out int n, format) ? new string(buf[..n]) : throw new FormatException($"Unknown format '{format}'.");
    }

    /// <inheritdoc cref="ToString(string?, IFormatProvider?)"/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
        => TryFormatCore(destination, out charsWritten, format);

    /// <inheritdoc cref="ToString(string?, IFormatProvider?)"/>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
        => TryFormatCore(utf8Destination, out bytesWritten, format);

    private bool TryFormatCore<TChar>(Span<TChar> destination, out int written, ReadOnlySpan<char> format)
        where TChar : unmanaged, System.Numerics.IBinaryInteger<TChar>
    {
        written = 0;
        if (!_isValid)
        {
            const string Invalid = "invalid IPv4Address";
            if (destination.Length < Invalid.Length) return false;
            written = AsciiText.Write(Invalid, destination);
            return true;
        }
        if (format.IsEmpty || format is "G" or "g")
        {
            if (destination.Length < IPv4Text.FormattedLength(_value)) return false;
            written = IPv4Text.Format(_value, destination);
            return true;
        }
        if (format is "R" or "r")
        {
            if (destination.Length < IPv4Text.FormattedLength(_value) + 13) return false;
            written = IPv4Text.FormatReverse(_value, destination);
            return true;
        }
        return false;
    }

    // ---- equality and order ------------------------------------------------------------------

    /// <inheritdoc />
    public bool Equals(IPv4Address other) => _value == other._value && _isValid == other._isValid;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IPv4Address o && Equals(o);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_value, _isValid);

    /// <summary>Invalid sorts first; then numeric order.</summary>
    public int CompareTo(IPv4Address other)
        => _isValid != other._isValid ? (_isValid ? 1 : -1) : _value.CompareTo(other._value);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        IPv4Address o => CompareTo(o),
        _ => throw new ArgumentException("Object must be an IPv4Address.", nameof(obj)),
    };

#pragma warning disable CS1591 // operators are self-describing
    public static bool operator ==(IPv4Address left, IPv4Address right) => left.Equals(right);
    public static bool operator !=(IPv4Address left, IPv4Address right) => !left.Equals(right);
    public static bool operator <(IPv4Address left, IPv4Address right) => left.CompareTo(right) < 0;
    public static bool operator >(IPv4Address left, IPv4Address right) => left.CompareTo(right) > 0;
    public static bool operator <=(IPv4Address left, IPv4Address right) => left.CompareTo(right) <= 0;
    public static bool operator >=(IPv4Address left, IPv4Address right) => left.CompareTo(right) >= 0;
#pragma warning restore CS1591

    internal static InvalidOperationException InvalidDefault() => new("The value is default(IPv4Address), which is not an address.");
}
