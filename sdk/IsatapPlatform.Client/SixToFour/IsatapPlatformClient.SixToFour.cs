using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.SixToFour;

namespace IsatapPlatform.Client;

public partial class IsatapPlatformClient
{
    /// <summary>Derives the 6to4 site prefix 2002:WWXX:YYZZ::/48 of a public IPv4 address (RFC 3056 §2):
    /// <c>POST api/v1/6to4/prefix</c>, operation <c>CreateSixToFourPrefix</c>.</summary>
    /// <param name="ipv4">A globally reachable IPv4 address, for example <c>131.107.0.1</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The /48 site prefix, for example <c>2002:836b:1::/48</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="ipv4"/> is <c>default</c>.</exception>
    /// <exception cref="IsatapPlatformValidationException">The address is not globally reachable (RFC 3056 §9).</exception>
    /// <exception cref="IsatapPlatformException">Any other error status, or a response that is not the contract.</exception>
    public virtual Task<IPv6Prefix> CreateSixToFourPrefixAsync(IPv4Address ipv4, CancellationToken cancellationToken = default)
    {
        Argument.Valid(ipv4, nameof(ipv4));
        return PostJsonAsync<SixToFourPrefixRequest, SixToFourPrefixResponse, IPv6Prefix>("api/v1/6to4/prefix", new SixToFourPrefixRequest(ipv4.ToString()),
            wire => ResponseValues.Ipv6Prefix(wire.Prefix, "prefix"), cancellationToken);
    }
}
