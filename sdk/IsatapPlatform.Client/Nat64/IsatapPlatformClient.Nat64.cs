using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Nat64;

namespace IsatapPlatform.Client;

public partial class IsatapPlatformClient
{
    /// <summary>Derives the IPv4-embedded IPv6 address of <paramref name="ipv4"/> under <paramref name="prefix"/>
    /// (RFC 6052 §2.2): <c>POST api/v1/nat64/derive</c>, operation <c>DeriveNat64</c> (also served as
    /// <c>GET api/v1/nat64/derive</c>, <c>DeriveNat64FromQuery</c>).</summary>
    /// <param name="prefix">The NAT64 prefix, for example <c>fd03:b402:e10c:7777::/96</c>. A <see cref="Nat64Prefix"/>
    /// already has an RFC 6052 length, a zero u octet and no host bits.</param>
    /// <param name="ipv4">The IPv4 address to embed, for example <c>172.16.1.225</c>.</param>
    /// <param name="policy">What to do when RFC 6052 §3.1 forbids the result (the well-known prefix with a non-global
    /// IPv4): <see cref="DerivePolicy.Strict"/> refuses with 422 <c>nat64.wkp-non-global</c>,
    /// <see cref="DerivePolicy.Permissive"/> answers with a warning.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The derived address, its mixed text and reverse name, and any warnings.</returns>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> or <paramref name="ipv4"/> is <c>default</c>,
    /// or <paramref name="policy"/> is not a defined value.</exception>
    /// <exception cref="IsatapPlatformValidationException">The service refused the derivation (for example code
    /// <c>nat64.wkp-non-global</c> under the strict policy).</exception>
    /// <exception cref="IsatapPlatformException">Any other error status, or a response that is not the contract.</exception>
    public virtual Task<Nat64Derivation> DeriveNat64Async(Nat64Prefix prefix, IPv4Address ipv4, DerivePolicy policy = DerivePolicy.Strict,
        CancellationToken cancellationToken = default)
    {
        Argument.Valid(prefix, nameof(prefix));
        Argument.Valid(ipv4, nameof(ipv4));
        Argument.Defined(policy, nameof(policy));
        var body = new DeriveRequest(prefix.ToString(), ipv4.ToString(), policy);
        return PostJsonAsync<DeriveRequest, DeriveResponse, Nat64Derivation>("api/v1/nat64/derive", body, ToDerivation, cancellationToken);
    }

    /// <summary>Recovers the IPv4 address embedded in <paramref name="ipv6"/> (RFC 6052 §2.3):
    /// <c>POST api/v1/nat64/extract</c>, operation <c>ExtractNat64</c>.</summary>
    /// <param name="ipv6">The IPv4-embedded IPv6 address, for example <c>fd03:b402:e10c:7777::ac10:1e1</c>.</param>
    /// <param name="prefix">The NAT64 prefix the address was built with; null to let the service try the well-known
    /// prefix 64:ff9b::/96 and then the local-use prefix 64:ff9b:1::/48.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The IPv4 address and the prefix it was extracted with.</returns>
    /// <exception cref="ArgumentException"><paramref name="ipv6"/> is <c>default</c>, or <paramref name="prefix"/> is
    /// <c>default(Nat64Prefix)</c> rather than null.</exception>
    /// <exception cref="IsatapPlatformValidationException">The address is not under the prefix (or under neither
    /// default prefix).</exception>
    /// <exception cref="IsatapPlatformException">Any other error status, or a response that is not the contract.</exception>
    public virtual Task<Nat64Extraction> ExtractNat64Async(IPv6Address ipv6, Nat64Prefix? prefix = null, CancellationToken cancellationToken = default)
    {
        Argument.Valid(ipv6, nameof(ipv6));
        Argument.ValidOrNull(prefix, nameof(prefix));
        var body = new ExtractRequest(ipv6.ToString(), prefix?.ToString());
        return PostJsonAsync<ExtractRequest, ExtractResponse, Nat64Extraction>("api/v1/nat64/extract", body, ToExtraction, cancellationToken);
    }

    /// <summary>Discovers the NAT64 prefix (RFC 7050) from the AAAA answers a DNS64 resolver gave for
    /// <c>ipv4only.arpa</c>: <c>POST api/v1/nat64/discover</c>, operation <c>DiscoverNat64Prefix</c>.</summary>
    /// <param name="addresses">The AAAA answers, for example <c>64:ff9b::c000:aa</c> (at least one; the service accepts
    /// up to 1,000).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The first prefix found and every distinct prefix, in answer order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="addresses"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="addresses"/> is empty or holds a <c>default</c> address.</exception>
    /// <exception cref="IsatapPlatformValidationException">No answer holds one of the RFC 7050 well-known IPv4
    /// addresses, or there are too many answers.</exception>
    /// <exception cref="IsatapPlatformException">Any other error status, or a response that is not the contract.</exception>
    public virtual Task<Nat64PrefixDiscovery> DiscoverNat64PrefixAsync(IEnumerable<IPv6Address> addresses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var texts = new List<string?>();
        foreach (var address in addresses)
        {
            if (!address.IsValid)
                throw new ArgumentException($"addresses[{texts.Count}] is default(IPv6Address), which is never a valid address.", nameof(addresses));
            texts.Add(address.ToString());
        }
        if (texts.Count == 0) throw new ArgumentException("Give at least one AAAA answer for ipv4only.arpa.", nameof(addresses));
        return PostJsonAsync<DiscoverRequest, DiscoverResponse, Nat64PrefixDiscovery>("api/v1/nat64/discover", new DiscoverRequest(texts), ToDiscovery, cancellationToken);
    }

    private static Nat64Derivation ToDerivation(DeriveResponse wire) => new(
        ResponseValues.Nat64Prefix(wire.Prefix, "prefix"),
        ResponseValues.Ipv4(wire.Ipv4, "ipv4"),
        ResponseValues.Ipv6(wire.Ipv6, "ipv6"),
        ResponseValues.Text(wire.Ipv6Mixed, "ipv6Mixed"),
        ResponseValues.Text(wire.ReverseName, "reverseName"),
        ResponseValues.List(wire.Warnings));

    private static Nat64Extraction ToExtraction(ExtractResponse wire) => new(
        ResponseValues.Ipv4(wire.Ipv4, "ipv4"),
        ResponseValues.Nat64Prefix(wire.Prefix, "prefix"),
        ResponseValues.List(wire.Warnings));

    private static Nat64PrefixDiscovery ToDiscovery(DiscoverResponse wire)
    {
        var prefixes = ResponseValues.Required(wire.Prefixes, "prefixes");
        var parsed = new Nat64Prefix[prefixes.Count];
        for (int i = 0; i < parsed.Length; i++) parsed[i] = ResponseValues.Nat64Prefix(prefixes[i], $"prefixes[{i}]");
        return new Nat64PrefixDiscovery(ResponseValues.Nat64Prefix(wire.Prefix, "prefix"), parsed);
    }
}
