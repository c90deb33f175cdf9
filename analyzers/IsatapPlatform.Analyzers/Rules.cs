using Microsoft.CodeAnalysis;

namespace IsatapPlatform.Analyzers;

/// <summary>Every descriptor, in one place so that the analyzers that share a rule report the same
/// one. Severities and categories are tracked in AnalyzerReleases.*.md.</summary>
internal static class Rules
{
    public static readonly DiagnosticDescriptor Nat64PrefixLength = new(
        RuleIdentifiers.Nat64PrefixLength,
        title: "NAT64 prefix length must be 32, 40, 48, 56, 64 or 96",
        messageFormat: "'{0}' is a /{1} prefix; RFC 6052 allows NAT64 prefixes of length 32, 40, 48, 56, 64 or 96 only",
        RuleCategories.Addressing,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "RFC 6052 §2.2 defines IPv4 embedding for six prefix lengths only. Nat64Prefix and the service refuse any other length at run time.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.Nat64PrefixLength));

    public static readonly DiagnosticDescriptor Nat64PrefixUOctet = new(
        RuleIdentifiers.Nat64PrefixUOctet,
        title: "NAT64 prefix must have a zero u-octet",
        messageFormat: "'{0}' sets bits 64-71 (the u-octet), which RFC 6052 requires to be zero",
        RuleCategories.Addressing,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "RFC 6052 §2.2: the octet at bits 64-71 of an IPv4-embedded IPv6 address must be zero, so a NAT64 prefix (in particular a /96) must not set it.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.Nat64PrefixUOctet));

    public static readonly DiagnosticDescriptor PrefixHostBits = new(
        RuleIdentifiers.PrefixHostBits,
        title: "Prefix has bits set past its length",
        messageFormat: "'{0}' has bits set past /{1}; the prefix is '{2}'",
        RuleCategories.Addressing,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A prefix with bits set past its length is a host address or a typo. The SDK's strict parsers refuse it and System.Net.IPNetwork silently clears the bits.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.PrefixHostBits));

    public static readonly DiagnosticDescriptor InvalidAddressText = new(
        RuleIdentifiers.InvalidAddressText,
        title: "Text is not a valid address or prefix",
        messageFormat: "'{0}' is not a valid {1}",
        RuleCategories.Addressing,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The constant can never parse: Parse throws and TryParse always returns false.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.InvalidAddressText));

    public static readonly DiagnosticDescriptor WrongAddressFamily = new(
        RuleIdentifiers.WrongAddressFamily,
        title: "Address family does not match what is required",
        messageFormat: "'{0}' is an {1} where an {2} is required",
        RuleCategories.Addressing,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An IPv6 constant where IPv4 is required (NAT64 derivation, ISATAP, 6to4) or an IPv4 constant where IPv6 is required fails at run time.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.WrongAddressFamily));

    public static readonly DiagnosticDescriptor CidrPassedToIPAddressParse = new(
        RuleIdentifiers.CidrPassedToIPAddressParse,
        title: "CIDR text passed to IPAddress.Parse",
        messageFormat: "'{0}' is a prefix, not an address; parse it as a prefix instead of with IPAddress.{1}",
        RuleCategories.Addressing,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "IPAddress parses addresses only: CIDR text such as \"64:ff9b::/96\" makes Parse throw and TryParse return false. Use a prefix type.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.CidrPassedToIPAddressParse));

    public static readonly DiagnosticDescriptor GlobalIsatapRouterName = new(
        RuleIdentifiers.GlobalIsatapRouterName,
        title: "Do not use the global ISATAP router name 'isatap'",
        messageFormat: "'{0}' uses the global ISATAP router name '{1}', which turns ISATAP on for every host that resolves it; use a name only the manage-out hosts are pointed at",
        RuleCategories.Deployment,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Windows resolves the single-label name ISATAP by default. Publishing or configuring that name enables ISATAP for every IPv6-capable host in the domain, not only the DirectAccess manage-out hosts.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.GlobalIsatapRouterName));

    public static readonly DiagnosticDescriptor WellKnownPrefixNonGlobalIPv4 = new(
        RuleIdentifiers.WellKnownPrefixNonGlobalIPv4,
        title: "Well-known NAT64 prefix with a non-global IPv4 address",
        messageFormat: "The well-known prefix 64:ff9b::/96 must not carry the non-global IPv4 address {0} (RFC 6052 §3.1); use a network-specific prefix",
        RuleCategories.Addressing,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "RFC 6052 §3.1: translators must drop packets whose address is the well-known prefix plus a non-global IPv4 address (RFC 1918 and the other special ranges).",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.WellKnownPrefixNonGlobalIPv4));

    public static readonly DiagnosticDescriptor IPAddressReferenceEquality = new(
        RuleIdentifiers.IPAddressReferenceEquality,
        title: "IPAddress compared by reference",
        messageFormat: "'{0}' compares IPAddress instances by reference; use Equals to compare the addresses",
        RuleCategories.Usage,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "IPAddress is a class without == and != operators, so the operators compare references: two IPAddress objects holding the same address are not ==.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.IPAddressReferenceEquality));

    public static readonly DiagnosticDescriptor IsatapPrefixLength = new(
        RuleIdentifiers.IsatapPrefixLength,
        title: "ISATAP prefix must be a /64",
        messageFormat: "'{0}' is a /{1} prefix; an ISATAP prefix must be a /64",
        RuleCategories.Addressing,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An ISATAP address is a /64 prefix followed by the 64-bit ISATAP interface identifier (RFC 5214 §6.1); any other length is refused at run time.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.IsatapPrefixLength));

    public static readonly DiagnosticDescriptor SwappedArguments = new(
        RuleIdentifiers.SwappedArguments,
        title: "Address arguments look swapped",
        messageFormat: "The arguments look swapped: '{0}' is IPv4 but is given as '{1}', and '{2}' is IPv6 but is given as '{3}'",
        RuleCategories.Addressing,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An IPv4 constant given as the prefix and a prefix constant given as the IPv4 address almost always mean the two arguments were passed in the wrong order.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SwappedArguments));
}
