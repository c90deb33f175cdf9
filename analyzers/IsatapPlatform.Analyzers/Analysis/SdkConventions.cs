using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace IsatapPlatform.Analyzers.Analysis;

/// <summary>What an SDK parameter or request property holds, recognised by name and type.</summary>
internal enum ArgumentRole
{
    None = 0,
    /// <summary>An IPv4 address: named <c>ipv4</c> or ending in <c>Ipv4</c> (publicIpv4, internalIpv4).</summary>
    IPv4,
    /// <summary>An IPv6 prefix of no particular kind: named <c>prefix</c> or ending in <c>Prefix</c>.</summary>
    Prefix,
    /// <summary>A NAT64 prefix: <c>nat64Prefix</c>, or <c>prefix</c> where the method, type or namespace says Nat64.</summary>
    Nat64Prefix,
    /// <summary>An ISATAP prefix: <c>isatapPrefix</c>, or <c>prefix</c> where the method, type or namespace says Isatap.</summary>
    IsatapPrefix,
    /// <summary>An ISATAP router name: <c>routerName</c>, <c>router</c>, or <c>Name</c> on a type whose name says Router.</summary>
    RouterName,
    /// <summary>The explicit opt-in <c>allowGlobalName</c> (bool) that silences ISA0007 for its call or initializer.</summary>
    AllowGlobalName,
}

/// <summary>The roles of one method's parameters, and of the receiver for instance methods of Nat64Prefix.</summary>
internal sealed class MethodRoles
{
    public static readonly MethodRoles Empty = new(ImmutableArray<ArgumentRole>.Empty, ArgumentRole.None);

    public MethodRoles(ImmutableArray<ArgumentRole> parameters, ArgumentRole receiver)
    {
        Parameters = parameters;
        Receiver = receiver;
        foreach (var role in parameters) HasAny |= role != ArgumentRole.None;
        HasAny |= receiver != ArgumentRole.None;
    }

    public ImmutableArray<ArgumentRole> Parameters { get; }

    public ArgumentRole Receiver { get; }

    public bool HasAny { get; }

    public ArgumentRole Of(IParameterSymbol? parameter)
        => parameter != null && parameter.Ordinal < Parameters.Length ? Parameters[parameter.Ordinal] : ArgumentRole.None;
}

/// <summary>The naming convention that lets the analyzers understand SDK methods and request types
/// they have never seen (the typed REST client is written after them). It applies to every method,
/// constructor and settable property of a type in namespace IsatapPlatform.Client or
/// IsatapPlatform.Addressing (or below). Documented on each rule page.</summary>
internal sealed class SdkConventions
{
    private const string ProductName = "IsatapPlatform";

    private readonly AddressSymbols _symbols;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodRoles> _methods = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IPropertySymbol, ArgumentRole> _properties = new(SymbolEqualityComparer.Default);

    public SdkConventions(AddressSymbols symbols) => _symbols = symbols;

    public MethodRoles RolesOf(IMethodSymbol method)
    {
        if (!IsSdkType(method.ContainingType)) return MethodRoles.Empty;
        return _methods.GetOrAdd(method.OriginalDefinition, ComputeRoles);
    }

    public ArgumentRole RoleOf(IPropertySymbol property)
    {
        if (!IsSdkType(property.ContainingType)) return ArgumentRole.None;
        var definition = property.OriginalDefinition;
        return _properties.GetOrAdd(definition, p =>
        {
            var type = p.ContainingType;
            if (p.Name.Equals("Name", StringComparison.OrdinalIgnoreCase) && ContainsWord(type.Name, "Router")
                && p.Type.SpecialType == SpecialType.System_String)
                return ArgumentRole.RouterName;
            return RoleOf(p.Name, p.Type, ContextOf(type));
        });
    }

    // Every invocation in the program asks. Walking up two or three namespace symbols comparing
    // their names costs about what a dictionary lookup would, without the dictionary.
    private static bool IsSdkType(INamedTypeSymbol? type) => AddressSymbols.IsInSdkNamespace(type);

