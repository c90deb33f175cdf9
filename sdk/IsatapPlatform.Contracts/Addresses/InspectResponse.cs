using System.Text.Json.Serialization;

namespace IsatapPlatform.Contracts.Addresses;

/// <summary>The address family.</summary>
public enum AddressFamilyName
{
    /// <summary>IPv4.</summary>
    Ipv4,

    /// <summary>IPv6.</summary>
    Ipv6,
}

/// <summary>One IPv4 address found inside an IPv6 address.</summary>
/// <param name="Role">Why it is there: <c>isatap</c>, <c>6to4</c>, <c>teredo-server</c>, <c>teredo-client</c>, <c>nat64</c> or <c>ipv4-mapped</c>.</param>
/// <param name="Ipv4">The embedded address.</param>
public sealed record InspectedEmbeddedIpv4(string Role, string Ipv4);

/// <summary>The fields of a Teredo address (RFC 4380 §4, flags per RFC 5991).</summary>
/// <param name="Server">The Teredo server's IPv4 address.</param>
/// <param name="Client">The client's external (mapped) IPv4 address, decoded from its inverted form.</param>
/// <param name="Port">The client's external UDP port, decoded from its inverted form.</param>
/// <param name="Flags">The 16 flag bits as a number (RFC 5991 makes most of them random).</param>
/// <param name="Cone">The cone bit (0x8000).</param>
public sealed record InspectedTeredo(string Server, string Client, int Port, int Flags, bool Cone);

/// <summary>The fields of an ISATAP interface identifier (RFC 5214 §6.1).</summary>
/// <param name="Ipv4">The ISATAP node's IPv4 address.</param>
/// <param name="Universal">The u bit: the IPv4 is globally unique ("200:5efe").</param>
/// <param name="Group">The g bit; zero in every real address.</param>
public sealed record InspectedIsatap(string Ipv4, bool Universal, bool Group);

/// <summary>The 6to4 site of an address in 2002::/16 (RFC 3056).</summary>
/// <param name="Ipv4">The site's IPv4 address.</param>
public sealed record InspectedSixToFour(string Ipv4);

/// <summary>The RFC 6052 decoding of an address under a known NAT64 prefix.</summary>
/// <param name="Prefix">The NAT64 prefix that matched.</param>
/// <param name="Ipv4">The embedded IPv4 address.</param>
public sealed record InspectedNat64(string Prefix, string Ipv4);

/// <summary>What an address is and every IPv4 address embedded in it. The optional objects are present only when they apply.</summary>
/// <param name="Address">The address in canonical form (RFC 5952 for IPv6, with its zone).</param>
/// <param name="Mixed">The IPv6 address with its last 32 bits as a dotted quad; present only when those bits hold an IPv4 address (ISATAP, IPv4-mapped, NAT64 /96...).</param>
/// <param name="Family"><c>ipv4</c> or <c>ipv6</c>.</param>
/// <param name="Kinds">Every kind that applies, for example <c>global-unicast</c>, <c>teredo</c>, <c>isatap</c>, <c>private</c>.</param>
/// <param name="EmbeddedIpv4">Every IPv4 address inside the address, with its role; empty for IPv4 addresses.</param>
/// <param name="Teredo">The Teredo fields, for addresses under 2001::/32.</param>
/// <param name="Isatap">The ISATAP interface identifier fields.</param>
/// <param name="SixToFour">The 6to4 site, for addresses under 2002::/16.</param>
/// <param name="Nat64">The RFC 6052 decoding, under 64:ff9b::/96 or the prefix named in the request.</param>
/// <param name="ReverseName">The reverse-lookup name (ip6.arpa or in-addr.arpa).</param>
public sealed record InspectResponse(
    string Address,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Mixed,
    AddressFamilyName Family,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<InspectedEmbeddedIpv4> EmbeddedIpv4,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] InspectedTeredo? Teredo,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] InspectedIsatap? Isatap,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] InspectedSixToFour? SixToFour,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] InspectedNat64? Nat64,
    string ReverseName);
