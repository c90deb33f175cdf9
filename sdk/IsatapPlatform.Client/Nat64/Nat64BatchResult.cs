using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts;
using IsatapPlatform.Contracts.Nat64;

namespace IsatapPlatform.Client;

/// <summary>The result for one input address of <see cref="IsatapPlatformClient.DeriveNat64BatchAsync"/> or
/// <see cref="IsatapPlatformClient.DeriveNat64StreamAsync"/>: the derived NAT64 address, or why the service
/// refused this one address. A refused item never fails the batch or the stream.</summary>
/// <remarks>Immutable. Results are yielded in input order, so <see cref="Index"/> counts up from 0 without gaps.</remarks>
public sealed class Nat64BatchResult
{
    /// <summary>Creates a result (the client creates them; public so that tests can build them for a mocked client).</summary>
    /// <param name="index">The zero-based position of the address in the input sequence.</param>
    /// <param name="ipv4">The input address.</param>
    /// <param name="ipv6">The derived address; null when the item was refused.</param>
    /// <param name="error">Why the item was refused; null when it was derived.</param>
    /// <param name="warning">What the caller should know about a derived item (permissive policy); null when nothing.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="ipv4"/> or <paramref name="ipv6"/> is the invalid default,
    /// or not exactly one of <paramref name="ipv6"/> and <paramref name="error"/> is given, or a refused item has a warning.</exception>
    public Nat64BatchResult(long index, IPv4Address ipv4, IPv6Address? ipv6, ItemError? error, ApiWarning? warning = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (!ipv4.IsValid) throw new ArgumentException("The IPv4 address is the invalid default.", nameof(ipv4));
        if (ipv6 is { IsValid: false }) throw new ArgumentException("The IPv6 address is the invalid default.", nameof(ipv6));
        if (ipv6.HasValue == (error is not null))
            throw new ArgumentException("A result has either an IPv6 address (derived) or an error (refused), not both and not neither.", nameof(error));
        if (error is not null && warning is not null)
            throw new ArgumentException("A refused item has an error, not a warning.", nameof(warning));
        Index = index;
        Ipv4 = ipv4;
        Ipv6 = ipv6;
        Error = error;
        Warning = warning;
    }

    /// <summary>The zero-based position of the address in the input sequence (across all requests of a batch).</summary>
    public long Index { get; }

    /// <summary>The input address.</summary>
    public IPv4Address Ipv4 { get; }

    /// <summary>The RFC 6052 IPv4-embedded IPv6 address; null when the item was refused (<see cref="Error"/> says why).</summary>
    public IPv6Address? Ipv6 { get; }

    /// <summary>Why the service refused this item (for example <c>nat64.wkp-non-global</c> under the strict
    /// policy); null when it was derived.</summary>
    public ItemError? Error { get; }

    /// <summary>Set when the item was derived although it violates RFC 6052 §3.1 (permissive policy); null otherwise.</summary>
    public ApiWarning? Warning { get; }

    /// <summary>True when the item was derived (<see cref="Ipv6"/> is set), false when it was refused (<see cref="Error"/> is set).</summary>
    public bool Succeeded => Error is null;

    /// <summary>"[index] ipv4 -&gt; ipv6", or "[index] ipv4: code" for a refused item.</summary>
    public override string ToString()
        => Error is null ? $"[{Index}] {Ipv4} -> {Ipv6}" + (Warning is null ? "" : $" (warning {Warning.Code})") : $"[{Index}] {Ipv4}: {Error.Code}";
}
