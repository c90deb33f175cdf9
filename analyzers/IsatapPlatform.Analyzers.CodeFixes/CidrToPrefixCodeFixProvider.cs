using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IsatapPlatform.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace IsatapPlatform.Analyzers.CodeFixes;

/// <summary>ISA0006: <c>IPAddress.Parse("64:ff9b::/96")</c> becomes <c>IPNetwork.Parse(...)</c>
/// (System.Net, .NET 8 and later) or the SDK's <c>IPv6Prefix.Parse(...)</c> / <c>IPv4Prefix.Parse(...)</c>;
/// TryParse likewise. The declared type of the result changes with it when it is written out
/// (<c>IPAddress a = ...</c>, <c>out IPAddress a</c>). The fix is offered only where that is the
/// whole change: a <c>var</c> or IPAddress local, a discarded result or an out declaration.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CidrToPrefixCodeFixProvider)), Shared]
public sealed class CidrToPrefixCodeFixProvider : CodeFixProvider
{
    public const string UseIPNetworkKey = "ISA0006.IPNetwork";
    public const string UseSdkPrefixKey = "ISA0006.SdkPrefix";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.CidrPassedToIPAddressParse);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var invocation = node?.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (invocation?.Expression is not MemberAccessExpressionSyntax memberAccess) return;

        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null) return;
        var compilation = model.Compilation;
        var ipAddress = compilation.GetTypeByMetadataName("System.Net.IPAddress");
        if (model.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, ipAddress))
            return;
        if (!TryFindResultType(model, invocation, method, ipAddress!, context.CancellationToken, out var declaredType)) return;

        var ipNetwork = compilation.GetTypeByMetadataName("System.Net.IPNetwork");
        bool v4 = diagnostic.Properties.TryGetValue(AddressChecks.FamilyProperty, out string? family) && family == "4";
        var sdkPrefix = compilation.GetTypeByMetadataName(v4 ? "IsatapPlatform.Addressing.IPv4Prefix" : "IsatapPlatform.Addressing.IPv6Prefix");

        foreach (var (type, key) in new[] { (ipNetwork, UseIPNetworkKey), (sdkPrefix, UseSdkPrefixKey) })
        {
            if (type is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Parse as {type.Name}",
                    ct => FixAsync(context.Document, memberAccess, declaredType, type, ct),
                    key),
                diagnostic);
        }
    }

    /// <summary>Finds the written-out IPAddress type that must change with the call (null when there
    /// is none, as with var or a discard); false when the fix would not compile.</summary>
    private static bool TryFindResultType(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol method, INamedTypeSymbol ipAddress,
        CancellationToken cancellationToken, out TypeSyntax? declaredType)
    {
        declaredType = null;
        if (method.Name == "TryParse")
        {
            var outArgument = invocation.ArgumentList.Arguments.FirstOrDefault(a => a.RefKindKeyword.IsKind(SyntaxKind.OutKeyword));
            switch (outArgument?.Expression)
            {
                case DeclarationExpressionSyntax declaration:
                    if (declaration.Type.IsVar) return true;
                    declaredType = declaration.Type;
                    return IsIPAddress(model, declaration.Type, ipAddress, cancellationToken);
                case IdentifierNameSyntax { Identifier.ValueText: "_" } discard:
                    return model.GetSymbolInfo(discard, cancellationToken).Symbol is IDiscardSymbol;
                default:
                    return false;
            }
        }

        var parent = invocation.Parent;
        while (parent is ParenthesizedExpressionSyntax) parent = parent.Parent;
        if (parent is ExpressionStatementSyntax) return true;
        // A local only: a field's or property's type is API that other code depends on.
        if (parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax } declarationList } }
            && declarationList.Variables.Count == 1)
        {
            if (declarationList.Type.IsVar) return true;
            declaredType = declarationList.Type;
            return IsIPAddress(model, declarationList.Type, ipAddress, cancellationToken);
        }
        return false;
    }

    private static bool IsIPAddress(SemanticModel model, TypeSyntax type, INamedTypeSymbol ipAddress, CancellationToken cancellationToken)
    {
        var symbol = model.GetTypeInfo(type, cancellationToken).Type;
        return SymbolEqualityComparer.Default.Equals(symbol?.WithNullableAnnotation(NullableAnnotation.NotAnnotated), ipAddress);
    }

    private static async Task<Document> FixAsync(Document document, MemberAccessExpressionSyntax memberAccess, TypeSyntax? declaredType, INamedTypeSymbol newType, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var generator = editor.Generator;
        SyntaxNode TypeName() => generator.TypeExpression(newType).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        editor.ReplaceNode(memberAccess.Expression, TypeName().WithTriviaFrom(memberAccess.Expression));
        // `IPAddress? a` becomes `IPNetwork a`: the prefix types are structs, and a TryParse out is never null on success.
        if (declaredType != null) editor.ReplaceNode(declaredType, TypeName().WithTriviaFrom(declaredType));

        var changed = editor.GetChangedDocument();
        changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
