using IsatapPlatform.Addressing;

namespace IsatapPlatform.Client;

/// <summary>A host's ISATAP addresses (RFC 5214 §6.1): the answer of
/// <see cref="IsatapPlatformClient.CreateIsatapAddressAsync"/>.</summary>
/// <param name="Address">The address under the ISATAP prefix.</param>
/// <param name="Mixed">The same address as text with the IPv4 as a dotted quad, as Windows prints it
/// (for example <c>2002:836b:1:8000::5efe:192.168.99.10</c>).</param>
/// <param name="LinkLocal">The link-local ISATAP address (fe80::/64).</param>
/// <param name="LinkLocalMixed">The link-local address as text with the IPv4 as a dotted quad.</param>
/// <param name="Universal">True when the u bit is set (<c>200:5efe</c>): the IPv4 is globally unique.</param>
public sealed record IsatapAddresses(IPv6Address Address, string Mixed, IPv6Address LinkLocal, string LinkLocalMixed, bool Universal);
