using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Isatap;

namespace IsatapPlatform.Client;

public partial class IsatapPlatformClient
{
    /// <summary>Builds the ISATAP addresses of a host (RFC 5214 §6.1): <c>POST api/v1/isatap/address</c>,
    /// operation <c>CreateIsatapAddress</c>.</summary>
    /// <param name="isatapPrefix">The ISATAP /64, for example <c>2002:836b:1:8000::/64</c>
    /// (<c>(Get-RemoteAccess).InternalIPv6Prefix</c> on a DirectAccess server).</param>
    /// <param name="ipv4">The host's IPv4 address, for example <c>192.168.99.10</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The address under the prefix and the link-local address, each also in mixed notation.</returns>
    /// <exception cref="ArgumentException"><paramref name="isatapPrefix"/> or <paramref name="ipv4"/> is <c>default</c>.</exception>
    /// <exception cref="IsatapPlatformValidationException">The service refused the inputs (for example a prefix that is not a /64).</exception>
    /// <exception cref="IsatapPlatformException">Any other error status, or a response that is not the contract.</exception>
    public virtual Task<IsatapAddresses> CreateIsatapAddressAsync(IPv6Prefix isatapPrefix, IPv4Address ipv4, CancellationToken cancellationToken = default)
    {
        Argument.Valid(isatapPrefix, nameof(isatapPrefix));
        Argument.Valid(ipv4, nameof(ipv4));
        var body = new IsatapAddressRequest(isatapPrefix.ToString(), ipv4.ToString());
        return PostJsonAsync<IsatapAddressRequest, IsatapAddressResponse, IsatapAddresses>("api/v1/isatap/address", body, ToIsatapAddresses, cancellationToken);
    }

    private static IsatapAddresses ToIsatapAddresses(IsatapAddressResponse wire) => new(
        ResponseValues.Ipv6(wire.Address, "address"),
        ResponseValues.Text(wire.Mixed, "mixed"),
        ResponseValues.Ipv6(wire.LinkLocal, "linkLocal"),
        ResponseValues.Text(wire.LinkLocalMixed, "linkLocalMixed"),
        wire.Universal);
}
