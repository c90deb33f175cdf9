using System.Runtime.CompilerServices;

namespace IsatapPlatform.Addressing;

/// <summary>IPv4 or IPv6.</summary>
public enum IPFamily
{
    /// <summary>IPv4.</summary>
    IPv4 = 4,
    /// <summary>IPv6.</summary>
    IPv6 = 6,
}

/// <summary>Why an IPv4 address sits inside an IPv6 address. <see cref="EmbeddedIPv4RoleNames"/> gives the stable names.</summary>
public enum EmbeddedIPv4Role
{
    /// <summary>The ISATAP node's IPv4 in the interface identifier ("isatap").</summary>
    Isatap,
    /// <summary>The 6to4 site's IPv4 in bits 16-47 ("6to4").</summary>
    SixToFour,
    /// <summary>The Teredo server ("teredo-server").</summary>
    TeredoServer,
    /// <summary>The Teredo client's mapped address ("teredo-client").</summary>
    TeredoClient,
    /// <summary>An RFC 6052 embedded IPv4 ("nat64").</summary>
    Nat64,
    /// <summary>The IPv4 of ::ffff:a.b.c.d ("ipv4-mapped").</summary>
    IPv4Mapped,
}

/// <summary>Stable names for <see cref="EmbeddedIPv4Role"/>.</summary>
public static class EmbeddedIPv4RoleNames
{
    /// <summary>"isatap", "6to4", "teredo-server", "teredo-client", "nat64" or "ipv4-mapped".</summary>
    public static string GetName(this EmbeddedIPv4Role role) => role switch
    {
        EmbeddedIPv4Role.Isatap => "isatap",
        EmbeddedIPv4Role.SixToFour => "6to4",
        EmbeddedIPv4Role.TeredoServer => "teredo-server",
        EmbeddedIPv4Role.TeredoClient => "teredo-client",
        EmbeddedIPv4Role.Nat64 => "nat64",
        EmbeddedIPv4Role.IPv4Mapped => "ipv4-mapped",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

/// <summary>One IPv4 address found inside an IPv6 address.</summary>
/// <param name="Role">Why it is there.</param>
/// <param name="IPv4">The address.</param>
public readonly record struct EmbeddedIPv4(EmbeddedIPv4Role Role, IPv4Address IPv4);

/// <summary>An RFC 6052 decoding.</summary>
/// <param name="Prefix">The NAT64 prefix that matched.</param>
/// <param name="IPv4">The embedded IPv4.</param>
public readonly record struct Nat64Info(Nat64Prefix Prefix, IPv4Address IPv4);

/// <summary>The result of <see cref="AddressInspector"/>: a value type, so inspecting allocates nothing.</summary>
public readonly struct AddressInspection
{
    // Only the address, its kinds and the length of the network-specific NAT64 prefix that matched
    // (if any) are stored; the decoded fields (Teredo, Isatap, SixToFour, Nat64, MappedIPv4) are
    // computed on access, as the kinds say which exist and decoding is a few shifts. That makes the
    // value four fields and 32 bytes, which the JIT keeps in registers, instead of 160 bytes of
    // eagerly decoded optional fields that most callers never read.
    private readonly ulong _hi;     // the IPv6 address, or the IPv4 address in the low 32 bits
    private readonly ulong _lo;
    private readonly string? _zone; // the IPv6 zone
    // Bits 0-21: the kinds. Bits 22-23: the family (0 for default(AddressInspection), 1 IPv4,
    // 2 IPv6). Bits 24-31: the length of the network-specific NAT64 prefix that matched, or 0; the
    // prefix itself is that many leading bits of the address, as a NAT64 prefix has no host bits.
    private readonly uint _bits;

    private const int FamilyShift = 22;
    private const int Nat64LengthShift = 24;
    private const uint KindsMask = (1u << FamilyShift) - 1;
    private const uint IPv4Tag = 1u << FamilyShift;
    private const uint IPv6Tag = 2u << FamilyShift;

    internal AddressInspection(ulong hi, ulong lo, string? zone, AddressKinds kinds)
    {
        _hi = hi;
        _lo = lo;
        _zone = zone;
        _bits = IPv6Tag | (uint)kinds;
    }

    internal AddressInspection(ulong hi, ulong lo, string? zone, AddressKinds kinds, Nat64Prefix networkSpecificNat64)
    {
        _hi = hi;
        _lo = lo;
        _zone = zone;
        _bits = IPv6Tag | (uint)kinds | ((uint)networkSpecificNat64.Length << Nat64LengthShift);
    }

    internal AddressInspection(IPv4Address v4, AddressKinds kinds)
    {
        _lo = v4.Value;
        _bits = IPv4Tag | (uint)kinds;
    }

    /// <summary>Which family the inspected address belongs to.</summary>
    public IPFamily Family => (_bits & (IPv4Tag | IPv6Tag)) switch
    {
        IPv6Tag => IPFamily.IPv6,
        IPv4Tag => IPFamily.IPv4,
        _ => default,
    };

    /// <summary>The inspected IPv6 address (when <see cref="Family"/> is IPv6).</summary>
    public IPv6Address IPv6 => (_bits & IPv6Tag) != 0 ? IPv6Address.Create(_hi, _lo, _zone) : default;

    /// <summary>The inspected IPv4 address (when <see cref="Family"/> is IPv4).</summary>
    public IPv4Address IPv4 => (_bits & IPv4Tag) != 0 ? IPv4Address.FromUInt32((uint)_lo) : default;

    /// <summary>Every kind that applies.</summary>
    public AddressKinds Kinds => (AddressKinds)(_bits & KindsMask);

    // The getters decode from the two halves directly, exactly as Teredo.TryDecode, Isatap.TryDecode
    // and SixToFour.TryDecode do (a property test holds them to it): going through an IPv6Address
    // would put a temporary with a string field in the caller's frame, which the caller must zero.

    /// <summary>The Teredo fields, when the address is Teredo.</summary>
    public TeredoAddress? Teredo
        => Has(AddressKinds.Teredo)
            ? new TeredoAddress(IPv4Address.FromUInt32((uint)_hi), (ushort)(_lo >> 48), (ushort)~(ushort)(_lo >> 32), IPv4Address.FromUInt32(~(uint)_lo))
            : null;

    /// <summary>The ISATAP fields, when the interface identifier is ISATAP.</summary>
    public IsatapInfo? Isatap
        => Has(AddressKinds.Isatap)
            ? new IsatapInfo(IPv4Address.FromUInt32((uint)_lo), Universal: (_lo & (0x0200UL << 48)) != 0, Group: (_lo & (0x0100UL << 48)) != 0)
            : null;

    /// <summary>The 6to4 fields, when the address is in 2002::/16.</summary>
    public SixToFourInfo? SixToFour
        => Has(AddressKinds.SixToFour)
            ? new SixToFourInfo(IPv4Address.FromUInt32((uint)(_hi >> 16)), WindowsHostForm: _lo == (uint)(_hi >> 16) && (_hi & 0xFFFF) == 0)
            : null;

    /// <summary>The RFC 6052 decoding, when the address is in a known NAT64 prefix.</summary>
    public Nat64Info? Nat64
        => Has(AddressKinds.Nat64WellKnown) ? new Nat64Info(Nat64Prefix.WellKnown, IPv4Address.FromUInt32((uint)_lo))
        : Has(AddressKinds.Nat64NetworkSpecific) ? DecodeNetworkSpecificNat64()
        : null;

    /// <summary>The IPv4 of an IPv4-mapped address.</summary>
    public IPv4Address? MappedIPv4
        => Has(AddressKinds.IPv4Mapped) ? IPv4Address.FromUInt32((uint)_lo) : null;

    // The decoded fields exist only for IPv6 addresses, and an IPv4 inspection never has these kinds.
    private bool Has(AddressKinds kind) => (_bits & (uint)kind) != 0;

    // Rare, so kept out of line (see above).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Nat64Info? DecodeNetworkSpecificNat64()
    {
        var address = IPv6Address.FromUInt64(_hi, _lo);
        IPv6Prefix.TryCreate(address, (int)(_bits >> Nat64LengthShift), PrefixParseMode.Normalize, out var bits, out _);
        var prefix = Nat64Prefix.Create(bits);
        return prefix.TryExtract(address, out var v4, out _) ? new Nat64Info(prefix, v4) : null;
    }

    /// <summary>True when <paramref name="kind"/> applies.</summary>
    public bool Is(AddressKinds kind) => (Kinds & kind) == kind && kind != AddressKinds.None;

    /// <summary>Every embedded IPv4 with its role, without allocating.</summary>
    public EmbeddedIPv4Enumerator EmbeddedIPv4 => new(this);

    /// <summary>Enumerates the embedded IPv4 addresses of an inspection.</summary>
    public struct EmbeddedIPv4Enumerator
    {
        private readonly AddressInspection _inspection;
        private int _state;

        internal EmbeddedIPv4Enumerator(AddressInspection inspection)
        {
            _inspection = inspection;
            _state = -1;
            Current = default;
        }

        /// <summary>The current item.</summary>
        public EmbeddedIPv4 Current { get; private set; }

        /// <summary>Returns this enumerator (for foreach).</summary>
        public readonly EmbeddedIPv4Enumerator GetEnumerator() => this;

        /// <summary>Moves to the next embedded address.</summary>
        public bool MoveNext()
        {
            while (++_state < 6)
            {
                switch (_state)
                {
                    case 0 when _inspection.MappedIPv4 is { } m: Current = new(EmbeddedIPv4Role.IPv4Mapped, m); return true;
                    case 1 when _inspection.SixToFour is { } s: Current = new(EmbeddedIPv4Role.SixToFour, s.IPv4); return true;
                    case 2 when _inspection.Teredo is { } t: Current = new(EmbeddedIPv4Role.TeredoServer, t.Server); return true;
                    case 3 when _inspection.Teredo is { } t: Current = new(EmbeddedIPv4Role.TeredoClient, t.Client); return true;
                    case 4 when _inspection.Isatap is { } i: Current = new(EmbeddedIPv4Role.Isatap, i.IPv4); return true;
                    case 5 when _inspection.Nat64 is { } n: Current = new(EmbeddedIPv4Role.Nat64, n.IPv4); return true;
                }
            }
            return false;
        }
    }
}
