using System.Collections.Immutable;
using IsatapPlatform.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace IsatapPlatform.Analyzers;

/// <summary>ISA0009: <c>IPAddress == IPAddress</c> and <c>!=</c>. IPAddress declares no operators, so
/// these compare references. Comparisons with null and explicit casts to object are left alone.</summary>
/// <remarks>An operation action: the compiler builds the operation trees once for every analyzer that
/// needs them (the SDK's default .NET analyzers already do), so the callback only reads the operator
/// kind of each binary operation and returns. A syntax action would have to ask the semantic model
/// for the operand types and could be the one that binds the method body.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IPAddressReferenceEqualityAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.IPAddressReferenceEquality);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var ipAddress = AddressSymbols.FindIPAddress(start.Compilation);
            if (ipAddress is null) return;
            start.RegisterOperationAction(c => Safe.Run(c, ipAddress, Analyze), OperationKind.Binary);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol ipAddress)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind != BinaryOperatorKind.Equals && binary.OperatorKind != BinaryOperatorKind.NotEquals) return;
        // A user-defined operator (there is none on IPAddress today) would compare values.
        if (binary.OperatorMethod != null) return;
        if (!IsIPAddress(binary.LeftOperand, ipAddress) || !IsIPAddress(binary.RightOperand, ipAddress)) return;
        context.ReportDiagnostic(Diagnostic.Create(Rules.IPAddressReferenceEquality, binary.Syntax.GetLocation(), binary.Syntax.ToString()));
    }

    // The operand's own type, seen through the implicit conversion to object that reference equality
    // inserts. An explicit cast ((object)a == b) says reference equality is meant.
    private static bool IsIPAddress(IOperation operand, INamedTypeSymbol ipAddress)
    {
        var op = operand;
        while (op is IConversionOperation { IsImplicit: true } conversion) op = conversion.Operand;
        if (op.ConstantValue.HasValue) return false; // null, default
        for (var type = op.Type; type != null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, ipAddress)) return true;
        }
        return false;
    }
}
