namespace IsatapPlatform.Addressing;

/// <summary>Whether an IPv4 address is globally reachable, from the IANA IPv4 Special-Purpose Address
/// Registry (RFC 6890, https://www.iana.org/assignments/iana-ipv4-special-registry). This is the one
/// place the data lives; update <see cref="TranscribedOn"/> with it.</summary>
/// <remarks>Most specific entry wins (192.0.0.9/32 is globally reachable inside the non-global
/// 192.0.0.0/24). 192.88.99.0/24 (deprecated 6to4 relay anycast, RFC 7526) is "N/A" in the registry
/// and is treated as global, as Python's ipaddress does. Multicast (224.0.0.0/4) is not in the
/// registry; <see cref="IsGlobalUnicast(IPv4Address)"/> also refuses it because every caller here needs a unicast
/// host address.</remarks>
public static class IPv4SpecialRegistry
{
    /// <summary>When the entries below were transcribed from the IANA registry.</summary>
    public const string TranscribedOn = "2026-11-26";

    /// <summary>One registry row.</summary>
    /// <param name="Prefix">The address block.</param>
    /// <param name="Name">The registry's name for it.</param>
    /// <param name="Rfc">The defining RFC.</param>
    /// <param name="GloballyReachable">The registry's "Globally Reachable" column; null for N/A.</param>
    public readonly record struct Entry(IPv4Prefix Prefix, string Name, string Rfc, bool? GloballyReachable);

    private static Entry E(uint a, int len, string name, string rfc, bool? global)
        => new(IPv4Prefix.Create(IPv4Address.FromUInt32(a), len), name, rfc, global);

    private static readonly Entry[] s_entries =
    [
        E(0x00000000, 32, "This host on this network", "RFC 1122", false),
        E(0x00000000, 8, "This network", "RFC 791", false),
        E(0x0A000000, 8, "Private-Use", "RFC 1918", false),
        E(0x64400000, 10, "Shared Address Space", "RFC 6598", false),
        E(0x7F000000, 8, "Loopback", "RFC 1122", false),
        E(0xA9FE0000, 16, "Link Local", "RFC 3927", false),
        E(0xAC100000, 12, "Private-Use", "RFC 1918", false),
        E(0xC0000008, 32, "IPv4 dummy address", "RFC 7600", false),
        E(0xC0000009, 32, "Port Control Protocol Anycast", "RFC 7723", true),
        E(0xC000000A, 32, "Traversal Using Relays around NAT Anycast", "RFC 8155", true),
        E(0xC00000AA, 32, "NAT64/DNS64 Discovery", "RFC 7050", false),
        E(0xC00000AB, 32, "NAT64/DNS64 Discovery", "RFC 7050", false),
        E(0xC0000000, 29, "IPv4 Service Continuity Prefix", "RFC 7335", false),
        E(0xC0000000, 24, "IETF Protocol Assignments", "RFC 6890", false),
        E(0xC0000200, 24, "Documentation (TEST-NET-1)", "RFC 5737", false),
        E(0xC01FC400, 24, "AS112-v4", "RFC 7535", true),
        E(0xC034C100, 24, "AMT", "RFC 7450", true),
        E(0xC0586300, 24, "Deprecated (6to4 Relay Anycast)", "RFC 7526", null),
        E(0xC0A80000, 16, "Private-Use", "RFC 1918", false),
        E(0xC0AF3000, 24, "Direct Delegation AS112 Service", "RFC 7534", true),
        E(0xC6120000, 15, "Benchmarking", "RFC 2544", false),
        E(0xC6336400, 24, "Documentation (TEST-NET-2)", "RFC 5737", false),
        E(0xCB007100, 24, "Documentation (TEST-NET-3)", "RFC 5737", false),
        E(0xFFFFFFFF, 32, "Limited Broadcast", "RFC 919", false),
        E(0xF0000000, 4, "Reserved", "RFC 1112", false),
    ];

    /// <summary>The registry rows, most specific first within overlapping blocks.</summary>
    public static IReadOnlyList<Entry> Entries { get; } = Array.AsReadOnly(s_entries);

    /// <summary>The most specific registry row containing <paramref name="address"/>, if any.</summary>
    public static bool TryFind(IPv4Address address, out Entry entry)
    {
        int i = address.IsValid ? IndexOf(address.Value) : -1;
        entry = i >= 0 ? s_entries[i] : default;
        return i >= 0;
    }

    // Network and mask per row, in the same order, so the hot path compares two uints per row.
    private static readonly (uint Network, uint Mask)[] s_blocks =
        Array.ConvertAll(s_entries, e => (e.Prefix.Address.Value, Bits.Mask32(e.Prefix.Length)));

    // The list is short and ordered most-specific-first per block; a linear scan beats a trie here
    // and never allocates.
    private static int IndexOf(uint v)
    {
        var blocks = s_blocks;
        for (int i = 0; i < blocks.Length; i++)
            if ((v & blocks[i].Mask) == blocks[i].Network) return i;
        return -1;
    }

    /// <summary>True unless the registry marks the address not globally reachable, or it is multicast.</summary>
    public static bool IsGlobalUnicast(IPv4Address address) => address.IsValid && IsGlobalUnicast(address.Value);

    /// <summary>True when every address of <paramref name="block"/> is global unicast: the block
    /// overlaps no registry row marked not globally reachable and no multicast space.</summary>
    public static bool IsEntirelyGlobalUnicast(IPv4Prefix block)
    {
        if (!block.IsValid) return false;
        uint network = block.Address.Value, mask = Bits.Mask32(block.Length);
        // Two blocks overlap when the shorter one contains the network address of the longer one.
        if (Overlaps(network, mask, 0xE000_0000, 0xF000_0000)) return false;
        for (int i = 0; i < s_blocks.Length; i++)
        {
            if (s_entries[i].GloballyReachable == false && Overlaps(network, mask, s_blocks[i].Network, s_blocks[i].Mask))
                return false;
        }
        return true;
    }

    private static bool Overlaps(uint networkA, uint maskA, uint networkB, uint maskB)
    {
        uint shorter = maskA & maskB;
        return (networkA & shorter) == (networkB & shorter);
    }

    internal static bool IsGlobalUnicast(uint v)
    {
        if ((v >> 28) == 0xE) return false;
        int i = IndexOf(v);
        return i < 0 || s_entries[i].GloballyReachable != false;
    }
}
