using System.Collections.Generic;
using IsatapPlatform.Analyzers.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IsatapPlatform.Analyzers.Analysis;

/// <summary>One argument or initialised property of an SDK call, with its role.</summary>
internal readonly struct SiteArgument
{
    public SiteArgument(ArgumentRole role, string name, IOperation value, bool isReceiver = false)
    {
        Role = role;
        Name = name;
        Value = value;
        IsReceiver = isReceiver;
    }

    public ArgumentRole Role { get; }

    /// <summary>The parameter or property name, for messages.</summary>
    public string Name { get; }

    /// <summary>The value as written (the argument's value, the assigned value or the receiver).</summary>
    public IOperation Value { get; }

    /// <summary>The receiver of an instance method (Nat64Prefix.WellKnown.Embed(...)): used only by the pair rules.</summary>
    public bool IsReceiver { get; }
}

/// <summary>A constant value at a role: raw text, the result of a Parse of constant text, or a
/// well-known SDK property.</summary>
internal readonly struct EvaluatedValue
{
    public EvaluatedValue(IOperation reportOn, string text, ParsedText parsed, ParseTarget origin, PrefixMode mode, bool innerValid)
    {
        ReportOn = reportOn;
        Text = text;
        Parsed = parsed;
        Origin = origin;
        Mode = mode;
        InnerValid = innerValid;
    }

    /// <summary>Where a diagnostic about this value goes: the constant text itself when there is one.</summary>
    public IOperation ReportOn { get; }

    public string Text { get; }

    /// <summary>The SDK's strict classification of <see cref="Text"/> (IPNetwork's reading for IPNetwork.Parse).</summary>
    public ParsedText Parsed { get; }

    /// <summary>None for raw text; otherwise the type whose Parse produced it (or whose well-known property it is).</summary>
    public ParseTarget Origin { get; }

    public PrefixMode Mode { get; }

    /// <summary>For Parse results: the inner Parse accepts the text (otherwise it reports it itself).</summary>
    public bool InnerValid { get; }

    public bool IsRawText => Origin == ParseTarget.None;
}

/// <summary>Builds call sites from operations and evaluates their constant values.</summary>
internal sealed class CallSites
{
    private readonly AddressSymbols _symbols;

    public CallSites(AddressSymbols symbols, SdkConventions conventions)
    {
        _symbols = symbols;
        Conventions = conventions;
    }

    public SdkConventions Conventions { get; }

    public AddressSymbols Symbols => _symbols;

    public List<SiteArgument>? FromInvocation(IInvocationOperation invocation)
    {
        var roles = Conventions.RolesOf(invocation.TargetMethod);
        if (!roles.HasAny) return null;
        var site = new List<SiteArgument>();
        if (roles.Receiver != ArgumentRole.None && invocation.Instance != null)
            site.Add(new SiteArgument(roles.Receiver, "this", invocation.Instance, isReceiver: true));
        AddArguments(site, roles, invocation.Arguments);
        return site;
    }

    public List<SiteArgument>? FromObjectCreation(IObjectCreationOperation creation)
    {
        List<SiteArgument>? site = null;
        if (creation.Constructor != null)
        {
            var roles = Conventions.RolesOf(creation.Constructor);
            if (roles.HasAny)
            {
                site = new List<SiteArgument>();
                AddArguments(site, roles, creation.Arguments);
            }
        }
        if (creation.Initializer != null) AddInitializer(ref site, creation.Initializer);
        return site;
    }

    public List<SiteArgument>? FromInitializer(IObjectOrCollectionInitializerOperation initializer)
    {
        List<SiteArgument>? site = null;
        AddInitializer(ref site, initializer);
        return site;
    }

