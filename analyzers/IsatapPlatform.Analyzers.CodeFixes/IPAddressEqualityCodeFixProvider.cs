using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IsatapPlatform.Analyzers.CodeFixes;

/// <summary>ISA0009: <c>a == b</c> becomes <c>object.Equals(a, b)</c> and <c>a != b</c> becomes
/// <c>!object.Equals(a, b)</c>. The static object.Equals is null-safe (unlike a.Equals(b)) and,
/// written qualified, cannot bind to an Equals(x, y) of the enclosing type (an
/// IEqualityComparer&lt;IPAddress&gt; would otherwise call itself).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IPAddressEqualityCodeFixProvider)), Shared]
public sealed class IPAddressEqualityCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.IPAddressReferenceEquality);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BinaryExpressionSyntax binary) return;
        if (!binary.IsKind(SyntaxKind.EqualsExpression) && !binary.IsKind(SyntaxKind.NotEqualsExpression)) return;

        context.RegisterCodeFix(
            CodeAction.Create("Compare with object.Equals", ct => FixAsync(context.Document, binary, ct), nameof(IPAddressEqualityCodeFixProvider)),
            diagnostic);
    }

    private static async Task<Document> FixAsync(Document document, BinaryExpressionSyntax binary, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;

        ExpressionSyntax equals = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.ObjectKeyword)),
                SyntaxFactory.IdentifierName(nameof(object.Equals))),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
            {
                SyntaxFactory.Argument(binary.Left.WithoutTrivia()),
                SyntaxFactory.Argument(binary.Right.WithoutTrivia()),
            })));
        if (binary.IsKind(SyntaxKind.NotEqualsExpression))
            equals = SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, equals);

        return document.WithSyntaxRoot(root.ReplaceNode(binary, equals.WithTriviaFrom(binary)));
    }
}
