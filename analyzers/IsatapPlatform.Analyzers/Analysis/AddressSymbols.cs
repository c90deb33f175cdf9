using Microsoft.CodeAnalysis;

namespace IsatapPlatform.Analyzers.Analysis;

/// <summary>Which type's Parse/TryParse a call is.</summary>
internal enum ParseTarget
{
    None = 0,
    IPAddress,
    IPNetwork,
    IPv4Address,
    IPv6Address,
    IPv4Prefix,
    IPv6Prefix,
    Nat64Prefix,
}

/// <summary>The symbols the analyzers look for, resolved once per compilation. Any of them may be
/// null: a compilation without System.Net.IPNetwork (netstandard) or without the SDK simply does
/// not get the rules that need them.</summary>
internal sealed class AddressSymbols
{
    public const string AddressingNamespace = "IsatapPlatform.Addressing";
    public const string ClientNamespace = "IsatapPlatform.Client";

    private AddressSymbols(Compilation compilation)
    {
        // A compilation-wide lookup searches every referenced assembly (about 170 in a .NET app);
        // FindType looks in the assembly that holds the type instead (see there), and the other
        // types are looked up inside the assembly already found.
        IPAddress = FindIPAddress(compilation);
        IPNetwork = IPAddress?.ContainingAssembly.GetTypeByMetadataName("System.Net.IPNetwork");
        IPv4Address = FindType(compilation, AddressingNamespace, AddressingNamespace + ".IPv4Address");
        var addressing = IPv4Address?.ContainingAssembly;
        if (addressing != null)
        {
            IPv6Address = addressing.GetTypeByMetadataName(AddressingNamespace + ".IPv6Address");
            IPv4Prefix = addressing.GetTypeByMetadataName(AddressingNamespace + ".IPv4Prefix");
            IPv6Prefix = addressing.GetTypeByMetadataName(AddressingNamespace + ".IPv6Prefix");
            Nat64Prefix = addressing.GetTypeByMetadataName(AddressingNamespace + ".Nat64Prefix");
            PrefixParseMode = addressing.GetTypeByMetadataName(AddressingNamespace + ".PrefixParseMode");
            Isatap = addressing.GetTypeByMetadataName(AddressingNamespace + ".Isatap");
            SixToFour = addressing.GetTypeByMetadataName(AddressingNamespace + ".SixToFour");
            Teredo = addressing.GetTypeByMetadataName(AddressingNamespace + ".Teredo");
            Nat64Policy = addressing.GetTypeByMetadataName(AddressingNamespace + ".Nat64Policy");
        }
        // The client depends on the Addressing library, so it only needs looking for without it.
        Client = IPv4Address is null ? FindType(compilation, ClientNamespace, ClientNamespace + ".IsatapPlatformClient") : null;
    }

    /// <summary>A type of the SDK (or System.Net) by metadata name, without the compilation-wide
    /// search: first the compilation's own source (a project that declares the type itself), then
    /// the referenced assembly named <paramref name="assemblyName"/> (the SDK's assemblies are named
    /// after their namespace). Only when neither has it does it fall back to
    /// Compilation.GetTypeByMetadataName, which asks every referenced assembly; so a copy of the
    /// type in an assembly with another name is still found, it just costs the full search.</summary>
    internal static INamedTypeSymbol? FindType(Compilation compilation, string assemblyName, string metadataName)
        => FindType(compilation, metadataName, assemblyName, null, null);

    /// <summary>System.Net.IPAddress: System.Net.Primitives in .NET (Core) reference packs, netstandard
    /// for netstandard, System for .NET Framework.</summary>
    internal static INamedTypeSymbol? FindIPAddress(Compilation compilation)
        => FindType(compilation, "System.Net.IPAddress", "System.Net.Primitives", "netstandard", "System");

