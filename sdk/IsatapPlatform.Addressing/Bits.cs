namespace IsatapPlatform.Addressing;

internal static class Bits
{
    /// <summary>The 128-bit network mask for <paramref name="length"/> leading one bits, as (high, low).</summary>
    public static (ulong Hi, ulong Lo) Mask(int length)
    {
        ulong hi = length >= 64 ? ulong.MaxValue : length <= 0 ? 0 : ulong.MaxValue << (64 - length);
        ulong lo = length <= 64 ? 0 : length >= 128 ? ulong.MaxValue : ulong.MaxValue << (128 - length);
        return (hi, lo);
    }

    public static uint Mask32(int length) => length <= 0 ? 0 : length >= 32 ? uint.MaxValue : uint.MaxValue << (32 - length);
}
