namespace IsatapPlatform.Addressing;

/// <summary>The outcome of the RFC 6052 §3.1 check for one (prefix, IPv4) pair.</summary>
public enum Nat64PolicyVerdict
{
    /// <summary>Allowed: a network-specific prefix, or the well-known prefix with a global IPv4.</summary>
    Allowed = 0,
    /// <summary>Allowed: a local-use prefix (RFC 8215 §5 lifts the §3.1 restrictions).</summary>
    AllowedLocalUse,
    /// <summary>Allowed: the well-known prefix with 192.0.0.170/171, which RFC 7050 discovery synthesises.</summary>
    AllowedDiscovery,
    /// <summary>Refused: the well-known prefix must not carry a non-global IPv4 (RFC 6052 §3.1).</summary>
    WellKnownPrefixNonGlobal,
}

/// <summary>RFC 6052 §3.1: translators must drop well-known-prefix addresses that embed non-global
/// IPv4 (RFC 1918 and the other special ranges), so a DirectAccess deployment mapping private
/// intranet space needs a network-specific prefix.</summary>
public static class Nat64Policy
{
    /// <summary>Checks one pair. Throws <see cref="ArgumentException"/> when either value is the invalid
    /// default: a policy verdict about no address would be meaningless.</summary>
    public static Nat64PolicyVerdict Check(Nat64Prefix prefix, IPv4Address ipv4)
    {
        if (!prefix.IsValid) throw new ArgumentException(AddressError.InvalidValue.ToMessage(), nameof(prefix));
        if (!ipv4.IsValid) throw new ArgumentException(AddressError.InvalidValue.ToMessage(), nameof(ipv4));
        if (prefix.IsLocalUse) return Nat64PolicyVerdict.AllowedLocalUse;
        if (!prefix.IsWellKnown || ipv4.IsGlobal) return Nat64PolicyVerdict.Allowed;
        // Whether an RFC states this exception explicitly is unverified (REFERENCE.md §1.2): without it
        // the synthesised ipv4only.arpa answers 64:ff9b::c000:aa/ab would be flagged.
        return ipv4.IsRfc7050WellKnown ? Nat64PolicyVerdict.AllowedDiscovery : Nat64PolicyVerdict.WellKnownPrefixNonGlobal;
    }

    /// <summary>True for every verdict except <see cref="Nat64PolicyVerdict.WellKnownPrefixNonGlobal"/>.</summary>
    public static bool IsAllowed(this Nat64PolicyVerdict verdict) => verdict != Nat64PolicyVerdict.WellKnownPrefixNonGlobal;

    /// <summary>A sentence explaining the verdict.</summary>
    public static string Describe(this Nat64PolicyVerdict verdict) => verdict switch
    {
        Nat64PolicyVerdict.AllowedLocalUse => "local-use prefix; RFC 6052 §3.1 restrictions do not apply",
        Nat64PolicyVerdict.AllowedDiscovery => "RFC 7050 well-known IPv4 under the well-known prefix, as synthesised for ipv4only.arpa",
        Nat64PolicyVerdict.WellKnownPrefixNonGlobal => "WKP must not carry non-global IPv4",
        _ => "allowed",
    };
}
