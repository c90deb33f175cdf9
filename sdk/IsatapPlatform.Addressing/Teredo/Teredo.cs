namespace IsatapPlatform.Addressing;

/// <summary>The fields of a Teredo address (RFC 4380 §4; flags per RFC 5991 §3.1).</summary>
/// <param name="Server">The Teredo server's IPv4 address (bits 32-63, plain).</param>
/// <param name="Flags">The 16 flag bits. RFC 5991 makes most of them random, so any value is valid.</param>
/// <param name="Port">The client's external (mapped) UDP port, stored inverted.</param>
/// <param name="Client">The client's external (mapped) IPv4 address, stored inverted.</param>
public readonly record struct TeredoAddress(IPv4Address Server, ushort Flags, ushort Port, IPv4Address Client)
{
    /// <summary>The cone bit (0x8000): the client believed it was behind a cone NAT.</summary>
    public bool Cone => (Flags & 0x8000) != 0;

    /// <summary>The RFC 5991 U bit (0x0200), universal/local.</summary>
    public bool UniversalLocal => (Flags & 0x0200) != 0;
}

/// <summary>Teredo (RFC 4380): IPv6 over UDP/IPv4 through NATs, under 2001::/32. Windows XP-era
/// clients used 3ffe:831f::/32, which is still recognised when decoding.</summary>
public static class Teredo
{
    /// <summary>2001::/32 (RFC 4380 §2.6).</summary>
    public static IPv6Prefix Prefix { get; } = IPv6Prefix.FromBits(0x2001_0000UL << 32, 0, 32);

    /// <summary>3ffe:831f::/32, the pre-RFC prefix of early Windows clients.</summary>
    public static IPv6Prefix LegacyPrefix { get; } = IPv6Prefix.FromBits(0x3FFE_831FUL << 32, 0, 32);

    /// <summary>Encodes under 2001::/32. Throws for invalid defaults.</summary>
    public static IPv6Address Encode(TeredoAddress fields)
    {
        ulong hi = (0x2001_0000UL << 32) | fields.Server.Value;
        ulong lo = ((ulong)fields.Flags << 48) | ((ulong)(ushort)~fields.Port << 32) | ~fields.Client.Value;
        return IPv6Address.FromUInt64(hi, lo);
    }

    /// <summary>Decodes an address under 2001::/32 or 3ffe:831f::/32. Every field combination is
    /// accepted: real Windows addresses carry random RFC 5991 flags and private "mapped" addresses.</summary>
    public static bool TryDecode(IPv6Address address, out TeredoAddress fields)
    {
        fields = default;
        if (!address.IsValid) return false;
        ulong top = address.High >> 32;
        if (top != 0x2001_0000UL && top != 0x3FFE_831FUL) return false;
        ulong lo = address.Low;
        fields = new TeredoAddress(
            IPv4Address.FromUInt32((uint)address.High),
            (ushort)(lo >> 48),
            (ushort)~(ushort)(lo >> 32),
            IPv4Address.FromUInt32(~(uint)lo));
        return true;
    }

    /// <summary>True when the address is under the legacy 3ffe:831f::/32 prefix.</summary>
    public static bool IsLegacy(IPv6Address address) => address.IsValid && (address.High >> 32) == 0x3FFE_831FUL;
}
