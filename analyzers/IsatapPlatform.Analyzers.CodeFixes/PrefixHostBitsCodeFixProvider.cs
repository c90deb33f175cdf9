using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using IsatapPlatform.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IsatapPlatform.Analyzers.CodeFixes;

/// <summary>ISA0003: rewrites the constant to the canonical prefix ("2001:db8::1/32" becomes
/// "2001:db8::/32"). The literal is edited where it is written: in place, or in the declaration of
/// the const field or local it comes from (possibly in another file). An interpolated string or a
/// concatenation of constants is replaced by the literal.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PrefixHostBitsCodeFixProvider)), Shared]
public sealed class PrefixHostBitsCodeFixProvider : CodeFixProvider
{
    private const int MaxConstHops = 8;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.PrefixHostBits);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(AddressChecks.CanonicalProperty, out string? canonical) || canonical is null) return;
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression) return;

        var target = await FindLiteralAsync(context.Document, expression, context.CancellationToken).ConfigureAwait(false);
        if (target is null) return;

        string title = $"Use the canonical prefix \"{canonical}\"";
        context.RegisterCodeFix(
            CodeAction.Create(title, ct => ReplaceAsync(context.Document.Project.Solution, target.Value, canonical, ct), nameof(PrefixHostBitsCodeFixProvider)),
            diagnostic);
    }

    /// <summary>The expression to replace: a string literal (followed through const fields and
    /// locals declared in source), or a constant interpolated string or concatenation.</summary>
    private static async Task<(DocumentId Document, ExpressionSyntax Node)?> FindLiteralAsync(Document document, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var solution = document.Project.Solution;
        var current = (Document: document, Node: expression);
        for (int hop = 0; hop < MaxConstHops; hop++)
        {
            var node = current.Node;
            while (node is ParenthesizedExpressionSyntax parenthesized) node = parenthesized.Expression;
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                    return (current.Document.Id, literal);
                case InterpolatedStringExpressionSyntax or BinaryExpressionSyntax:
                    return (current.Document.Id, node);
            }

            var model = await current.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var symbol = model?.GetSymbolInfo(node, cancellationToken).Symbol;
            bool isConst = symbol is IFieldSymbol { IsConst: true } || symbol is ILocalSymbol { IsConst: true };
            if (!isConst || symbol!.DeclaringSyntaxReferences.Length != 1) return null;
            var declaration = await symbol.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            if (declaration is not VariableDeclaratorSyntax { Initializer.Value: { } value }) return null;
            var declaringDocument = solution.GetDocument(declaration.SyntaxTree);
            if (declaringDocument is null) return null;
            current = (declaringDocument, value);
        }
        return null;
    }

    private static async Task<Solution> ReplaceAsync(Solution solution, (DocumentId Document, ExpressionSyntax Node) target, string canonical, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(target.Document);
        var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (document is null || root is null) return solution;

        bool utf8 = target.Node.IsKind(SyntaxKind.Utf8StringLiteralExpression);
        ExpressionSyntax replacement = utf8
            ? SyntaxFactory.ParseExpression("\"" + canonical + "\"u8")
            : SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(canonical));
        replacement = replacement.WithTriviaFrom(target.Node);
        return solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(target.Node, replacement));
    }
}
