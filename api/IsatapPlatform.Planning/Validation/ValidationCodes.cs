namespace IsatapPlatform.Planning.Validation;

/// <summary>Stable codes of <see cref="FieldError"/>. Prefix errors reuse the addressing library's
/// codes (<c>prefix.invalid</c>, <c>prefix.host-bits</c>, <c>prefix.length</c>).</summary>
public static class ValidationCodes
{
    /// <summary>A required field is missing (or the body is empty).</summary>
    public const string Required = "required";
    /// <summary>An enum value that is not part of the contract.</summary>
    public const string EnumInvalid = "enum.invalid";
    /// <summary>A string longer than its field allows.</summary>
    public const string TooLong = "value.too-long";
    /// <summary>Not a single RFC 1123 DNS label (router.name).</summary>
    public const string DnsLabelInvalid = "dns-label.invalid";
    /// <summary>Not an RFC 1123 FQDN (dnsZone, directAccessClient), or the router FQDN is too long.</summary>
    public const string FqdnInvalid = "fqdn.invalid";
    /// <summary>Not a computer name: a NetBIOS-style name of up to 15 characters, or an FQDN whose first label is one.</summary>
    public const string ComputerNameInvalid = "computer-name.invalid";
    /// <summary>dnsServer is neither a host name/FQDN nor an IPv4 literal.</summary>
    public const string DnsServerInvalid = "dns-server.invalid";
    /// <summary>Not a dotted-quad IPv4 address.</summary>
    public const string Ipv4Invalid = "ipv4.invalid";
    /// <summary>An IPv4 address that cannot be a host's interface address (unspecified, loopback, multicast, broadcast).</summary>
    public const string Ipv4NotUnicast = "ipv4.not-unicast";
    /// <summary>The ISATAP prefix is not a routable unicast prefix (link-local, multicast, unspecified).</summary>
    public const string PrefixNotRoutable = "prefix.not-routable";
    /// <summary>A group name outside the documented safe character set.</summary>
    public const string GroupNameInvalid = "group-name.invalid";
    /// <summary>A GPO name outside the documented safe character set.</summary>
    public const string GpoNameInvalid = "gpo-name.invalid";
    /// <summary>An LDAP distinguished name outside the documented safe subset.</summary>
    public const string DistinguishedNameInvalid = "dn.invalid";
    /// <summary>The router name is the global name <c>isatap</c>.</summary>
    public const string RouterGlobalName = "router.global-name";
    /// <summary>The same server, address or target appears twice.</summary>
    public const string Duplicate = "duplicate";
    /// <summary>Too few items for the topology or mode.</summary>
    public const string TooFew = "count.too-few";
    /// <summary>Too many items for the topology, or above the plan limit.</summary>
    public const string TooMany = "count.too-many";

    /// <summary>The codes of the addressing library that prefix errors carry.</summary>
    public static IReadOnlyList<string> FromAddressing { get; } = ["prefix.invalid", "prefix.host-bits", "prefix.length"];
}
