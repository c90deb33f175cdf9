namespace IsatapPlatform.Addressing;

/// <summary>What a prefix parser does with bits set past the prefix length.</summary>
public enum PrefixParseMode
{
    /// <summary>Refuse them (<see cref="AddressError.HostBitsSet"/>): "2001:db8::1/64" is a typo or a
    /// host address, not a network, and silently clearing bits hides the mistake.</summary>
    Strict = 0,
    /// <summary>Clear them. An explicit opt-in for callers who know they pasted a host address.</summary>
    Normalize = 1,
}
