namespace IsatapPlatform.Analyzers;

/// <summary>Rule IDs, fixed by the analyzer issue; never reuse or renumber one.</summary>
public static class RuleIdentifiers
{
    /// <summary>A constant NAT64 prefix whose length is not 32, 40, 48, 56, 64 or 96.</summary>
    public const string Nat64PrefixLength = "ISA0001";

    /// <summary>A constant NAT64 prefix with a non-zero u-octet (bits 64-71).</summary>
    public const string Nat64PrefixUOctet = "ISA0002";

    /// <summary>A constant prefix with bits set past its length.</summary>
    public const string PrefixHostBits = "ISA0003";

    /// <summary>A constant that is not a valid address or prefix passed to a Parse method.</summary>
    public const string InvalidAddressText = "ISA0004";

    /// <summary>An IPv6 constant where IPv4 is required, or IPv4 where IPv6 is required.</summary>
    public const string WrongAddressFamily = "ISA0005";

    /// <summary>CIDR text passed to IPAddress.Parse or TryParse.</summary>
    public const string CidrPassedToIPAddressParse = "ISA0006";

    /// <summary>The global ISATAP router name <c>isatap</c> as a constant.</summary>
    public const string GlobalIsatapRouterName = "ISA0007";

    /// <summary>The well-known prefix 64:ff9b::/96 combined with a constant non-global IPv4.</summary>
    public const string WellKnownPrefixNonGlobalIPv4 = "ISA0008";

    /// <summary>IPAddress compared with == or != (reference equality).</summary>
    public const string IPAddressReferenceEquality = "ISA0009";

    /// <summary>A constant ISATAP prefix that is not a /64.</summary>
    public const string IsatapPrefixLength = "ISA0010";

    /// <summary>Arguments that look swapped in SDK calls.</summary>
    public const string SwappedArguments = "ISA0011";

    /// <summary>Where the rule pages live: analyzers/docs/ISAxxxx.md in the repository. The one
    /// place to change when the repository moves.</summary>
    public const string DocumentationBaseUri = "https://github.com/IsatapPlatform/IsatapPlatform/blob/main/analyzers/docs/";

    /// <summary>The help link of a rule: its page under analyzers/docs.</summary>
    public static string GetHelpUri(string identifier) => DocumentationBaseUri + identifier + ".md";
}
