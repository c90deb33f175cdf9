using System.Numerics;

namespace IsatapPlatform.Addressing.Text;

// Dotted-quad parsing and formatting, generic over the code unit so that UTF-16 and UTF-8 share one
// implementation (the JIT specialises each instantiation; there is no per-character dispatch).
internal static class IPv4Text
{
    // "255.255.255.255"
    public const int MaxLength = 15;

    /// <summary>Parses exactly four decimal octets. <paramref name="offset"/> is added to reported
    /// positions so a caller parsing an embedded quad can report positions in its own input.</summary>
    public static bool TryParse<TChar>(ReadOnlySpan<TChar> s, int offset, out uint value, out ParseFailure failure)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // Valid text takes the fast path. Anything else goes to the full parser, which finds the
        // error and its position; so the ':' scan that tells IPv6 text apart is only paid on failure.
        if (ParseQuad(s, 0, out value) == s.Length)
        {
            failure = default;
            return true;
        }
        return TryParseAndReport(s, offset, out value, out failure);
    }

    /// <summary>Reads a valid dotted quad that starts at <paramref name="i"/> and returns the index just
    /// after its fourth octet, or -1 when the text there is not a valid quad. It accepts exactly what
    /// <see cref="TryParse"/> accepts (four octets of one to three digits, no leading zero, at most 255),
    /// but says nothing about why it refuses: callers fall back to the full parser for that.</summary>
    /// <remarks>The caller checks what follows: the end of the input, or the '%' of an IPv6 zone.
    /// A fourth digit or a fifth octet then shows up as a character that is neither.</remarks>
    public static int ParseQuad<TChar>(ReadOnlySpan<TChar> s, int i, out uint value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        value = 0;
        uint result = 0; // a local: the JIT would keep the out parameter in memory
        for (int octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if ((uint)i >= (uint)s.Length || int.CreateTruncating(s[i]) != '.') return -1;
                i++;
            }
            // One to three digits, written out rather than looped: no leading zero, at most 255.
            if ((uint)i >= (uint)s.Length) return -1;
            uint n = uint.CreateTruncating(s[i]) - '0';
            if (n > 9) return -1;
            i++;
            if ((uint)i < (uint)s.Length)
            {
                uint d = uint.CreateTruncating(s[i]) - '0';
                if (d <= 9)
                {
                    if (n == 0) return -1;
                    n = n * 10 + d;
                    i++;
                    if ((uint)i < (uint)s.Length)
                    {
                        d = uint.CreateTruncating(s[i]) - '0';
                        if (d <= 9)
                        {
                            n = n * 10 + d;
                            if (n > 255) return -1;
                            i++;
                        }
                    }
                }
            }
            result = (result << 8) | n;
        }
        value = result;
        return i;
    }

    // The full parser: the reference for which text is refused, why and where.
    internal static bool TryParseAndReport<TChar>(ReadOnlySpan<TChar> s, int offset, out uint value, out ParseFailure failure)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        value = 0;
        if (s.IsEmpty)
        {
            failure = new ParseFailure(AddressError.Empty, offset);
            return false;
        }

        // IPv6 text given to the IPv4 parser ("2001:db8::1", "fe80::1") would otherwise be reported
        // as an out-of-range or unexpected octet; the first ':' gives the family away.
        int colon = s.IndexOf(TChar.CreateTruncating(':'));
        if (colon >= 0)
        {
            failure = new ParseFailure(AddressError.WrongFamily, offset + colon);
            return false;
        }

        int i = 0;
        for (int octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if (i >= s.Length)
                {
                    failure = new ParseFailure(AddressError.WrongOctetCount, offset + i);
                    return false;
                }
                if (int.CreateTruncating(s[i]) != '.')
                {
                    failure = new ParseFailure(Unexpected(s[i]), offset + i);
                    return false;
                }
                i++;
            }

            int start = i, n = 0;
            while (i < s.Length)
            {
                int d = int.CreateTruncating(s[i]) - '0';
                if ((uint)d > 9) break;
                if (i - start == 3)
                {
                    failure = new ParseFailure(AddressError.OctetOutOfRange, offset + start);
                    return false;
                }
                n = n * 10 + d;
                i++;
            }
            if (i == start)
            {
                failure = i < s.Length
                    ? new ParseFailure(Unexpected(s[i]), offset + i)
                    : new ParseFailure(AddressError.WrongOctetCount, offset + i);
                return false;
            }
            if (n > 255)
            {
                failure = new ParseFailure(AddressError.OctetOutOfRange, offset + start);
                return false;
            }
            if (i - start > 1 && int.CreateTruncating(s[start]) == '0')
            {
                failure = new ParseFailure(AddressError.OctetLeadingZero, offset + start);
                return false;
            }
            value = (value << 8) | (uint)n;
        }

        if (i != s.Length)
        {
            failure = new ParseFailure(int.CreateTruncating(s[i]) == '.' ? AddressError.WrongOctetCount : Unexpected(s[i]), offset + i);
            return false;
        }
        failure = default;
        return true;
    }

    // A ':' where an IPv4 digit was expected means the caller gave us IPv6.
    private static AddressError Unexpected<TChar>(TChar c) where TChar : unmanaged, IBinaryInteger<TChar>
        => int.CreateTruncating(c) == ':' ? AddressError.WrongFamily : AddressError.UnexpectedCharacter;

    public static int Format<TChar>(uint value, Span<TChar> destination)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        int pos = 0;
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            if (shift != 24) destination[pos++] = TChar.CreateTruncating('.');
            pos += WriteDecimal((value >> shift) & 0xFF, destination[pos..]);
        }
        return pos;
    }

    public static int WriteDecimal<TChar>(uint n, Span<TChar> destination)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (n >= 100)
        {
            destination[0] = TChar.CreateTruncating('0' + n / 100);
            destination[1] = TChar.CreateTruncating('0' + n / 10 % 10);
            destination[2] = TChar.CreateTruncating('0' + n % 10);
            return 3;
        }
        if (n >= 10)
        {
            destination[0] = TChar.CreateTruncating('0' + n / 10);
            destination[1] = TChar.CreateTruncating('0' + n % 10);
            return 2;
        }
        destination[0] = TChar.CreateTruncating('0' + n);
        return 1;
    }

    /// <summary>Length of the dotted-quad text, so callers can check the destination up front.</summary>
    public static int FormattedLength(uint value)
    {
        int len = 3;
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            uint o = (value >> shift) & 0xFF;
            len += o >= 100 ? 3 : o >= 10 ? 2 : 1;
        }
        return len;
    }

    /// <summary>"d.c.b.a.in-addr.arpa".</summary>
    public static int FormatReverse<TChar>(uint value, Span<TChar> destination)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        int pos = 0;
        for (int shift = 0; shift <= 24; shift += 8)
        {
            pos += WriteDecimal((value >> shift) & 0xFF, destination[pos..]);
            destination[pos++] = TChar.CreateTruncating('.');
        }
        pos += AsciiText.Write("in-addr.arpa", destination[pos..]);
        return pos;
    }
}
