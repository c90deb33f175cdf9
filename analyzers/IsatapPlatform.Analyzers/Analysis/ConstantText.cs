using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IsatapPlatform.Analyzers.Analysis;

/// <summary>Reads the compile-time text of an expression: literals, const fields and locals,
/// constant concatenations, interpolated strings whose holes are all constants (of any primitive
/// type, formatted with the invariant culture, as C# does for constants), UTF-8 literals and
/// <c>"...".AsSpan()</c>. Anything else is not constant and stays silent.</summary>
internal static class ConstantText
{
    // Deep concatenation chains are folded by the compiler when constant; a non-constant chain is
    // walked at most this deep so that a pathological expression cannot overflow the stack.
    private const int MaxDepth = 32;

    /// <summary>Strips implicit conversions and user-defined implicit conversions (string to
    /// ReadOnlySpan&lt;char&gt;, Nat64Prefix to IPv6Prefix) and parentheses.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        var current = operation;
        for (int i = 0; i < MaxDepth; i++)
        {
            switch (current)
            {
                case IConversionOperation conversion when conversion.IsImplicit || conversion.Conversion.IsUserDefined || conversion.Conversion.IsIdentity:
                    current = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    current = parenthesized.Operand;
                    continue;
            }
            break;
        }
        return current;
    }

    /// <summary>Where a diagnostic about a constant goes: the string itself, not the
    /// <c>.AsSpan()</c> call around it (so the code fix finds the literal).</summary>
    public static IOperation TextOperation(IOperation operation)
    {
        var op = Unwrap(operation);
        for (int i = 0; i < MaxDepth && op is IInvocationOperation { TargetMethod.Name: "AsSpan", Arguments.Length: 1 } invocation
            && invocation.TargetMethod.ContainingType?.Name == "MemoryExtensions"; i++)
        {
            op = Unwrap(invocation.Arguments[0].Value);
        }
        return op;
    }

    public static bool TryGetText(IOperation? operation, out string text)
    {
        text = string.Empty;
        if (operation is null) return false;
        var result = Evaluate(operation, 0);
        if (result is null) return false;
        text = result;
        return true;
    }

    private static string? Evaluate(IOperation operation, int depth)
    {
        if (depth > MaxDepth) return null;
        var op = Unwrap(operation);

        if (op.ConstantValue.HasValue)
            return op.ConstantValue.Value is string s ? s : null;

        switch (op)
        {
            case IUtf8StringOperation utf8:
                return utf8.Value;

            case IInterpolatedStringOperation interpolated:
                return EvaluateInterpolated(interpolated);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                var left = EvaluatePart(binary.LeftOperand, depth + 1);
                if (left is null) return null;
                var right = EvaluatePart(binary.RightOperand, depth + 1);
                return right is null ? null : left + right;

            case IInvocationOperation { TargetMethod.Name: "AsSpan" } invocation
                when invocation.TargetMethod.ContainingType?.Name == "MemoryExtensions" && invocation.Arguments.Length == 1:
                return Evaluate(invocation.Arguments[0].Value, depth + 1);
        }
        return null;
    }

    // An operand of string concatenation: a string, or a constant of another type that C# formats.
    private static string? EvaluatePart(IOperation operation, int depth)
    {
        var op = Unwrap(operation);
        if (op.ConstantValue.HasValue && !(op.ConstantValue.Value is string))
            return FormatConstant(op.ConstantValue.Value);
        return Evaluate(op, depth);
    }

    private static string? EvaluateInterpolated(IInterpolatedStringOperation interpolated)
    {
        var sb = new StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation text:
                    if (!(text.Text.ConstantValue.Value is string literal)) return null;
                    sb.Append(literal);
                    break;
                case IInterpolationOperation hole:
                    if (hole.Alignment != null || hole.FormatString != null) return null;
                    var value = Unwrap(hole.Expression);
                    if (!value.ConstantValue.HasValue) return null;
                    var formatted = value.ConstantValue.Value is string s ? s : FormatConstant(value.ConstantValue.Value);
                    if (formatted is null) return null;
                    sb.Append(formatted);
                    break;
                default:
                    return null;
            }
        }
        return sb.ToString();
    }

    private static string? FormatConstant(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        char c => c.ToString(),
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };
}
