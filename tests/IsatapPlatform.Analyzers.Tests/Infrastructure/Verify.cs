using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace IsatapPlatform.Analyzers.Tests.Infrastructure;

/// <summary>Runs an analyzer (and a code fix) over test sources compiled offline against the .NET 10
/// reference assemblies (Basic.Reference.Assemblies.Net100; nothing is downloaded at test time, see
/// TOOLCHAIN §4), the real IsatapPlatform.Addressing assembly and, when asked, the fake client.</summary>
internal static class Verify
{
    private static readonly MetadataReference Addressing =
        MetadataReference.CreateFromFile(typeof(IsatapPlatform.Addressing.IPv4Address).Assembly.Location);

    /// <summary>Runs all three analyzers together, so a test also proves that no other analyzer
    /// reports the same constant.</summary>
    public static async Task Analyzers(string source, bool withClient = false, bool withAddressing = true, params DiagnosticResult[] expected)
        => await Analyzers(source, withClient, withAddressing, ignoreCompilerErrors: false, expected);

    public static async Task Analyzers(string source, bool withClient, bool withAddressing, bool ignoreCompilerErrors, params DiagnosticResult[] expected)
    {
        // ISA0007 is reported by two analyzers (SDK values, command strings) with the same descriptor.
        var test = new AllAnalyzersTest { TestCode = source, MarkupOptions = MarkupOptions.UseFirstDescriptor };
        if (ignoreCompilerErrors) test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.AddRange(expected);
        Configure(test, test.TestState, withClient, withAddressing);
        await test.RunAsync();
    }

    public static async Task CodeFix<TAnalyzer, TFix>(
        string source, string fixedSource, bool withClient = false, string? equivalenceKey = null, int? iterations = null,
        DiagnosticResult[]? fixedDiagnostics = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        if (iterations is int n) test.NumberOfFixAllIterations = test.NumberOfIncrementalIterations = n;
        Configure(test, test.TestState, withClient, withAddressing: true);
        Configure(test, test.FixedState, withClient, withAddressing: true);
        if (fixedDiagnostics != null) test.FixedState.ExpectedDiagnostics.AddRange(fixedDiagnostics);
        await test.RunAsync();
    }

    /// <summary>A test with several documents (for a code fix that edits a const in another file).</summary>
    public static async Task CodeFix<TAnalyzer, TFix>(
        (string Name, string Source)[] sources, (string Name, string Source)[] fixedSources)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>();
        foreach (var s in sources) test.TestState.Sources.Add(s);
        foreach (var s in fixedSources) test.FixedState.Sources.Add(s);
        Configure(test, test.TestState, withClient: false, withAddressing: true);
        Configure(test, test.FixedState, withClient: false, withAddressing: true);
        await test.RunAsync();
    }

    private static void Configure(AnalyzerTest<DefaultVerifier> test, SolutionState state, bool withClient, bool withAddressing)
    {
        // An empty ReferenceAssemblies set: the references come from Basic.Reference.Assemblies.
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        if (withAddressing) state.AdditionalReferences.Add(Addressing);
        if (withClient) state.Sources.Add(("FakeClient.cs", FakeClient.Source));
    }

    /// <summary>An expected diagnostic with the severity the rule ships with.</summary>
    private sealed class AllAnalyzersTest : CSharpAnalyzerTest<AddressConstantAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers()
            => [new AddressConstantAnalyzer(), new GlobalIsatapRouterNameAnalyzer(), new IPAddressReferenceEqualityAnalyzer()];
    }

    public static DiagnosticResult Diagnostic(string id) => new(AllDescriptors.Single(d => d.Id == id));

    public static readonly ImmutableArray<DiagnosticDescriptor> AllDescriptors =
        new DiagnosticAnalyzer[] { new AddressConstantAnalyzer(), new GlobalIsatapRouterNameAnalyzer(), new IPAddressReferenceEqualityAnalyzer() }
            .SelectMany(a => a.SupportedDiagnostics).ToImmutableArray();
}
