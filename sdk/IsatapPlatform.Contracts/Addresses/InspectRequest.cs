using System.ComponentModel.DataAnnotations;

namespace IsatapPlatform.Contracts.Addresses;

/// <summary>The inputs of an inspection, from a JSON body or from the route and query string.</summary>
public interface IInspectInput
{
    /// <summary>The address to inspect.</summary>
    string? Address { get; }

    /// <summary>An optional network-specific NAT64 prefix to decode the address with.</summary>
    string? Nat64Prefix { get; }
}

/// <summary>Inspect an IPv4 or IPv6 address.</summary>
/// <param name="Address">The address, either family, for example <c>2001:0:4136:e378:8000:63bf:3fff:fdd2</c> or <c>fe80::5efe:10.0.0.5%12</c>.</param>
/// <param name="Nat64Prefix">Optional: the network-specific NAT64 prefix in use (for example <c>fd03:b402:e10c:7777::/96</c>), so that
/// addresses under it are decoded. The well-known prefix 64:ff9b::/96 is always decoded.</param>
public sealed record InspectRequest([property: Required] string? Address, string? Nat64Prefix = null) : IInspectInput;
