using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using IsatapPlatform.Analyzers.Analysis;
using IsatapPlatform.Analyzers.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace IsatapPlatform.Analyzers;

/// <summary>Judges constant address and prefix text where it is parsed or handed to the SDK:
/// ISA0001-ISA0006, ISA0008, ISA0010 and ISA0011, and ISA0007 for constant router names given to the
/// SDK. One analyzer, so that each call is looked at once and each constant gets at most one
/// diagnostic (the most specific) from these rules. (ISA0007 in command strings is
/// <see cref="GlobalIsatapRouterNameAnalyzer"/>.)</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AddressConstantAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.Nat64PrefixLength,
        Rules.Nat64PrefixUOctet,
        Rules.PrefixHostBits,
        Rules.InvalidAddressText,
        Rules.WrongAddressFamily,
        Rules.CidrPassedToIPAddressParse,
        Rules.WellKnownPrefixNonGlobalIPv4,
        Rules.IsatapPrefixLength,
        Rules.SwappedArguments,
        Rules.GlobalIsatapRouterName);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = AddressSymbols.Create(start.Compilation);
            if (!symbols.HasAnyAddressType) return;
            var sites = new CallSites(symbols, new SdkConventions(symbols));

            start.RegisterOperationAction(c => Safe.Run(c, sites, AnalyzeInvocation), OperationKind.Invocation);
            if (!symbols.HasSdk) return;
            start.RegisterOperationAction(c => Safe.Run(c, sites, AnalyzeObjectCreation), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => Safe.Run(c, sites, AnalyzeInitializer), OperationKind.ObjectOrCollectionInitializer);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, CallSites sites)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var target = sites.Symbols.GetParseTarget(invocation.TargetMethod);
        if (target != ParseTarget.None)
        {
            AnalyzeParse(context, sites, invocation, target);
            return;
        }
        var site = sites.FromInvocation(invocation);
        if (site != null) AnalyzeSite(context, sites, site);
    }

    private static void AnalyzeObjectCreation(OperationAnalysisContext context, CallSites sites)
    {
        var site = sites.FromObjectCreation((IObjectCreationOperation)context.Operation);
        if (site != null) AnalyzeSite(context, sites, site);
    }

    // Initializers that are not part of an object creation: `with { ... }` and nested member
    // initializers (`Deployment = { IsatapPrefix = "..." }`). Those of `new T { ... }` are analysed
    // together with the constructor arguments.
    private static void AnalyzeInitializer(OperationAnalysisContext context, CallSites sites)
    {
        var initializer = (IObjectOrCollectionInitializerOperation)context.Operation;
        if (initializer.Parent is IObjectCreationOperation) return;
        var site = sites.FromInitializer(initializer);
        if (site != null) AnalyzeSite(context, sites, site);
    }

    private static void AnalyzeParse(OperationAnalysisContext context, CallSites sites, IInvocationOperation invocation, ParseTarget target)
    {
        var argument = CallSites.TextArgument(invocation);
        if (argument is null || !ConstantText.TryGetText(argument.Value, out string text)) return;
        var finding = AddressChecks.Check(AddressChecks.KindOf(target), text, sites.ModeOf(invocation), invocation.TargetMethod.Name);
        if (finding.IsNone) return;
        // Inside a call whose arguments look swapped, ISA0011 on the call says it better.
        if ((finding.Descriptor == Rules.WrongAddressFamily || finding.Descriptor == Rules.InvalidAddressText) && IsInSwappedSite(sites, invocation))
            return;
        context.ReportDiagnostic(finding.ToDiagnostic(ConstantText.TextOperation(argument.Value).Syntax.GetLocation()));
    }

    private static bool IsInSwappedSite(CallSites sites, IOperation operation)
    {
        var site = sites.EnclosingSite(operation, out var valueInSite);
        if (site is null || valueInSite is null) return false;
        var values = Evaluate(sites, site);
        var swap = FindSwap(site, values);
        return swap.Prefix >= 0 && (site[swap.Prefix].Value == valueInSite || site[swap.IPv4].Value == valueInSite);
    }

    private static EvaluatedValue?[] Evaluate(CallSites sites, List<SiteArgument> site)
    {
        var values = new EvaluatedValue?[site.Count];
        for (int i = 0; i < site.Count; i++)
        {
            var role = site[i].Role;
            if (role == ArgumentRole.IPv4 || AddressChecks.IsPrefixRole(role)) values[i] = sites.Evaluate(site[i].Value);
        }
        return values;
    }

    private static void AnalyzeSite(OperationAnalysisContext context, CallSites sites, List<SiteArgument> site)
    {
        GlobalIsatapRouterNameAnalyzer.AnalyzeRouterNames(context, site);
        var values = Evaluate(sites, site);
        var handled = new bool[site.Count];

        // ISA0011 first: when the prefix and the IPv4 address trade places, the two family errors are one mistake.
        var (prefix, ipv4) = FindSwap(site, values);
        if (prefix >= 0)
        {
            var p = values[prefix]!.Value;
            var v = values[ipv4]!.Value;
            context.ReportDiagnostic(Diagnostic.Create(
                Rules.SwappedArguments,
                p.ReportOn.Syntax.GetLocation(),
                new[] { v.ReportOn.Syntax.GetLocation() },
                AddressChecks.Show(p.Text), site[prefix].Name, AddressChecks.Show(v.Text), site[ipv4].Name));
            handled[prefix] = handled[ipv4] = true;
        }

        for (int i = 0; i < site.Count; i++)
        {
            if (handled[i] || site[i].IsReceiver || !(values[i] is EvaluatedValue value)) continue;
            var finding = CheckValue(site[i].Role, value);
            if (finding.IsNone) continue;
            context.ReportDiagnostic(finding.ToDiagnostic(value.ReportOn.Syntax.GetLocation()));
            handled[i] = true;
        }

        // ISA0008: the well-known prefix and a non-global IPv4 in the same call or request.
        bool wellKnownPrefix = false;
        for (int i = 0; i < site.Count; i++)
        {
            if (values[i] is EvaluatedValue value && AddressChecks.IsPrefixRole(site[i].Role) && site[i].Role != ArgumentRole.IsatapPrefix
                && value.InnerValid && value.Parsed.Zone is null && !value.Parsed.HostBitsSet
                && AddressFacts.IsWellKnownNat64Prefix(value.Parsed))
            {
                wellKnownPrefix = true;
            }
        }
        if (!wellKnownPrefix) return;
        for (int i = 0; i < site.Count; i++)
        {
            if (handled[i] || site[i].Role != ArgumentRole.IPv4 || !(values[i] is EvaluatedValue value)) continue;
            if (value.Parsed.Shape != AddressShape.IPv4Address || !AddressChecks.IsPolicyViolation(value.Parsed.IPv4Value)) continue;
            context.ReportDiagnostic(Diagnostic.Create(Rules.WellKnownPrefixNonGlobalIPv4, value.ReportOn.Syntax.GetLocation(), AddressText.FormatIPv4(value.Parsed.IPv4Value)));
        }
    }

    /// <summary>A prefix role holding IPv4 text and an IPv4 role holding IPv6 text; (-1, -1) when none.</summary>
    private static (int Prefix, int IPv4) FindSwap(List<SiteArgument> site, EvaluatedValue?[] values)
    {
        for (int p = 0; p < site.Count; p++)
        {
            if (site[p].IsReceiver || !AddressChecks.IsPrefixRole(site[p].Role) || !(values[p] is EvaluatedValue prefix) || !prefix.Parsed.IsIPv4) continue;
            for (int v = 0; v < site.Count; v++)
            {
                if (site[v].Role == ArgumentRole.IPv4 && values[v] is EvaluatedValue ipv4 && ipv4.Parsed.IsIPv6)
                    return (p, v);
            }
        }
        return (-1, -1);
    }

    /// <summary>The rules for one value at an SDK role.</summary>
    private static Finding CheckValue(ArgumentRole role, EvaluatedValue value)
    {
        // Raw text is judged as the service will parse it (strictly).
        if (value.IsRawText) return AddressChecks.Check(AddressChecks.KindOf(role), value.Text, value.Parsed, PrefixMode.Strict);

        // A Parse result that cannot parse is reported at the Parse call; here only what the inner
        // type does not already guarantee is checked.
        if (!value.InnerValid) return default;
        var parsed = value.Parsed;
        string shown = AddressChecks.Show(value.Text);
        switch (role)
        {
            case ArgumentRole.IPv4:
                return parsed.IsIPv6 ? Finding.Of(Rules.WrongAddressFamily, shown, AddressChecks.Describe(parsed), "IPv4 address") : default;

            case ArgumentRole.Nat64Prefix:
                if (value.Origin == ParseTarget.Nat64Prefix) return default;
                if (parsed.IsIPv4) return Finding.Of(Rules.WrongAddressFamily, shown, AddressChecks.Describe(parsed), "NAT64 prefix");
                return parsed.Shape == AddressShape.IPv6Prefix ? AddressChecks.CheckNat64(parsed.Network(), shown, PrefixMode.Normalize) : default;

            case ArgumentRole.IsatapPrefix:
                if (parsed.IsIPv4) return Finding.Of(Rules.WrongAddressFamily, shown, AddressChecks.Describe(parsed), "ISATAP prefix");
                return parsed.Shape == AddressShape.IPv6Prefix && parsed.Length != 64 ? Finding.Of(Rules.IsatapPrefixLength, shown, parsed.Length) : default;

            case ArgumentRole.Prefix:
                return parsed.IsIPv4 && parsed.IsPrefix ? Finding.Of(Rules.WrongAddressFamily, shown, AddressChecks.Describe(parsed), "IPv6 prefix") : default;
        }
        return default;
    }
}

/// <summary>Runs an analysis callback so that a bug in it cannot become AD0001, which breaks the
/// user's build under TreatWarningsAsErrors. Debug builds (the tests) let the exception through so
/// bugs are seen; the packed Release build swallows it and reports nothing for that operation.</summary>
internal static class Safe
{
    public static void Run<TContext, TState>(TContext context, TState state, Action<TContext, TState> action)
    {
        try
        {
            action(context, state);
        }
        catch (Exception ex) when (Swallow(ex))
        {
        }
    }

    private static bool Swallow(Exception ex)
    {
        if (ex is OperationCanceledException) return false;
#if DEBUG
        return false;
#else
        return true;
#endif
    }
}
