using IsatapPlatform.Addressing;

namespace IsatapPlatform.Client;

/// <summary>The prefixes a DirectAccess server uses when the intranet has no native IPv6 (Microsoft, "Manage
/// DirectAccess Clients Remotely", step 1): the answer of <see cref="IsatapPlatformClient.DeriveDirectAccessPrefixesAsync"/>.</summary>
/// <param name="SixToFour">The intranet 6to4 /48, 2002:WWXX:YYZZ::/48.</param>
/// <param name="Isatap">The ISATAP /64 (subnet 8000 of the /48).</param>
/// <param name="IpHttps">The IP-HTTPS client /56 (subnet 8100 of the /48).</param>
/// <param name="Teredo">The Teredo client /64, 2001:0:WWXX:YYZZ::/64.</param>
public sealed record DirectAccessPrefixSet(IPv6Prefix SixToFour, IPv6Prefix Isatap, IPv6Prefix IpHttps, IPv6Prefix Teredo)
{
    /// <summary>The same prefixes as the addressing library's value.</summary>
    public DirectAccessPrefixes ToDirectAccessPrefixes() => new(SixToFour, Isatap, IpHttps, Teredo);
}
