using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using IsatapPlatform.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace IsatapPlatform.Analyzers;

/// <summary>ISA0007 in command strings: the global ISATAP router name <c>isatap</c> (or an FQDN whose
/// first label is isatap) inside PowerShell, netsh, registry and DNS command strings built in code.
/// The same rule for router names given to the SDK (parameters, request properties) is reported by
/// <see cref="AddressConstantAnalyzer"/>, which already looks at every SDK call.</summary>
/// <remarks>Strings are everywhere, so the first check is always on the literal text: only a string
/// that names one of the commands is looked at further. A plain string literal is a syntax action
/// and is matched on its text alone (no semantic model); interpolated strings and concatenations are
/// operation actions, so the constants in them are read from the operation tree the compiler builds
/// anyway, and this analyzer never binds a method body itself.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GlobalIsatapRouterNameAnalyzer : DiagnosticAnalyzer
{
    // Stands for a part of a string that is not a compile-time constant; it matches no pattern.
    private const char Unknown = '\uFFFF';
    private const int MaxDepth = 32;

    // The router name: isatap or isatap.<dns suffix>, optionally quoted, then the end of the argument.
    private const string Name = @"(?<q>['""]?)(?<name>isatap(?:\.[a-z0-9-]+)*\.?)\k<q>(?=$|[\s;|),'""`])";

    // Each command: the keyword that must appear in its literal text before its pattern is tried
    // (a regular expression per string would cost more than everything else this analyzer does),
    // and the pattern.
    private static readonly string[] s_keywords =
    {
        "NetIsatapConfiguration",
        "router",
        "ISATAP_RouterName",
        "DnsServerResourceRecord",
        "dnscmd",
    };

    private static readonly string[] s_patterns =
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
    };

    // The compiled patterns, built the first time a string gets as far as needing one. Clean code
    // (every build of a consumer that does not set the router name to isatap) never gets there, so
    // it pays neither for constructing the expressions nor for JIT-compiling the regex engine's
    // generic code. A race builds them twice and keeps one; both are equal.
    private static Regex?[]? s_regexes;

    private static Regex Pattern(int index)
    {
        var regexes = s_regexes ??= new Regex?[s_patterns.Length];
        return regexes[index] ??= new Regex(s_patterns[index], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
    }

    // Every keyword above contains one of these ("ISATAP_RouterName" and "set router" contain "router").
    private static readonly string[] s_anchors = { "NetIsatapConfiguration", "router", "DnsServerResourceRecord", "dnscmd" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.GlobalIsatapRouterName);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // The rule is about deploying with this SDK: without it there is nothing to look at.
            if (!AddressSymbols.ReferencesSdk(start.Compilation)) return;
            start.RegisterSyntaxNodeAction(c => Safe.Run(c, 0, AnalyzeLiteral), SyntaxKind.StringLiteralExpression);
            start.RegisterOperationAction(c => Safe.Run(c, 0, AnalyzeComposite), OperationKind.InterpolatedString, OperationKind.Binary);
        });
    }

    /// <summary>Router names given to the SDK: <c>routerName</c> parameters and Router <c>Name</c>
    /// properties, unless the same call or initializer sets <c>allowGlobalName</c> to true.</summary>
    internal static void AnalyzeRouterNames(OperationAnalysisContext context, List<SiteArgument> site)
    {
        bool any = false;
        foreach (var argument in site)
        {
            if (argument.Role == ArgumentRole.AllowGlobalName && ConstantText.Unwrap(argument.Value).ConstantValue is { HasValue: true, Value: true })
                return;
            any |= argument.Role == ArgumentRole.RouterName;
        }
        if (!any) return;
        foreach (var argument in site)
        {
            if (argument.Role != ArgumentRole.RouterName || !ConstantText.TryGetText(argument.Value, out string text)) continue;
            if (!IsGlobalName(text.Trim())) continue;
            var value = ConstantText.Unwrap(argument.Value);
            context.ReportDiagnostic(Diagnostic.Create(Rules.GlobalIsatapRouterName, value.Syntax.GetLocation(), AddressChecks.Show(text), text.Trim()));
        }
    }

    /// <summary>Whether "isatap" occurs as a name of its own (not inside NetIsatapConfiguration or
    /// isatap-mo): the patterns need that, and most command strings do not have it.</summary>
    internal static bool HasStandaloneIsatap(string text)
    {
        for (int i = text.IndexOf("isatap", StringComparison.OrdinalIgnoreCase); i >= 0;
             i = text.IndexOf("isatap", i + 6, StringComparison.OrdinalIgnoreCase))
        {
            bool startsName = i == 0 || !IsNameChar(text[i - 1]);
            bool endsLabel = i + 6 == text.Length || !(IsNameChar(text[i + 6]) || text[i + 6] == '-');
            if (startsName && endsLabel) return true;
        }
        return false;
    }

    private static bool IsNameChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';

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

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context, int unused)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        // The literal is the whole template, and Match needs a standalone isatap in it: one search
        // that almost every string fails, before the four keyword searches of HasAnchor.
        string text = literal.Token.ValueText;
        if (!HasStandaloneIsatap(text) || IsPartOfLargerString(literal) || !HasAnchor(literal)) return;
        var diagnostic = Match(literal, text);
        if (diagnostic != null) context.ReportDiagnostic(diagnostic);
    }

    private static void AnalyzeComposite(OperationAnalysisContext context, int unused)
    {
        var operation = context.Operation;
        if (operation is IBinaryOperation binary && binary.OperatorKind != BinaryOperatorKind.Add) return;
        var syntax = operation.Syntax;
        if (IsPartOfLargerString(syntax) || !HasAnchor(syntax)) return;
        if (operation.Type?.SpecialType != SpecialType.System_String) return;
        var sb = new StringBuilder();
        Append(operation, sb, 0);
        var diagnostic = Match(syntax, sb.ToString());
        if (diagnostic != null) context.ReportDiagnostic(diagnostic);
    }

    private static Diagnostic? Match(SyntaxNode node, string template)
    {
        if (!HasStandaloneIsatap(template)) return null;
        for (int i = 0; i < s_keywords.Length; i++)
        {
            if (template.IndexOf(s_keywords[i], StringComparison.OrdinalIgnoreCase) < 0) continue;
            Match match;
            try
            {
                match = Pattern(i).Match(template);
            }
            catch (RegexMatchTimeoutException)
            {
                continue;
            }
            if (!match.Success) continue;
            string shown = AddressChecks.Show(template.Replace(Unknown.ToString(), "...").Trim());
            return Diagnostic.Create(Rules.GlobalIsatapRouterName, node.GetLocation(), shown, match.Groups["name"].Value);
        }
        return null;
    }

    private static bool IsPartOfLargerString(SyntaxNode node)
    {
        var parent = node.Parent;
        while (parent is ParenthesizedExpressionSyntax) parent = parent.Parent;
        return parent is InterpolationSyntax || parent.IsKind(SyntaxKind.AddExpression);
    }

    // Literal text of the expression (string literals and the text parts of interpolated strings)
    // names one of the commands. A command assembled entirely from constants declared elsewhere is
    // reported where those constants are concatenated. Walks the few node kinds a string expression
    // is made of, without allocating.
    private static bool HasAnchor(SyntaxNode node)
    {
        switch (node)
        {
            // The raw token text is enough: escapes do not change the letters of a keyword.
            case LiteralExpressionSyntax literal:
                return literal.IsKind(SyntaxKind.StringLiteralExpression) && ContainsAnchor(literal.Token.Text);
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text && ContainsAnchor(text.TextToken.Text)) return true;
                    if (content is InterpolationSyntax hole && HasAnchor(hole.Expression)) return true;
                }
                return false;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return HasAnchor(binary.Left) || HasAnchor(binary.Right);
            case ParenthesizedExpressionSyntax parenthesized:
                return HasAnchor(parenthesized.Expression);
        }
        return false;
    }

    private static bool ContainsAnchor(string text)
    {
        foreach (var anchor in s_anchors)
            if (text.IndexOf(anchor, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        return false;
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
