namespace IsatapPlatform.Api.Infrastructure;

/// <summary>The documented size limits. They bound the memory one request can take; the OpenAPI
/// description and the README quote them, so change all three together.</summary>
public static class RequestLimits
{
    /// <summary>Largest JSON body of the single-item endpoints: 1 MiB. ISATAP plan requests use it too (a plan
    /// request of 1,000 targets is about 60 KB).</summary>
    public const long MaxJsonBodyBytes = 1L << 20;

    /// <summary>Largest body of <c>POST /api/v1/diagnostics</c>: 1 MiB. Evidence is pasted text and the collector's
    /// JSON: a 200-line <c>ipconfig /all</c> is about 10 KB and a collector document a few KB to a few hundred KB,
    /// so 1 MiB holds them all with room to spare. The engine also caps each text field at 524,288 characters.
    /// Diagnosis time grows with the text (a 1 MiB body of worst-case evidence took 0.17-0.28 s, see the README), which
    /// is why this limit is not raised to fit every field at its own maximum.</summary>
    public const long MaxDiagnosisBodyBytes = 1L << 20;

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
