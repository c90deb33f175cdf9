namespace IsatapPlatform.Addressing;

/// <summary>The IPv6 prefixes a DirectAccess server derives from its first public IPv4 address when
/// the intranet has no native IPv6 (Microsoft, "Manage DirectAccess Clients Remotely", step 1, and
/// the multisite planning guide).</summary>
/// <param name="SixToFour">The intranet 6to4 /48: 2002:WWXX:YYZZ::/48.</param>
/// <param name="Isatap">The ISATAP /64: subnet 8000 of the /48.</param>
/// <param name="IpHttps">The IP-HTTPS client /56: subnet 8100 of the /48.</param>
/// <param name="Teredo">The Teredo client /64: 2001:0:WWXX:YYZZ::/64.</param>
public readonly record struct DirectAccessPrefixes(IPv6Prefix SixToFour, IPv6Prefix Isatap, IPv6Prefix IpHttps, IPv6Prefix Teredo)
{
    /// <summary>Derives the prefixes; a non-global IPv4 is refused (<see cref="AddressError.NonGlobalIPv4"/>):
    /// a DirectAccess server without a public IPv4 uses a ULA prefix instead.</summary>
    public static bool TryDerive(IPv4Address firstPublicIPv4, out DirectAccessPrefixes prefixes, out AddressError error)
    {
        prefixes = default;
        if (!Addressing.SixToFour.TryCreateSitePrefix(firstPublicIPv4, out var site, out error)) return false;
        ulong hi = site.High;
        prefixes = new DirectAccessPrefixes(
            site,
            IPv6Prefix.FromBits(hi | 0x8000, 0, 64),
            IPv6Prefix.FromBits(hi | 0x8100, 0, 56),
            IPv6Prefix.FromBits((0x2001_0000UL << 32) | firstPublicIPv4.Value, 0, 64));
        return true;
    }

    /// <summary>Derives the prefixes or throws <see cref="ArgumentException"/>.</summary>
    public static DirectAccessPrefixes Derive(IPv4Address firstPublicIPv4)
        => TryDerive(firstPublicIPv4, out var p, out var e) ? p : throw new ArgumentException(e.ToMessage(), nameof(firstPublicIPv4));
}
