using System.Collections.Immutable;
using IsatapPlatform.Analyzers.Text;
using Microsoft.CodeAnalysis;

namespace IsatapPlatform.Analyzers.Analysis;

/// <summary>What a call site requires of a piece of text.</summary>
internal enum ExpectedKind
{
    IPv4Address,
    IPv6Address,
    /// <summary>System.Net.IPAddress: either family.</summary>
    AnyAddress,
    IPv4Prefix,
    IPv6Prefix,
    /// <summary>System.Net.IPNetwork: either family.</summary>
    AnyPrefix,
    Nat64Prefix,
    IsatapPrefix,
}

/// <summary>How a prefix parser treats bits past the length: Strict refuses them, Normalize clears
/// them, Unknown when the mode argument is not a constant (host-bit rules then stay silent).</summary>
internal enum PrefixMode
{
    Strict,
    Normalize,
    Unknown,
}

/// <summary>One diagnostic to report, before it has a location.</summary>
internal readonly struct Finding
{
    public Finding(DiagnosticDescriptor descriptor, ImmutableDictionary<string, string?> properties, params object[] arguments)
    {
        Descriptor = descriptor;
        Properties = properties;
        Arguments = arguments;
    }

    public DiagnosticDescriptor? Descriptor { get; }

    public ImmutableDictionary<string, string?> Properties { get; }

    public object[] Arguments { get; }

    public bool IsNone => Descriptor is null;

    public static Finding Of(DiagnosticDescriptor descriptor, params object[] arguments)
        => new(descriptor, ImmutableDictionary<string, string?>.Empty, arguments);

    public Diagnostic ToDiagnostic(Location location, Location? additional = null)
        => Diagnostic.Create(Descriptor!, location, additional is null ? null : new[] { additional }, Properties, Arguments);
}

/// <summary>The rules that judge one constant against what its call site requires (ISA0001-ISA0006,
/// ISA0008 for an address inside 64:ff9b::/96, ISA0010). Pure functions of the text.</summary>
internal static class AddressChecks
{
    /// <summary>Property the ISA0003 code fix reads: the canonical prefix text.</summary>
    public const string CanonicalProperty = "Canonical";

    /// <summary>Property the ISA0006 code fix reads: "4" or "6".</summary>
    public const string FamilyProperty = "Family";

    public static Finding Check(ExpectedKind kind, string text, PrefixMode mode, string methodName = "Parse")
        => Check(kind, text, AddressText.Classify(text), mode, methodName);

    /// <summary>As above, for text the caller has already classified.</summary>
    public static Finding Check(ExpectedKind kind, string text, in ParsedText parsed, PrefixMode mode, string methodName = "Parse")
    {
        string shown = Show(text);
        switch (kind)
        {
            case ExpectedKind.IPv4Address:
                if (parsed.Shape == AddressShape.IPv4Address) return default;
                if (parsed.IsIPv6) return Finding.Of(Rules.WrongAddressFamily, shown, Describe(parsed), "IPv4 address");
                return Finding.Of(Rules.InvalidAddressText, shown, "IPv4 address");

            case ExpectedKind.IPv6Address:
                if (parsed.Shape == AddressShape.IPv6Address) return CheckWellKnownPrefixAddress(parsed);
                if (parsed.IsIPv4) return Finding.Of(Rules.WrongAddressFamily, shown, Describe(parsed), "IPv6 address");
                return Finding.Of(Rules.InvalidAddressText, shown, "IPv6 address");

            case ExpectedKind.AnyAddress:
                if (parsed.Shape == AddressShape.IPv4Address) return default;
                if (parsed.Shape == AddressShape.IPv6Address) return CheckWellKnownPrefixAddress(parsed);
                if (parsed.IsPrefix || SystemNetText.LooksLikeCidr(text, out _))
                {
                    bool v4 = parsed.IsPrefix ? parsed.IsIPv4 : text.IndexOf(':') < 0;
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(FamilyProperty, v4 ? "4" : "6");
                    return new Finding(Rules.CidrPassedToIPAddressParse, properties, shown, methodName);
                }
                // System.Net accepts more than the SDK (inet_aton forms such as "10.1", brackets):
                // only text it refuses too can never parse.
                return SystemNetText.IsIPAddress(text) ? default : Finding.Of(Rules.InvalidAddressText, shown, "IP address");

            case ExpectedKind.IPv4Prefix:
                if (parsed.Shape == AddressShape.IPv4Prefix) return mode == PrefixMode.Strict ? CheckHostBits(parsed, shown) : default;
                if (parsed.IsIPv6) return Finding.Of(Rules.WrongAddressFamily, shown, Describe(parsed), "IPv4 prefix");
                return Finding.Of(Rules.InvalidAddressText, shown, "IPv4 prefix");

            case ExpectedKind.AnyPrefix:
                if (!SystemNetText.TryParseIPNetwork(text, out var network)) return Finding.Of(Rules.InvalidAddressText, shown, "IP network");
                // IPNetwork clears bits past the length without a word (.NET 9 and later).
                return CheckHostBits(network, shown);

            case ExpectedKind.IPv6Prefix:
            case ExpectedKind.Nat64Prefix:
            case ExpectedKind.IsatapPrefix:
                string required = kind == ExpectedKind.Nat64Prefix ? "NAT64 prefix" : kind == ExpectedKind.IsatapPrefix ? "ISATAP prefix" : "IPv6 prefix";
                if (parsed.Shape == AddressShape.IPv6Prefix && parsed.Zone is null)
                {
                    if (kind == ExpectedKind.Nat64Prefix) return CheckNat64(parsed, shown, mode);
                    if (kind == ExpectedKind.IsatapPrefix && parsed.Length != 64) return Finding.Of(Rules.IsatapPrefixLength, shown, parsed.Length);
                    return mode == PrefixMode.Strict ? CheckHostBits(parsed, shown) : default;
                }
                if (parsed.IsIPv4) return Finding.Of(Rules.WrongAddressFamily, shown, Describe(parsed), required);
                return Finding.Of(Rules.InvalidAddressText, shown, required);
        }
        return default;
    }

