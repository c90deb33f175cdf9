using System.ComponentModel.DataAnnotations;

namespace IsatapPlatform.Contracts.SixToFour;

/// <summary>Derive the 6to4 site prefix of a public IPv4 address (RFC 3056 §2).</summary>
/// <param name="Ipv4">A globally reachable IPv4 address, for example <c>131.107.0.1</c>.</param>
public sealed record SixToFourPrefixRequest([property: Required] string? Ipv4);

/// <summary>The 6to4 site prefix.</summary>
/// <param name="Prefix">2002:WWXX:YYZZ::/48.</param>
public sealed record SixToFourPrefixResponse(string Prefix);
