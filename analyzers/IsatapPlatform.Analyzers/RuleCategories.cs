namespace IsatapPlatform.Analyzers;

/// <summary>Diagnostic categories. A change of category is a breaking change for users' .editorconfig
/// files (dotnet_analyzer_diagnostic.category-*.severity) and shows up in AnalyzerReleases.*.md.</summary>
public static class RuleCategories
{
    /// <summary>Address and prefix values that are wrong for the RFC or for the API they are given to.</summary>
    public const string Addressing = "Addressing";

    /// <summary>Configuration that works but deploys something the operator did not mean to.</summary>
    public const string Deployment = "Deployment";

    /// <summary>API misuse that compiles but behaves differently from what the code says.</summary>
    public const string Usage = "Usage";
}