    private static void AddArguments(List<SiteArgument> site, MethodRoles roles, IEnumerable<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null) continue;
            var role = roles.Of(argument.Parameter);
            if (role != ArgumentRole.None) site.Add(new SiteArgument(role, argument.Parameter.Name, argument.Value));
        }
    }

    private void AddInitializer(ref List<SiteArgument>? site, IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var entry in initializer.Initializers)
        {
            if (entry is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                var role = Conventions.RoleOf(property.Property);
                if (role == ArgumentRole.None) continue;
                (site ??= new List<SiteArgument>()).Add(new SiteArgument(role, property.Property.Name, assignment.Value));
            }
        }
    }

    /// <summary>The site an operation is an argument or initialised property of, and the value
    /// operation it appears as there; null when it is neither.</summary>
    public List<SiteArgument>? EnclosingSite(IOperation operation, out IOperation? valueInSite)
    {
        valueInSite = null;
        var current = operation;
        while (current.Parent is IConversionOperation conversion) current = conversion;
        switch (current.Parent)
        {
            case IArgumentOperation argument:
                valueInSite = argument.Value;
                return argument.Parent switch
                {
                    IInvocationOperation invocation => FromInvocation(invocation),
                    IObjectCreationOperation creation => FromObjectCreation(creation),
                    _ => null,
                };
            case ISimpleAssignmentOperation assignment when assignment.Value == current && assignment.Parent is IObjectOrCollectionInitializerOperation initializer:
                valueInSite = assignment.Value;
                return initializer.Parent is IObjectCreationOperation owner ? FromObjectCreation(owner) : FromInitializer(initializer);
        }
        return null;
    }

    /// <summary>The constant behind a site value, or null when it is not constant.</summary>
    public EvaluatedValue? Evaluate(IOperation value)
    {
        var op = ConstantText.Unwrap(value);
        if (ConstantText.TryGetText(op, out string text))
            return new EvaluatedValue(ConstantText.TextOperation(op), text, AddressText.Classify(text), ParseTarget.None, PrefixMode.Strict, innerValid: true);

        if (op is IInvocationOperation invocation)
        {
            var target = _symbols.GetParseTarget(invocation.TargetMethod);
            if (target == ParseTarget.None) return null;
            var textArgument = TextArgument(invocation);
            if (textArgument is null || !ConstantText.TryGetText(textArgument.Value, out string parsedText)) return null;
            var mode = ModeOf(invocation);
            ParsedText parsed;
            bool valid;
            if (target == ParseTarget.IPNetwork)
            {
                valid = SystemNetText.TryParseIPNetwork(parsedText, out parsed);
                if (!valid) parsed = AddressText.Classify(parsedText);
            }
            else
            {
                parsed = AddressText.Classify(parsedText);
                valid = InnerAccepts(target, parsedText, parsed, mode);
            }
            return new EvaluatedValue(ConstantText.TextOperation(textArgument.Value), parsedText, parsed, target, mode, valid);
        }

        if (op is IPropertyReferenceOperation { Instance: null } property)
        {
            var known = WellKnown(property.Property);
            if (known.Text is null) return null;
            return new EvaluatedValue(op, known.Text, AddressText.Classify(known.Text), known.Origin, PrefixMode.Strict, innerValid: true);
        }
        return null;
    }

    private (string? Text, ParseTarget Origin) WellKnown(IPropertySymbol property)
    {
        var type = property.ContainingType;
        switch (property.Name)
        {
            case "WellKnown" when AddressSymbols.Is(type, _symbols.Nat64Prefix): return ("64:ff9b::/96", ParseTarget.Nat64Prefix);
            case "LocalUse" when AddressSymbols.Is(type, _symbols.Nat64Prefix): return ("64:ff9b:1::/48", ParseTarget.Nat64Prefix);
            case "LinkLocalPrefix" when AddressSymbols.Is(type, _symbols.Isatap): return ("fe80::/64", ParseTarget.IPv6Prefix);
            case "Prefix" when AddressSymbols.Is(type, _symbols.SixToFour): return ("2002::/16", ParseTarget.IPv6Prefix);
            case "Prefix" when AddressSymbols.Is(type, _symbols.Teredo): return ("2001::/32", ParseTarget.IPv6Prefix);
            case "LegacyPrefix" when AddressSymbols.Is(type, _symbols.Teredo): return ("3ffe:831f::/32", ParseTarget.IPv6Prefix);
            case "Any" when AddressSymbols.Is(type, _symbols.IPv4Address): return ("0.0.0.0", ParseTarget.IPv4Address);
            case "Rfc7050First" when AddressSymbols.Is(type, _symbols.IPv4Address): return ("192.0.0.170", ParseTarget.IPv4Address);
            case "Rfc7050Second" when AddressSymbols.Is(type, _symbols.IPv4Address): return ("192.0.0.171", ParseTarget.IPv4Address);
        }
        return (null, ParseTarget.None);
    }

    private static bool InnerAccepts(ParseTarget target, string text, in ParsedText parsed, PrefixMode mode)
    {
        bool hostBitsRefused = mode == PrefixMode.Strict && parsed.HostBitsSet;
        switch (target)
        {
            case ParseTarget.IPAddress:
                return parsed.Shape == AddressShape.IPv4Address || parsed.Shape == AddressShape.IPv6Address;
            case ParseTarget.IPv4Address:
                return parsed.Shape == AddressShape.IPv4Address;
            case ParseTarget.IPv6Address:
                return parsed.Shape == AddressShape.IPv6Address;
            case ParseTarget.IPv4Prefix:
                return parsed.Shape == AddressShape.IPv4Prefix && !hostBitsRefused;
            case ParseTarget.IPv6Prefix:
                return parsed.Shape == AddressShape.IPv6Prefix && parsed.Zone is null && !hostBitsRefused;
            case ParseTarget.Nat64Prefix:
                return parsed.Shape == AddressShape.IPv6Prefix && parsed.Zone is null
                    && AddressChecks.CheckNat64(parsed, text, mode).IsNone;
        }
        return false;
    }

    /// <summary>The argument holding the text: the first parameter of Parse/TryParse.</summary>
    public static IArgumentOperation? TextArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
            if (argument.Parameter?.Ordinal == 0) return argument;
        return null;
    }

    /// <summary>The PrefixParseMode argument: Strict when there is none, Unknown when it is not a constant.</summary>
    public PrefixMode ModeOf(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is null || !AddressSymbols.Is(argument.Parameter.Type, _symbols.PrefixParseMode)) continue;
            var value = ConstantText.Unwrap(argument.Value).ConstantValue;
            if (!value.HasValue || !(value.Value is int mode)) return PrefixMode.Unknown;
            return mode == 0 ? PrefixMode.Strict : mode == 1 ? PrefixMode.Normalize : PrefixMode.Unknown;
        }
        return PrefixMode.Strict;
    }
}
