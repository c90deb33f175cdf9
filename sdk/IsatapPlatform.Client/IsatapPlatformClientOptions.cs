namespace IsatapPlatform.Client;

/// <summary>Settings of an <see cref="IsatapPlatformClient"/>.</summary>
public sealed class IsatapPlatformClientOptions
{
    /// <summary>The largest batch the service accepts in one request (<c>batch.too-large</c> above it).</summary>
    public const int MaxBatchSize = 100_000;

    /// <summary>The service's root address, for example <c>https://isatap.corp.contoso.com/</c>. When null,
    /// the <see cref="HttpClient.BaseAddress"/> of the client's <see cref="HttpClient"/> is used; one of
    /// the two must be set.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>How many addresses each request of a batch derivation carries (1 to <see cref="MaxBatchSize"/>,
    /// default 10,000). Longer inputs are sent as several requests, one after another, and their results are
    /// yielded in input order.</summary>
    public int BatchSize { get; set; } = 10_000;
}
