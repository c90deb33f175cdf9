using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.DirectAccess;

namespace IsatapPlatform.Client;

public partial class IsatapPlatformClient
{
    /// <summary>Derives the 6to4, ISATAP, IP-HTTPS and Teredo prefixes of a DirectAccess server from its first
    /// public IPv4 address: <c>POST api/v1/directaccess/prefixes</c>, operation <c>DeriveDirectAccessPrefixes</c>.</summary>
    /// <param name="publicIpv4">The server's first public IPv4 address, for example <c>131.107.0.1</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The four prefixes, for example 2002:836b:1::/48, 2002:836b:1:8000::/64, 2002:836b:1:8100::/56 and
    /// 2001:0:836b:1::/64.</returns>
    /// <exception cref="ArgumentException"><paramref name="publicIpv4"/> is <c>default</c>.</exception>
    /// <exception cref="IsatapPlatformValidationException">The address is not globally reachable.</exception>
    /// <exception cref="IsatapPlatformException">Any other error status, or a response that is not the contract.</exception>
    public virtual Task<DirectAccessPrefixSet> DeriveDirectAccessPrefixesAsync(IPv4Address publicIpv4, CancellationToken cancellationToken = default)
    {
        Argument.Valid(publicIpv4, nameof(publicIpv4));
        return PostJsonAsync<DirectAccessPrefixesRequest, DirectAccessPrefixesResponse, DirectAccessPrefixSet>("api/v1/directaccess/prefixes",
            new DirectAccessPrefixesRequest(publicIpv4.ToString()), ToPrefixSet, cancellationToken);
    }

    private static DirectAccessPrefixSet ToPrefixSet(DirectAccessPrefixesResponse wire) => new(
        ResponseValues.Ipv6Prefix(wire.SixToFour, "sixToFour"),
        ResponseValues.Ipv6Prefix(wire.Isatap, "isatap"),
        ResponseValues.Ipv6Prefix(wire.IpHttps, "ipHttps"),
        ResponseValues.Ipv6Prefix(wire.Teredo, "teredo"));
}