    private static INamedTypeSymbol? FindType(Compilation compilation, string metadataName, string first, string? second, string? third)
    {
        var type = compilation.Assembly.GetTypeByMetadataName(metadataName);
        if (type != null) return type;
        IAssemblySymbol? a1 = null, a2 = null, a3 = null;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            string name = assembly.Name;
            if (a1 is null && name == first) a1 = assembly;
            else if (a2 is null && second != null && name == second) a2 = assembly;
            else if (a3 is null && third != null && name == third) a3 = assembly;
        }
        type = a1?.GetTypeByMetadataName(metadataName) ?? a2?.GetTypeByMetadataName(metadataName) ?? a3?.GetTypeByMetadataName(metadataName);
        return type ?? compilation.GetTypeByMetadataName(metadataName);
    }

    public INamedTypeSymbol? IPAddress { get; }
    public INamedTypeSymbol? IPNetwork { get; }
    public INamedTypeSymbol? IPv4Address { get; }
    public INamedTypeSymbol? IPv6Address { get; }
    public INamedTypeSymbol? IPv4Prefix { get; }
    public INamedTypeSymbol? IPv6Prefix { get; }
    public INamedTypeSymbol? Nat64Prefix { get; }
    public INamedTypeSymbol? PrefixParseMode { get; }
    public INamedTypeSymbol? Isatap { get; }
    public INamedTypeSymbol? SixToFour { get; }
    public INamedTypeSymbol? Teredo { get; }
    public INamedTypeSymbol? Nat64Policy { get; }
    public INamedTypeSymbol? Client { get; }

    /// <summary>True when the compilation references the SDK: the Addressing library or the client.</summary>
    public bool HasSdk => IPv4Address != null || Client != null;

    /// <summary>The same answer as <see cref="HasSdk"/> with one or two lookups, for analyzers that need no symbols.</summary>
    public static bool ReferencesSdk(Compilation compilation)
        => FindType(compilation, AddressingNamespace, AddressingNamespace + ".IPv4Address") != null
            || FindType(compilation, ClientNamespace, ClientNamespace + ".IsatapPlatformClient") != null;

    /// <summary>True when there is anything at all for the address rules to look at.</summary>
    public bool HasAnyAddressType => HasSdk || IPAddress != null;

    public static AddressSymbols Create(Compilation compilation) => new(compilation);

    /// <summary>The Parse/TryParse family of <paramref name="method"/>: a static method named Parse or
    /// TryParse on one of the address types whose first parameter is text.</summary>
    public ParseTarget GetParseTarget(IMethodSymbol method)
    {
        // The name first: Parameters decodes the signature of every method called in the program.
        string name = method.Name;
        if (name != "Parse" && name != "TryParse") return ParseTarget.None;
        if (!method.IsStatic || method.Parameters.Length == 0) return ParseTarget.None;
        if (!IsText(method.Parameters[0].Type)) return ParseTarget.None;
        var type = method.ContainingType;
        if (type is null) return ParseTarget.None;
        if (Is(type, IPAddress)) return ParseTarget.IPAddress;
        if (Is(type, IPNetwork)) return ParseTarget.IPNetwork;
        if (Is(type, IPv4Address)) return ParseTarget.IPv4Address;
        if (Is(type, IPv6Address)) return ParseTarget.IPv6Address;
        if (Is(type, IPv4Prefix)) return ParseTarget.IPv4Prefix;
        if (Is(type, IPv6Prefix)) return ParseTarget.IPv6Prefix;
        if (Is(type, Nat64Prefix)) return ParseTarget.Nat64Prefix;
        return ParseTarget.None;
    }

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known)
        => type != null && known != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    /// <summary>string, ReadOnlySpan&lt;char&gt; or ReadOnlySpan&lt;byte&gt; (UTF-8).</summary>
    public static bool IsText(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String) return true;
        return type is INamedTypeSymbol { Name: "ReadOnlySpan", IsGenericType: true } span
            && span.ContainingNamespace?.Name == "System"
            && span.TypeArguments.Length == 1
            && (span.TypeArguments[0].SpecialType == SpecialType.System_Char || span.TypeArguments[0].SpecialType == SpecialType.System_Byte);
    }

    /// <summary>True for a type declared in IsatapPlatform.Client or IsatapPlatform.Addressing or a
    /// namespace below them.</summary>
    public static bool IsInSdkNamespace(ITypeSymbol? type)
    {
        var ns = type?.ContainingNamespace;
        // Walk up to the namespace directly below IsatapPlatform.
        while (ns != null && !ns.IsGlobalNamespace)
        {
            var parent = ns.ContainingNamespace;
            if (parent != null && parent.Name == "IsatapPlatform" && parent.ContainingNamespace?.IsGlobalNamespace == true)
                return ns.Name == "Client" || ns.Name == "Addressing";
            ns = parent;
        }
        return false;
    }
}
