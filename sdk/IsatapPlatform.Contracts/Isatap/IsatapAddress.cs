using System.ComponentModel.DataAnnotations;

namespace IsatapPlatform.Contracts.Isatap;

/// <summary>Build the ISATAP address of a host (RFC 5214 §6.1).</summary>
/// <param name="Prefix">The ISATAP /64, for example <c>2002:836b:1:8000::/64</c>.</param>
/// <param name="Ipv4">The host's IPv4 address, for example <c>192.168.99.10</c>.</param>
public sealed record IsatapAddressRequest([property: Required] string? Prefix, [property: Required] string? Ipv4);

/// <summary>The host's ISATAP addresses.</summary>
/// <param name="Address">The address under the prefix, RFC 5952 canonical.</param>
/// <param name="Mixed">The same with the IPv4 as a dotted quad, as Windows prints it.</param>
/// <param name="LinkLocal">The link-local ISATAP address (fe80::/64).</param>
/// <param name="LinkLocalMixed">The link-local address with the IPv4 as a dotted quad.</param>
/// <param name="Universal">True when the u bit is set ("200:5efe"): the IPv4 is globally unique.</param>
public sealed record IsatapAddressResponse(string Address, string Mixed, string LinkLocal, string LinkLocalMixed, bool Universal);
