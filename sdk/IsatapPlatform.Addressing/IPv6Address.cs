using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text;
using IsatapPlatform.Addressing.Text;

namespace IsatapPlatform.Addressing;

/// <summary>An IPv6 address: an immutable 128-bit value with an optional zone id. The default value
/// is invalid (<see cref="IsValid"/> is false) and is never silently "::".</summary>
/// <remarks>
/// Parsing accepts every RFC 4291 §2.2 form: upper or lower case, "::" anywhere, non-canonical
/// compression, an embedded dotted quad in the last 32 bits and a zone id ("%12", "%eth0").
/// Formatting writes RFC 5952 canonical text by default. Formats: "G" canonical (IPv4-mapped addresses keep their dotted quad, RFC 5952 §5), "M" mixed (last
/// 32 bits as a dotted quad, as Windows prints ISATAP and RFC 5952 §5 recommends for IPv4-mapped),
/// "F" full (eight four-digit groups), "R" the ip6.arpa reverse name (no zone).
/// Zone ids are limited to letters, digits, '-', '_' and '.', because addresses end up in
/// generated administrator scripts.
/// </remarks>
public readonly struct IPv6Address :
    IEquatable<IPv6Address>, IComparable<IPv6Address>, IComparable,
    ISpanParsable<IPv6Address>, IUtf8SpanParsable<IPv6Address>,
    ISpanFormattable, IUtf8SpanFormattable
{
    private readonly ulong _hi;
    private readonly ulong _lo;
    private readonly string? _zone;
    private readonly bool _isValid;

    private IPv6Address(ulong hi, ulong lo, string? zone)
    {
        _hi = hi;
        _lo = lo;
        _zone = zone;
        _isValid = true;
    }

    /// <summary>"::" (valid, unlike <c>default</c>).</summary>
    public static IPv6Address Any => new(0, 0, null);

    /// <summary>"::1".</summary>
    public static IPv6Address Loopback => new(0, 1, null);

    /// <summary>An address with a zone that is already known to be valid.</summary>
    internal static IPv6Address Create(ulong high, ulong low, string? zone) => new(high, low, zone);

    /// <summary>Creates an address from its upper and lower 64 bits.</summary>
    public static IPv6Address FromUInt64(ulong high, ulong low) => new(high, low, null);

    /// <summary>Creates an address from its 128-bit value.</summary>
    public static IPv6Address FromUInt128(UInt128 value) => new((ulong)(value >> 64), (ulong)value, null);

    /// <summary>Creates an address from 16 bytes in network order.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, out IPv6Address address)
    {
        if (bytes.Length != 16)
        {
            address = default;
            return false;
        }
        address = new IPv6Address(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]), null);
        return true;
    }

    /// <summary>The IPv4-mapped address ::ffff:a.b.c.d (RFC 4291 §2.5.5.2).</summary>
    public static IPv6Address MapFromIPv4(IPv4Address address) => new(0, 0xFFFF_0000_0000UL | address.Value, null);

    /// <summary>Converts from <see cref="IPAddress"/>; false for IPv4 or null. A numeric scope id becomes the zone.</summary>
    public static bool TryFromIPAddress(IPAddress? address, out IPv6Address result)
    {
        result = default;
        if (address is null || address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        Span<byte> b = stackalloc byte[16];
        if (!address.TryWriteBytes(b, out _) || !TryFromBytes(b, out result)) return false;
        if (address.ScopeId != 0) result = result.WithZone(address.ScopeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>False for <c>default(IPv6Address)</c>.</summary>
    public bool IsValid => _isValid;

    /// <summary>Bits 0-63 (the first four groups). Throws for the invalid default.</summary>
    public ulong High => _isValid ? _hi : throw InvalidDefault();

    /// <summary>Bits 64-127 (the last four groups). Throws for the invalid default.</summary>
    public ulong Low => _isValid ? _lo : throw InvalidDefault();

    /// <summary>The 128-bit value. Throws for the invalid default.</summary>
    public UInt128 Value => _isValid ? new UInt128(_hi, _lo) : throw InvalidDefault();

    /// <summary>The zone id, or null.</summary>
    public string? Zone => _zone;

    /// <summary>The same address with another zone id (null removes it); the zone is validated.</summary>
    public IPv6Address WithZone(string? zone)
    {
        if (!_isValid) throw InvalidDefault();
        if (string.IsNullOrEmpty(zone)) return new IPv6Address(_hi, _lo, null);
        foreach (char c in zone)
            if (!AsciiText.IsZoneChar(c)) throw new ArgumentException(AddressError.InvalidZone.ToMessage(), nameof(zone));
        return new IPv6Address(_hi, _lo, zone);
    }

    /// <summary>Group <paramref name="index"/> (0-7) as a 16-bit value.</summary>
    public ushort GetGroup(int index)
    {
        if ((uint)index > 7) throw new ArgumentOutOfRangeException(nameof(index));
        return (ushort)((index < 4 ? High : _lo) >> (48 - 16 * (index & 3)));
    }

    /// <summary>Writes the 16 bytes in network order.</summary>
    public bool TryWriteBytes(Span<byte> destination)
    {
        if (!_isValid || destination.Length < 16) return false;
        BinaryPrimitives.WriteUInt64BigEndian(destination, _hi);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _lo);
        return true;
    }

    /// <summary>Converts to <see cref="IPAddress"/> (allocates). A numeric zone becomes the scope id.</summary>
    public IPAddress ToIPAddress()
    {
        var bytes = new byte[16];
        if (!TryWriteBytes(bytes)) throw InvalidDefault();
        long scope = long.TryParse(_zone, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long s) ? s : 0;
        return new IPAddress(bytes, scope);
    }

    /// <summary>"::".</summary>
    public bool IsUnspecified => _isValid && _hi == 0 && _lo == 0;

    /// <summary>"::1".</summary>
    public bool IsLoopback => _isValid && _hi == 0 && _lo == 1;

    /// <summary>fe80::/10 (RFC 4291 §2.5.6).</summary>
    public bool IsLinkLocal => _isValid && (_hi >> 54) == 0x3FA;

    /// <summary>fc00::/7 (RFC 4193).</summary>
    public bool IsUniqueLocal => _isValid && (_hi >> 57) == 0x7E;

    /// <summary>ff00::/8.</summary>
    public bool IsMulticast => _isValid && (_hi >> 56) == 0xFF;

    /// <summary>True for ::ffff:0:0/96 (RFC 4291 §2.5.5.2).</summary>
    public bool IsIPv4Mapped => _isValid && _hi == 0 && (_lo >> 32) == 0xFFFF;

    /// <summary>The IPv4 inside an IPv4-mapped address; false for any other address.</summary>
    public bool TryUnmap(out IPv4Address address)
    {
        address = IsIPv4Mapped ? IPv4Address.FromUInt32((uint)_lo) : default;
        return address.IsValid;
    }

    /// <summary>True when the first <paramref name="length"/> bits equal those of the prefix given as its two halves (<paramref name="prefixHi"/>, <paramref name="prefixLo"/>).</summary>
    internal bool MatchesPrefix(ulong prefixHi, ulong prefixLo, int length)
    {
        var (mh, ml) = Bits.Mask(length);
        return (_hi & mh) == prefixHi && (_lo & ml) == prefixLo;
    }

    // ---- parsing -------------------------------------------------------------------------------

    /// <summary>Parses any valid textual IPv6 address, reporting why and where it failed.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out IPv6Address result, out ParseFailure failure)
    {
        if (IPv6Text.TryParse(s, out ulong hi, out ulong lo, out int zoneStart, out failure))
        {
            result = new IPv6Address(hi, lo, zoneStart < 0 ? null : new string(s[zoneStart..]));
            return true;
        }
        result = default;
        return false;
    }

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, out IPv6Address, out ParseFailure)"/>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, out IPv6Address result, out ParseFailure failure)
    {
        if (IPv6Text.TryParse(utf8Text, out ulong hi, out ulong lo, out int zoneStart, out failure))
        {
            // The zone was checked to be ASCII, so Latin-1 decoding is exact.
            result = new IPv6Address(hi, lo, zoneStart < 0 ? null : Encoding.Latin1.GetString(utf8Text[zoneStart..]));
            return true;
        }
        result = default;
        return false;
    }

    /// <summary>Parses any valid textual IPv6 address.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out IPv6Address result) => TryParse(s, out result, out _);

    /// <summary>Parses any valid textual IPv6 address; false for null.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out IPv6Address result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }
        return TryParse(s.AsSpan(), out result, out _);
    }

    /// <summary>Parses or throws <see cref="AddressFormatException"/>.</summary>
    public static IPv6Address Parse(ReadOnlySpan<char> s)
        => TryParse(s, out var r, out var f) ? r : throw new AddressFormatException(s.ToString(), f);

    /// <summary>Parses or throws <see cref="AddressFormatException"/>.</summary>
    public static IPv6Address Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    static IPv6Address ISpanParsable<IPv6Address>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);
    static bool ISpanParsable<IPv6Address>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out IPv6Address result) => TryParse(s, out result, out _);
    static IPv6Address IParsable<IPv6Address>.Parse(string s, IFormatProvider? provider) => Parse(s);
    static bool IParsable<IPv6Address>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out IPv6Address result) => TryParse(s, out result);
    static IPv6Address IUtf8SpanParsable<IPv6Address>.Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider)
        => TryParse(utf8Text, out var r, out var f) ? r : throw new AddressFormatException(Encoding.UTF8.GetString(utf8Text), f);
    static bool IUtf8SpanParsable<IPv6Address>.TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out IPv6Address result) => TryParse(utf8Text, out result, out _);

    // ---- formatting ----------------------------------------------------------------------------

    /// <summary>RFC 5952 canonical text, with "%zone" when there is one.</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats: null/"" or "G" canonical; "M" mixed dotted quad; "F" full; "R" ip6.arpa name.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider = null)
    {
        int max = 80 + (_zone?.Length ?? 0);
        Span<char> buf = max <= 256 ? stackalloc char[max] : new char[max];
        return TryFormat(buf, out int n, format) ? new string(buf[..n]) : throw new FormatException($"Unknown format '{format}'.");
    }

    /// <summary>RFC 5952 text with the last 32 bits as a dotted quad ("fe80::5efe:10.0.0.5").</summary>
    public string ToMixedString() => ToString("M");

    /// <summary>The ip6.arpa reverse-lookup name (RFC 3596 §2.5).</summary>
    public string ToReverseName() => ToString("R");

    /// <inheritdoc cref="ToString(string?, IFormatProvider?)"/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
        => TryFormatCore(destination, out charsWritten, format);

    /// <inheritdoc cref="ToString(string?, IFormatProvider?)"/>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
        => TryFormatCore(utf8Destination, out bytesWritten, format);

    private bool TryFormatCore<TChar>(Span<TChar> destination, out int written, ReadOnlySpan<char> format)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // The usual call, canonical text of an address without a zone into a destination that fits
        // any address, goes straight to the formatter; everything else takes the general path.
        if (format.IsEmpty && _zone is null && _isValid && destination.Length >= IPv6Text.MaxAddressLength)
        {
            written = IPv6Text.Format(_hi, _lo, mixed: IPv6Text.PrefersMixed(_hi, _lo), destination);
            return true;
        }
        return TryFormatAny(destination, out written, format);
    }

    private bool TryFormatAny<TChar>(Span<TChar> destination, out int written, ReadOnlySpan<char> format)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        written = 0;
        if (!_isValid)
        {
            const string Invalid = "invalid IPv6Address";
            if (destination.Length < Invalid.Length) return false;
            written = AsciiText.Write(Invalid, destination);
            return true;
        }

        char f = format.Length == 1 ? (char)(format[0] & ~0x20) : format.IsEmpty ? 'G' : '?';
        int zoneLength = _zone is null ? 0 : _zone.Length + 1;
        int maxLength = f switch
        {
            'G' or 'M' => IPv6Text.MaxAddressLength,
            'F' => IPv6Text.FullLength,
            'R' => IPv6Text.ReverseNameLength,
            _ => -1,
        };
        if (maxLength < 0) return false;
        if (f == 'R') zoneLength = 0;

        // A short destination must never see partial output. When even the longest text of this
        // format fits, write straight into the destination (the usual case); otherwise into a
        // scratch buffer first, then copy if it turns out to fit. The scratch buffer is not
        // zeroed ([module: SkipLocalsInit]): only what the formatter wrote is read back.
        Span<TChar> scratch = stackalloc TChar[IPv6Text.ReverseNameLength];
        bool direct = destination.Length >= maxLength + zoneLength;
        Span<TChar> target = direct ? destination : scratch;
        int n = f switch
        {
            'G' => IPv6Text.Format(_hi, _lo, mixed: IPv6Text.PrefersMixed(_hi, _lo), target),
            'M' => IPv6Text.Format(_hi, _lo, mixed: true, target),
            'F' => IPv6Text.FormatFull(_hi, _lo, target),
            _ => IPv6Text.FormatReverse(_hi, _lo, target),
        };
        if (!direct)
        {
            if (destination.Length < n + zoneLength) return false;
            scratch[..n].CopyTo(destination);
        }
        if (zoneLength > 0)
        {
            destination[n] = TChar.CreateTruncating('%');
            AsciiText.Write(_zone!, destination[(n + 1)..]);
        }
        written = n + zoneLength;
        return true;
    }

    // ---- equality and order ------------------------------------------------------------------

    /// <summary>Equal when the bits and the zone (ordinal) are equal.</summary>
    public bool Equals(IPv6Address other)
        => _hi == other._hi && _lo == other._lo && _isValid == other._isValid && string.Equals(_zone, other._zone, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IPv6Address o && Equals(o);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_hi, _lo, _isValid, _zone);

    /// <summary>Invalid first; then numeric order; then zone (no zone first, then ordinal).</summary>
    public int CompareTo(IPv6Address other)
    {
        if (_isValid != other._isValid) return _isValid ? 1 : -1;
        int c = _hi.CompareTo(other._hi);
        if (c == 0) c = _lo.CompareTo(other._lo);
        return c != 0 ? c : string.CompareOrdinal(_zone, other._zone);
    }

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        IPv6Address o => CompareTo(o),
        _ => throw new ArgumentException("Object must be an IPv6Address.", nameof(obj)),
    };

#pragma warning disable CS1591 // operators are self-describing
    public static bool operator ==(IPv6Address left, IPv6Address right) => left.Equals(right);
    public static bool operator !=(IPv6Address left, IPv6Address right) => !left.Equals(right);
    public static bool operator <(IPv6Address left, IPv6Address right) => left.CompareTo(right) < 0;
    public static bool operator >(IPv6Address left, IPv6Address right) => left.CompareTo(right) > 0;
    public static bool operator <=(IPv6Address left, IPv6Address right) => left.CompareTo(right) <= 0;
    public static bool operator >=(IPv6Address left, IPv6Address right) => left.CompareTo(right) >= 0;
#pragma warning restore CS1591

    internal static InvalidOperationException InvalidDefault() => new("The value is default(IPv6Address), which is not an address.");
}
