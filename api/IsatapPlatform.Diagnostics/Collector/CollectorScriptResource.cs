using System.Reflection;

namespace IsatapPlatform.Diagnostics.Collector;

/// <summary>The embedded <c>windows.ps1</c>, read once.</summary>
internal static class CollectorScriptResource
{
    public const string ResourceName = "IsatapPlatform.Diagnostics.Collector.windows.ps1";

    public static string Text { get; } = Load();

    private static string Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