    private MethodRoles ComputeRoles(IMethodSymbol method)
    {
        var type = method.ContainingType;
        // The policy check is the question, not a use: asking whether the WKP may carry 10.0.0.1 is fine.
        if (AddressSymbols.Is(type, _symbols.Nat64Policy)) return MethodRoles.Empty;
        if (_symbols.GetParseTarget(method) != ParseTarget.None) return MethodRoles.Empty;

        string context = (method.MethodKind == MethodKind.Constructor ? string.Empty : Strip(method.Name)) + " " + ContextOf(type);
        var roles = ImmutableArray.CreateBuilder<ArgumentRole>(method.Parameters.Length);
        foreach (var parameter in method.Parameters)
            roles.Add(parameter.RefKind == RefKind.None || parameter.RefKind == RefKind.In ? RoleOf(parameter.Name, parameter.Type, context) : ArgumentRole.None);

        var receiver = !method.IsStatic && method.MethodKind == MethodKind.Ordinary && AddressSymbols.Is(type, _symbols.Nat64Prefix)
            ? ArgumentRole.Nat64Prefix
            : ArgumentRole.None;
        return new MethodRoles(roles.MoveToImmutable(), receiver);
    }

    private ArgumentRole RoleOf(string name, ITypeSymbol type, string context)
    {
        var underlying = Underlying(type);

        if (name.Equals("allowGlobalName", StringComparison.OrdinalIgnoreCase))
            return underlying.SpecialType == SpecialType.System_Boolean ? ArgumentRole.AllowGlobalName : ArgumentRole.None;

        if (name.Equals("router", StringComparison.OrdinalIgnoreCase) || name.EndsWith("RouterName", StringComparison.OrdinalIgnoreCase)
            || name.Equals("isatapRouter", StringComparison.OrdinalIgnoreCase))
            return underlying.SpecialType == SpecialType.System_String ? ArgumentRole.RouterName : ArgumentRole.None;

        if (name.EndsWith("ipv4", StringComparison.OrdinalIgnoreCase))
        {
            bool fits = AddressSymbols.IsText(underlying) || AddressSymbols.Is(underlying, _symbols.IPv4Address) || AddressSymbols.Is(underlying, _symbols.IPAddress);
            return fits ? ArgumentRole.IPv4 : ArgumentRole.None;
        }

        if (name.EndsWith("prefix", StringComparison.OrdinalIgnoreCase) && name.IndexOf("ipv4", StringComparison.OrdinalIgnoreCase) < 0)
        {
            bool isNat64Type = AddressSymbols.Is(underlying, _symbols.Nat64Prefix);
            bool fits = AddressSymbols.IsText(underlying) || isNat64Type
                || AddressSymbols.Is(underlying, _symbols.IPv6Prefix) || AddressSymbols.Is(underlying, _symbols.IPNetwork);
            if (!fits) return ArgumentRole.None;
            if (isNat64Type || ContainsWord(name, "Nat64")) return ArgumentRole.Nat64Prefix;
            if (ContainsWord(name, "Isatap")) return ArgumentRole.IsatapPrefix;
            if (!name.Equals("prefix", StringComparison.OrdinalIgnoreCase)) return ArgumentRole.Prefix;
            if (ContainsWord(context, "Nat64")) return ArgumentRole.Nat64Prefix;
            if (ContainsWord(context, "Isatap")) return ArgumentRole.IsatapPrefix;
            return ArgumentRole.Prefix;
        }
        return ArgumentRole.None;
    }

    private static ITypeSymbol Underlying(ITypeSymbol type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    /// <summary>The type name and the namespace segments below IsatapPlatform.Client/Addressing,
    /// without the product name (every type here would otherwise "say Isatap").</summary>
    private static string ContextOf(INamedTypeSymbol type)
    {
        string context = Strip(type.Name);
        for (var containing = type.ContainingType; containing != null; containing = containing.ContainingType)
            context += " " + Strip(containing.Name);
        for (var ns = type.ContainingNamespace; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (ns.ContainingNamespace?.Name == ProductName) break;
            context += " " + Strip(ns.Name);
        }
        return context;
    }

    private static string Strip(string name)
    {
        int i = name.IndexOf(ProductName, StringComparison.OrdinalIgnoreCase);
        return i < 0 ? name : name.Remove(i, ProductName.Length);
    }

    private static bool ContainsWord(string text, string word) => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;
}
