using System.Collections.Generic;

namespace IsatapPlatform.Analyzers.Text;

/// <summary>The RFC facts the rules apply to parsed constants. Copied from IsatapPlatform.Addressing
/// for the same reason as <see cref="AddressText"/>; the tests check <see cref="IsGlobalIPv4"/>
/// against <c>IPv4Address.IsGlobal</c>.</summary>
internal static class AddressFacts
{
    /// <summary>64:ff9b::/96, the NAT64 well-known prefix (RFC 6052 §2.1): high 64 bits.</summary>
    public const ulong WellKnownPrefixHigh = 0x0064_ff9b_0000_0000UL;

    /// <summary>RFC 6052 §2.2 allows only these NAT64 prefix lengths.</summary>
    public static bool IsNat64Length(int length) => length == 32 || length == 40 || length == 48 || length == 56 || length == 64 || length == 96;

    /// <summary>The u octet, bits 64-71 (RFC 6052 §2.2), of an IPv6 value.</summary>
    public static int UOctet(ulong low) => (int)((low >> 56) & 0xFF);

    /// <summary>True for 64:ff9b::/96 itself.</summary>
    public static bool IsWellKnownNat64Prefix(in ParsedText prefix)
        => prefix.Shape == AddressShape.IPv6Prefix && prefix.Length == 96 && prefix.High == WellKnownPrefixHigh && (prefix.Low >> 32) == 0;

    /// <summary>True for an IPv6 address inside 64:ff9b::/96.</summary>
    public static bool IsInWellKnownNat64Prefix(ulong high, ulong low) => high == WellKnownPrefixHigh && (low >> 32) == 0;

    /// <summary>192.0.0.170 and 192.0.0.171, the RFC 7050 addresses of ipv4only.arpa: the SDK's NAT64
    /// policy allows them under the well-known prefix because discovery synthesises exactly those.</summary>
    public static bool IsRfc7050WellKnown(uint v) => v == 0xC00000AA || v == 0xC00000AB;

    // The IANA IPv4 Special-Purpose Address Registry rows, most specific first within overlapping
    // blocks, as transcribed in IsatapPlatform.Addressing (IPv4SpecialRegistry). null = "N/A" (treated as global).
    private static readonly (uint Network, int Length, bool? Global)[] s_registry =
    {
        (0x00000000, 32, false), // This host on this network
        (0x00000000, 8, false),  // This network
        (0x0A000000, 8, false),  // Private-Use
        (0x64400000, 10, false), // Shared Address Space
        (0x7F000000, 8, false),  // Loopback
        (0xA9FE0000, 16, false), // Link Local
        (0xAC100000, 12, false), // Private-Use
        (0xC0000008, 32, false), // IPv4 dummy address
        (0xC0000009, 32, true),  // Port Control Protocol Anycast
        (0xC000000A, 32, true),  // TURN Anycast
        (0xC00000AA, 32, false), // NAT64/DNS64 Discovery
        (0xC00000AB, 32, false), // NAT64/DNS64 Discovery
        (0xC0000000, 29, false), // IPv4 Service Continuity Prefix
        (0xC0000000, 24, false), // IETF Protocol Assignments
        (0xC0000200, 24, false), // Documentation (TEST-NET-1)
        (0xC01FC400, 24, true),  // AS112-v4
        (0xC034C100, 24, true),  // AMT
        (0xC0586300, 24, null),  // Deprecated (6to4 Relay Anycast)
        (0xC0A80000, 16, false), // Private-Use
        (0xC0AF3000, 24, true),  // Direct Delegation AS112 Service
        (0xC6120000, 15, false), // Benchmarking
        (0xC6336400, 24, false), // Documentation (TEST-NET-2)
        (0xCB007100, 24, false), // Documentation (TEST-NET-3)
        (0xFFFFFFFF, 32, false), // Limited Broadcast
        (0xF0000000, 4, false),  // Reserved
    };

    /// <summary>True unless the registry marks the address not globally reachable, or it is multicast
    /// (the same answer as <c>IPv4Address.IsGlobal</c>).</summary>
    public static bool IsGlobalIPv4(uint v)
    {
        if ((v >> 28) == 0xE) return false;
        foreach (var (network, length, global) in s_registry)
        {
            if ((v & AddressText.Mask32(length)) == network) return global != false;
        }
        return true;
    }

    /// <summary>The registry rows, for tests.</summary>
    internal static IReadOnlyList<(uint Network, int Length, bool? Global)> Registry => s_registry;
}
