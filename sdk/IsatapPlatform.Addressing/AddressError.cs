namespace IsatapPlatform.Addressing;

/// <summary>Why a text, prefix or operation was refused. Each value has a stable machine-readable
/// code (<see cref="AddressErrorExtensions.ToCode"/>) that the REST API returns unchanged.</summary>
public enum AddressError
{
    /// <summary>No error.</summary>
    None = 0,
    /// <summary>The input is empty.</summary>
    Empty,
    /// <summary>A character that cannot appear at this position.</summary>
    UnexpectedCharacter,
    /// <summary>An IPv6 group has more than four hexadecimal digits.</summary>
    GroupTooLong,
    /// <summary>More than eight IPv6 groups, or "::" standing for no group at all.</summary>
    TooManyGroups,
    /// <summary>Fewer than eight IPv6 groups and no "::".</summary>
    TooFewGroups,
    /// <summary>"::" appears more than once.</summary>
    MultipleCompressions,
    /// <summary>A single ':' at the start or end of an IPv6 address.</summary>
    MisplacedColon,
    /// <summary>An embedded dotted quad that is not the last 32 bits of the IPv6 address.</summary>
    MisplacedIPv4,
    /// <summary>An IPv4 octet above 255.</summary>
    OctetOutOfRange,
    /// <summary>An IPv4 octet with a leading zero, which some parsers read as octal.</summary>
    OctetLeadingZero,
    /// <summary>An IPv4 address with fewer or more than four octets.</summary>
    WrongOctetCount,
    /// <summary>A '%' with no zone after it.</summary>
    EmptyZone,
    /// <summary>A zone id with characters other than letters, digits, '-', '_' and '.'.</summary>
    InvalidZone,
    /// <summary>A zone id where none is allowed (prefixes, embedded results).</summary>
    ZoneNotAllowed,
    /// <summary>An address of the other family (IPv4 where IPv6 is expected, or the reverse).</summary>
    WrongFamily,
    /// <summary>A prefix without "/length".</summary>
    MissingPrefixLength,
    /// <summary>A prefix length that is not a decimal number in range for the family.</summary>
    InvalidPrefixLength,
    /// <summary>Bits are set past the prefix length.</summary>
    HostBitsSet,
    /// <summary>A NAT64 prefix length other than 32, 40, 48, 56, 64 or 96 (RFC 6052 §2.2).</summary>
    Nat64PrefixLength,
    /// <summary>Bits 64-71 (the RFC 6052 "u" octet) are not zero.</summary>
    Nat64UOctet,
    /// <summary>The address is not inside the NAT64 prefix it is extracted with.</summary>
    NotInPrefix,
    /// <summary>RFC 6052 §3.1: the well-known prefix 64:ff9b::/96 must not carry a non-global IPv4.</summary>
    WellKnownPrefixNonGlobal,
    /// <summary>The operation needs a globally reachable IPv4 (6to4 per RFC 3056 §2, DirectAccess).</summary>
    NonGlobalIPv4,
    /// <summary>The prefix has the wrong length for the operation (ISATAP needs a /64).</summary>
    WrongPrefixLength,
    /// <summary>The value is the invalid default of its type.</summary>
    InvalidValue,
    /// <summary>No RFC 7050 well-known IPv4 (192.0.0.170/171) was found in the answers.</summary>
    NoWellKnownAddress,
}

/// <summary>Stable codes and messages for <see cref="AddressError"/>.</summary>
public static class AddressErrorExtensions
{
    /// <summary>The stable machine-readable code, for example <c>address.invalid</c> or <c>nat64.u-octet</c>.
    /// Syntax errors share <c>address.invalid</c> or <c>prefix.invalid</c>; the message tells them apart.</summary>
    public static string ToCode(this AddressError error) => error switch
    {
        AddressError.None => "none",
        AddressError.WrongFamily => "address.wrong-family",
        AddressError.MissingPrefixLength or AddressError.InvalidPrefixLength or AddressError.ZoneNotAllowed => "prefix.invalid",
        AddressError.HostBitsSet => "prefix.host-bits",
        AddressError.WrongPrefixLength => "prefix.length",
        AddressError.Nat64PrefixLength => "nat64.prefix-length",
        AddressError.Nat64UOctet => "nat64.u-octet",
        AddressError.NotInPrefix => "nat64.not-in-prefix",
        AddressError.WellKnownPrefixNonGlobal => "nat64.wkp-non-global",
        AddressError.NoWellKnownAddress => "nat64.discovery-failed",
        AddressError.NonGlobalIPv4 => "ipv4.non-global",
        _ => "address.invalid",
    };

    /// <summary>A one-sentence English description of the error (no allocation: the strings are constants).</summary>
    public static string ToMessage(this AddressError error) => error switch
    {
        AddressError.None => "no error",
        AddressError.Empty => "the address is empty",
        AddressError.UnexpectedCharacter => "unexpected character",
        AddressError.GroupTooLong => "an IPv6 group has more than four hexadecimal digits",
        AddressError.TooManyGroups => "an IPv6 address has at most eight groups, and '::' must stand for at least one",
        AddressError.TooFewGroups => "an IPv6 address without '::' needs eight groups",
        AddressError.MultipleCompressions => "'::' may appear only once",
        AddressError.MisplacedColon => "a single ':' cannot start or end an IPv6 address",
        AddressError.MisplacedIPv4 => "an embedded dotted quad must be the last 32 bits of the address",
        AddressError.OctetOutOfRange => "an IPv4 octet must be between 0 and 255",
        AddressError.OctetLeadingZero => "an IPv4 octet must not have a leading zero (it is ambiguous with octal)",
        AddressError.WrongOctetCount => "an IPv4 address has exactly four octets",
        AddressError.EmptyZone => "a zone id must follow '%'",
        AddressError.InvalidZone => "a zone id may contain only letters, digits, '-', '_' and '.'",
        AddressError.ZoneNotAllowed => "a zone id is not allowed here",
        AddressError.WrongFamily => "the address is of the wrong family",
        AddressError.MissingPrefixLength => "a prefix needs '/length'",
        AddressError.InvalidPrefixLength => "the prefix length must be a decimal number within the address size",
        AddressError.HostBitsSet => "bits are set past the prefix length",
        AddressError.Nat64PrefixLength => "prefix length must be one of 32,40,48,56,64,96",
        AddressError.Nat64UOctet => "bits 64-71 (u octet) must be zero",
        AddressError.NotInPrefix => "the address is not inside the prefix",
        AddressError.WellKnownPrefixNonGlobal => "WKP must not carry non-global IPv4",
        AddressError.NonGlobalIPv4 => "the IPv4 address is not globally reachable",
        AddressError.WrongPrefixLength => "the prefix has the wrong length for this operation",
        AddressError.InvalidValue => "the value is the invalid default of its type",
        AddressError.NoWellKnownAddress => "no answer embeds 192.0.0.170 or 192.0.0.171",
        _ => "invalid input",
    };
}
