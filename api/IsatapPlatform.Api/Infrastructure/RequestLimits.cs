namespace IsatapPlatform.Api.Infrastructure;

/// <summary>The documented size limits. They bound the memory one request can take; the OpenAPI
/// description and the README quote them, so change all three together.</summary>
public static class RequestLimits
{
    /// <summary>Largest JSON body of the single-item endpoints: 1 MiB.</summary>
    public const long MaxJsonBodyBytes = 1L << 20;

    /// <summary>Largest body of <c>POST /api/v1/nat64/derive/batch</c>: 8 MiB, room for
    /// <see cref="MaxBatchItems"/> dotted quads with generous whitespace.</summary>
    public const long MaxBatchBodyBytes = 8L << 20;

    /// <summary>Most items in one batch.</summary>
    public const int MaxBatchItems = 100_000;

    /// <summary>Most AAAA answers in one discovery request (a DNS answer has a handful).</summary>
    public const int MaxDiscoveryAnswers = 1_000;

    /// <summary>Longest line of the NDJSON/text stream, in bytes, without its line break. Longer
    /// lines are reported as an error for that line and skipped without being buffered.</summary>
    public const int MaxStreamLineBytes = 256;
}
