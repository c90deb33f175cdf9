namespace IsatapPlatform.Client;

/// <summary>A deployment plan as a zip download (every artifact plus a README): the answer of
/// <see cref="IsatapPlatformClient.CreateIsatapPlanBundleAsync(Contracts.Plans.PlanRequest, CancellationToken)"/>. Owns <see cref="Content"/>: dispose the
/// bundle when done with it.</summary>
/// <remarks>The client has read the whole zip before returning (it is a few kilobytes), so the call's timeouts
/// and retries covered the download and <see cref="Content"/> is seekable, as <c>System.IO.Compression.ZipArchive</c>
/// prefers.</remarks>
public sealed class IsatapPlanBundle : IDisposable, IAsyncDisposable
{
    /// <summary>The name used when the response did not carry a usable one.</summary>
    public const string DefaultFileName = "isatap-plan.zip";

    private readonly HttpResponseMessage? _response;

    /// <summary>Creates a bundle over <paramref name="content"/>, which it then owns (for test doubles; the client
    /// creates bundles itself).</summary>
    /// <param name="fileName">The download name, for example <c>isatap-plan-deploy-isatap-mo.zip</c>.</param>
    /// <param name="content">The zip.</param>
    public IsatapPlanBundle(string fileName, Stream content)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(content);
        FileName = fileName;
        Content = content;
    }

    internal IsatapPlanBundle(string fileName, Stream content, HttpResponseMessage response) : this(fileName, content)
    {
        _response = response;
    }

    /// <summary>The download name from the response's Content-Disposition (<c>isatap-plan-{mode}[-{router}].zip</c>),
    /// reduced to a bare file name so that it is safe to save under a directory of your choosing; <see cref="DefaultFileName"/>
    /// when the response named none.</summary>
    public string FileName { get; }

    /// <summary>The zip (<c>application/zip</c>).</summary>
    public Stream Content { get; }

    /// <summary>Disposes <see cref="Content"/> and the response it came from.</summary>
    public void Dispose()
    {
        Content.Dispose();
        _response?.Dispose();
    }

    /// <summary>Disposes <see cref="Content"/> and the response it came from.</summary>
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _response?.Dispose();
    }

    /// <summary>The file name part of a Content-Disposition value: never a path, since callers save it.</summary>
    internal static string SafeFileName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return DefaultFileName;
        name = name.Trim().Trim('"');
        int slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0) name = name[(slash + 1)..];
        if (name.Length == 0 || name is "." or ".." || name.AsSpan().IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains(':'))
            return DefaultFileName;
        return name;
    }
}