    /// <summary>RFC 6052 rules for a syntactically valid IPv6 prefix, in the order Nat64Prefix reports them.</summary>
    public static Finding CheckNat64(in ParsedText prefix, string shown, PrefixMode mode)
    {
        if (!AddressFacts.IsNat64Length(prefix.Length)) return Finding.Of(Rules.Nat64PrefixLength, shown, prefix.Length);
        bool uOctet = AddressFacts.UOctet(prefix.Low) != 0;
        if (prefix.Length == 96 && uOctet) return Finding.Of(Rules.Nat64PrefixUOctet, shown);
        if (mode == PrefixMode.Strict && prefix.HostBitsSet)
            return uOctet ? Finding.Of(Rules.Nat64PrefixUOctet, shown) : CheckHostBits(prefix, shown);
        return default;
    }

    public static Finding CheckHostBits(in ParsedText prefix, string shown)
    {
        if (!prefix.HostBitsSet) return default;
        string canonical = prefix.CanonicalPrefix();
        var properties = ImmutableDictionary<string, string?>.Empty.Add(CanonicalProperty, canonical);
        return new Finding(Rules.PrefixHostBits, properties, shown, prefix.Length, canonical);
    }

    /// <summary>ISA0008 for an address written out: 64:ff9b::a.b.c.d with a non-global a.b.c.d.
    /// 64:ff9b:: itself (the prefix's network address) and the RFC 7050 discovery addresses are allowed.</summary>
    public static Finding CheckWellKnownPrefixAddress(in ParsedText address)
    {
        if (!AddressFacts.IsInWellKnownNat64Prefix(address.High, address.Low)) return default;
        uint v4 = (uint)address.Low;
        if (v4 == 0 || !IsPolicyViolation(v4)) return default;
        return Finding.Of(Rules.WellKnownPrefixNonGlobalIPv4, AddressText.FormatIPv4(v4));
    }

    /// <summary>The SDK's Nat64Policy verdict for the well-known prefix: non-global is refused, except
    /// 192.0.0.170/171 which RFC 7050 discovery synthesises.</summary>
    public static bool IsPolicyViolation(uint v4) => !AddressFacts.IsGlobalIPv4(v4) && !AddressFacts.IsRfc7050WellKnown(v4);

    public static string Describe(in ParsedText parsed) => parsed.Shape switch
    {
        AddressShape.IPv4Address => "IPv4 address",
        AddressShape.IPv6Address => "IPv6 address",
        AddressShape.IPv4Prefix => "IPv4 prefix",
        AddressShape.IPv6Prefix => "IPv6 prefix",
        _ => "invalid text",
    };

    /// <summary>The constant as shown in a message: at most 64 characters.</summary>
    public static string Show(string text) => text.Length <= 64 ? text : text.Substring(0, 61) + "...";

    public static ExpectedKind KindOf(ParseTarget target) => target switch
    {
        ParseTarget.IPAddress => ExpectedKind.AnyAddress,
        ParseTarget.IPNetwork => ExpectedKind.AnyPrefix,
        ParseTarget.IPv4Address => ExpectedKind.IPv4Address,
        ParseTarget.IPv6Address => ExpectedKind.IPv6Address,
        ParseTarget.IPv4Prefix => ExpectedKind.IPv4Prefix,
        ParseTarget.IPv6Prefix => ExpectedKind.IPv6Prefix,
        ParseTarget.Nat64Prefix => ExpectedKind.Nat64Prefix,
        _ => ExpectedKind.AnyAddress,
    };

    public static ExpectedKind KindOf(ArgumentRole role) => role switch
    {
        ArgumentRole.IPv4 => ExpectedKind.IPv4Address,
        ArgumentRole.Nat64Prefix => ExpectedKind.Nat64Prefix,
        ArgumentRole.IsatapPrefix => ExpectedKind.IsatapPrefix,
        _ => ExpectedKind.IPv6Prefix,
    };

    public static bool IsPrefixRole(ArgumentRole role)
        => role == ArgumentRole.Prefix || role == ArgumentRole.Nat64Prefix || role == ArgumentRole.IsatapPrefix;
}
