using System.Numerics;

namespace IsatapPlatform.Addressing.Text;

internal static class PrefixLength
{
    /// <summary>A decimal length 0..max without sign or leading zeros.</summary>
    public static bool TryParse<TChar>(ReadOnlySpan<TChar> s, int max, int offset, out int length, out ParseFailure failure)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        length = 0;
        if (s.IsEmpty || s.Length > 3)
        {
            failure = new ParseFailure(AddressError.InvalidPrefixLength, offset);
            return false;
        }
        for (int i = 0; i < s.Length; i++)
        {
            int d = int.CreateTruncating(s[i]) - '0';
            if ((uint)d > 9 || (i == 0 && d == 0 && s.Length > 1))
            {
                failure = new ParseFailure(AddressError.InvalidPrefixLength, offset + i);
                return false;
            }
            length = length * 10 + d;
        }
        if (length > max)
        {
            failure = new ParseFailure(AddressError.InvalidPrefixLength, offset);
            return false;
        }
        failure = default;
        return true;
    }
}
