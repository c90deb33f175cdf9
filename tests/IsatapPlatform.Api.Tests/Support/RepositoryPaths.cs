namespace IsatapPlatform.Api.Tests.Support;

/// <summary>Files of the repository the tests compare against (the committed OpenAPI document, the .http file).</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: the nearest ancestor of the test binaries holding IsatapPlatform.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path relative to the repository root.</summary>
    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IsatapPlatform.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No IsatapPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
