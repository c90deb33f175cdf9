using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Addresses;

namespace IsatapPlatform.Client;

public partial class IsatapPlatformClient
{
    /// <summary>Classifies an IPv6 address and lists every IPv4 address embedded in it, with its role:
    /// <c>GET api/v1/addresses/{address}</c>, operation <c>InspectAddress</c> (also served as
    /// <c>POST api/v1/addresses/inspect</c>, <c>InspectAddressBody</c>).</summary>
    /// <param name="address">The address, for example a Teredo <c>2001:0:4136:e378:8000:63bf:3fff:fdd2</c> or a
    /// link-local ISATAP <c>fe80::5efe:10.0.0.5%12</c> (the zone is kept).</param>
    /// <param name="nat64Prefix">The network-specific NAT64 prefix in use, so that addresses under it are decoded;
    /// null when there is none (the well-known prefix 64:ff9b::/96 is always decoded).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The kinds, embedded IPv4 addresses and decoded fields of the address.</returns>
    /// <exception cref="ArgumentException"><paramref name="address"/> is <c>default</c>, or
    /// <paramref name="nat64Prefix"/> is <c>default(Nat64Prefix)</c> rather than null.</exception>
    /// <exception cref="IsatapPlatformException">An error status, or a response that is not the contract.</exception>
    public virtual Task<InspectedAddress> InspectAddressAsync(IPv6Address address, Nat64Prefix? nat64Prefix = null, CancellationToken cancellationToken = default)
    {
        Argument.Valid(address, nameof(address));
        Argument.ValidOrNull(nat64Prefix, nameof(nat64Prefix));
        // Uri.EscapeDataString escapes the zone's '%' (and the colons), so "fe80::1%12" reaches the route intact.
        string path = "api/v1/addresses/" + Uri.EscapeDataString(address.ToString());
        if (nat64Prefix is { } prefix) path += "?nat64Prefix=" + Uri.EscapeDataString(prefix.ToString());
        return GetJsonAsync<InspectResponse, InspectedAddress>(path, ToInspectedAddress, cancellationToken);
    }

    /// <summary>Classifies an IPv4 address (private, shared address space, documentation, global...):
    /// <c>GET api/v1/addresses/{address}</c>, operation <c>InspectAddress</c>.</summary>
    /// <param name="address">The address, for example <c>192.0.0.170</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The kinds and reverse name of the address.</returns>
    /// <exception cref="ArgumentException"><paramref name="address"/> is <c>default</c>.</exception>
    /// <exception cref="IsatapPlatformException">An error status, or a response that is not the contract.</exception>
    public virtual Task<InspectedAddress> InspectAddressAsync(IPv4Address address, CancellationToken cancellationToken = default)
    {
        Argument.Valid(address, nameof(address));
        return GetJsonAsync<InspectResponse, InspectedAddress>("api/v1/addresses/" + Uri.EscapeDataString(address.ToString()), ToInspectedAddress, cancellationToken);
    }

    private static InspectedAddress ToInspectedAddress(InspectResponse wire)
    {
        var kindNames = ResponseValues.Required(wire.Kinds, "kinds");
        var kinds = AddressKinds.None;
        foreach (string? name in kindNames)
        {
            // A kind this version does not know stays in KindNames only: a newer service may add kinds.
            if (name is not null && s_kindsByName.TryGetValue(name, out var kind)) kinds |= kind;
        }

        if (wire.Family == AddressFamilyName.Ipv4)
        {
            var v4 = ResponseValues.Ipv4(wire.Address, "address");
            return new InspectedAddress(IPFamily.IPv4, v4, null, null, kinds, kindNames, [], null, null, null, null,
                ResponseValues.Text(wire.ReverseName, "reverseName"));
        }

        var v6 = ResponseValues.Ipv6(wire.Address, "address");
        var embedded = new List<EmbeddedIPv4>();
        foreach (var item in ResponseValues.List(wire.EmbeddedIpv4))
        {
            if (item is null) throw new FormatException("'embeddedIpv4' holds null.");
            // As for kinds, a role this version does not know is left out rather than failing the call.
            if (RoleOf(item.Role) is { } role) embedded.Add(new EmbeddedIPv4(role, ResponseValues.Ipv4(item.Ipv4, "embeddedIpv4[].ipv4")));
        }

        TeredoAddress? teredo = wire.Teredo is { } t
            ? new TeredoAddress(ResponseValues.Ipv4(t.Server, "teredo.server"), UInt16(t.Flags, "teredo.flags"), UInt16(t.Port, "teredo.port"),
                ResponseValues.Ipv4(t.Client, "teredo.client"))
            : null;
        IsatapInfo? isatap = wire.Isatap is { } i ? new IsatapInfo(ResponseValues.Ipv4(i.Ipv4, "isatap.ipv4"), i.Universal, i.Group) : null;
        SixToFourInfo? sixToFour = null;
        if (wire.SixToFour is { } s)
        {
            // The contract carries the site's IPv4; whether the address is Windows' host form follows from the address.
            bool hostForm = Addressing.SixToFour.TryDecode(v6, out var decoded) && decoded.WindowsHostForm;
            sixToFour = new SixToFourInfo(ResponseValues.Ipv4(s.Ipv4, "sixToFour.ipv4"), hostForm);
        }
        Nat64Info? nat64 = wire.Nat64 is { } n
            ? new Nat64Info(ResponseValues.Nat64Prefix(n.Prefix, "nat64.prefix"), ResponseValues.Ipv4(n.Ipv4, "nat64.ipv4"))
            : null;

        return new InspectedAddress(IPFamily.IPv6, null, v6, wire.Mixed, kinds, kindNames, embedded, teredo, isatap, sixToFour, nat64,
            ResponseValues.Text(wire.ReverseName, "reverseName"));
    }

    private static readonly Dictionary<string, AddressKinds> s_kindsByName = Enum.GetValues<AddressKinds>()
        .Where(kind => kind != AddressKinds.None)
        .ToDictionary(AddressKindNames.GetName, StringComparer.Ordinal);

    // Enum.GetValues allocates a new array on every call; the roles are fixed, so look them up once.
    private static readonly EmbeddedIPv4Role[] EmbeddedRoles = Enum.GetValues<EmbeddedIPv4Role>();

    private static EmbeddedIPv4Role? RoleOf(string? name)
    {
        foreach (var role in EmbeddedRoles)
            if (string.Equals(role.GetName(), name, StringComparison.Ordinal)) return role;
        return null;
    }

    private static ushort UInt16(int value, string member)
        => value is >= 0 and <= ushort.MaxValue ? (ushort)value : throw new FormatException($"'{member}' is {value}, not a 16-bit value.");
}
