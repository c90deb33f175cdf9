using System.ComponentModel.DataAnnotations;

namespace IsatapPlatform.Contracts.DirectAccess;

/// <summary>Derive the prefixes a DirectAccess server uses when the intranet has no native IPv6.</summary>
/// <param name="PublicIpv4">The server's first public IPv4 address, for example <c>131.107.0.1</c>.</param>
public sealed record DirectAccessPrefixesRequest([property: Required] string? PublicIpv4);

/// <summary>The DirectAccess prefixes (Microsoft, "Manage DirectAccess Clients Remotely", step 1).</summary>
/// <param name="SixToFour">The intranet 6to4 /48.</param>
/// <param name="Isatap">The ISATAP /64 (subnet 8000 of the /48).</param>
/// <param name="IpHttps">The IP-HTTPS client /56 (subnet 8100 of the /48).</param>
/// <param name="Teredo">The Teredo client /64, 2001:0:WWXX:YYZZ::/64.</param>
public sealed record DirectAccessPrefixesResponse(string SixToFour, string Isatap, string IpHttps, string Teredo);
