using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using IsatapPlatform.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace IsatapPlatform.Analyzers;

/// <summary>ISA0007: the global ISATAP router name <c>isatap</c> (or an FQDN whose first label is
/// isatap) as a constant router name in SDK calls and plan requests, or inside PowerShell, netsh,
/// registry and DNS command strings built in code.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GlobalIsatapRouterNameAnalyzer : DiagnosticAnalyzer
{
    // Stands for a part of a string that is not a compile-time constant; it matches no pattern.
    private const char Unknown = '\uFFFF';
    private const int MaxDepth = 32;

    // The router name: isatap or isatap.<dns suffix>, optionally quoted, then the end of the argument.
    private const string Name = @"(?<q>['""]?)(?<name>isatap(?:\.[a-z0-9-]+)*\.?)\k<q>(?=$|[\s;|),'""`])";

    private static readonly Regex s_commands = new(
        string.Join("|", new[]
        {
            // Set-NetIsatapConfiguration -Router isatap
            @"Set-NetIsatapConfiguration\b[^\r\n;|]*?-Router(?::\s*|\s+)" + Name,
            // netsh interface [ipv6] isatap set router [name=]isatap
            @"\bisatap\s+set\s+router\s+(?:name\s*=\s*)?" + Name,
            // the "Set ISATAP Router Name" policy value: -Name ISATAP_RouterName -Value isatap, reg add ... /v ISATAP_RouterName /d isatap
            @"\bISATAP_RouterName\b[^\r\n;|]*?(?:-Value(?::\s*|\s+)|/d\s+)" + Name,
            // publishing the name in DNS: Add-DnsServerResourceRecordA -Name isatap, dnscmd /recordadd zone isatap A ...
            @"Add-DnsServerResourceRecord\w*\b[^\r\n;|]*?-Name(?::\s*|\s+)" + Name,
            @"\bdnscmd\b[^\r\n;|]*?/recordadd\s+\S+\s+" + Name,
        }),
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(200));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.GlobalIsatapRouterName);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = AddressSymbols.Create(start.Compilation);
            if (!symbols.HasSdk) return;
            var sites = new CallSites(symbols, new SdkConventions(symbols));

            start.RegisterOperationAction(c => Safe.Run(c, sites, AnalyzeInvocation), OperationKind.Invocation);
            start.RegisterOperationAction(c => Safe.Run(c, sites, AnalyzeObjectCreation), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => Safe.Run(c, sites, AnalyzeInitializer), OperationKind.ObjectOrCollectionInitializer);
            start.RegisterOperationAction(
                c => Safe.Run(c, sites, AnalyzeString),
                OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Binary);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, CallSites sites)
    {
        var site = sites.FromInvocation((IInvocationOperation)context.Operation);
        if (site != null) AnalyzeSite(context, site);
    }

    private static void AnalyzeObjectCreation(OperationAnalysisContext context, CallSites sites)
    {
        var site = sites.FromObjectCreation((IObjectCreationOperation)context.Operation);
        if (site != null) AnalyzeSite(context, site);
    }

    private static void AnalyzeInitializer(OperationAnalysisContext context, CallSites sites)
    {
        var initializer = (IObjectOrCollectionInitializerOperation)context.Operation;
        if (initializer.Parent is IObjectCreationOperation) return;
        var site = sites.FromInitializer(initializer);
        if (site != null) AnalyzeSite(context, site);
    }

    private static void AnalyzeSite(OperationAnalysisContext context, List<SiteArgument> site)
    {
        // allowGlobalName: true / AllowGlobalName = true is the documented, explicit opt-in.
        foreach (var argument in site)
        {
            if (argument.Role == ArgumentRole.AllowGlobalName && ConstantText.Unwrap(argument.Value).ConstantValue is { HasValue: true, Value: true })
                return;
        }
        foreach (var argument in site)
        {
            if (argument.Role != ArgumentRole.RouterName || !ConstantText.TryGetText(argument.Value, out string text)) continue;
            if (!IsGlobalName(text.Trim())) continue;
            var value = ConstantText.Unwrap(argument.Value);
            context.ReportDiagnostic(Diagnostic.Create(Rules.GlobalIsatapRouterName, value.Syntax.GetLocation(), AddressChecks.Show(text), text.Trim()));
        }
    }

    /// <summary>isatap, or an FQDN whose first label is isatap (isatap.corp.contoso.com), any case.</summary>
    internal static bool IsGlobalName(string name)
    {
        if (!name.StartsWith("isatap", StringComparison.OrdinalIgnoreCase)) return false;
        if (name.Length == 6) return true;
        if (name[6] != '.') return false;
        for (int i = 7; i < name.Length; i++)
        {
            char c = name[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
        }
        return true;
    }

    private static void AnalyzeString(OperationAnalysisContext context, CallSites sites)
    {
        var operation = context.Operation;
        if (operation.Type?.SpecialType != SpecialType.System_String) return;
        if (operation is IBinaryOperation binary && binary.OperatorKind != BinaryOperatorKind.Add) return;
        // Only the outermost string expression: its parts are part of its text.
        if (IsPartOfLargerString(operation)) return;
        if (operation is ILiteralOperation && !(operation.ConstantValue.Value is string s && s.IndexOf("isatap", StringComparison.OrdinalIgnoreCase) >= 0))
            return;

        var sb = new StringBuilder();
        Append(operation, sb, 0);
        string template = sb.ToString();
        if (template.IndexOf("isatap", StringComparison.OrdinalIgnoreCase) < 0) return;

        Match match;
        try
        {
            match = s_commands.Match(template);
        }
        catch (RegexMatchTimeoutException)
        {
            return;
        }
        if (!match.Success) return;
        string shown = AddressChecks.Show(template.Replace(Unknown.ToString(), "...").Trim());
        context.ReportDiagnostic(Diagnostic.Create(Rules.GlobalIsatapRouterName, operation.Syntax.GetLocation(), shown, match.Groups["name"].Value));
    }

    private static bool IsPartOfLargerString(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation || parent is IParenthesizedOperation) parent = parent.Parent;
        return parent is IInterpolatedStringTextOperation
            || parent is IInterpolationOperation
            || (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } b && b.Type?.SpecialType == SpecialType.System_String);
    }

    // The text of a string expression with every non-constant part replaced by Unknown.
    private static void Append(IOperation operation, StringBuilder sb, int depth)
    {
        var op = ConstantText.Unwrap(operation);
        if (depth > MaxDepth)
        {
            sb.Append(Unknown);
            return;
        }
        if (op.ConstantValue.HasValue)
        {
            sb.Append(op.ConstantValue.Value is string s ? s : Convert.ToString(op.ConstantValue.Value, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        switch (op)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation text) sb.Append(text.Text.ConstantValue.Value as string);
                    else if (part is IInterpolationOperation { Alignment: null, FormatString: null } hole) Append(hole.Expression, sb, depth + 1);
                    else sb.Append(Unknown);
                }
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                Append(binary.LeftOperand, sb, depth + 1);
                Append(binary.RightOperand, sb, depth + 1);
                return;
        }
        sb.Append(Unknown);
    }
}
