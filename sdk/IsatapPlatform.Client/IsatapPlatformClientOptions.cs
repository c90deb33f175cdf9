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

    /// <summary>The largest <see cref="StreamSegmentSize"/>: 4,096 dotted quads are at most 64 KiB of request body, which
    /// the transport's buffers take whole, so the service can always read a segment while its answers wait.</summary>
    public const int MaxStreamSegmentSize = 4_096;

    /// <summary>How <see cref="IsatapPlatformClient.DeriveNat64StreamAsync"/> talks to the service (default
    /// <see cref="Nat64StreamMode.Auto"/>: one full-duplex request when the HttpClient is set to HTTP/2 or later
    /// without fallback, consecutive segments otherwise).</summary>
    public Nat64StreamMode StreamMode { get; set; } = Nat64StreamMode.Auto;

    /// <summary>How many addresses each request carries when a streaming derivation runs in
    /// <see cref="Nat64StreamMode.Segmented"/> mode (1 to <see cref="MaxStreamSegmentSize"/>, default 2,048).</summary>
    public int StreamSegmentSize { get; set; } = 2_048;
}

/// <summary>How a streaming derivation (<c>POST api/v1/nat64/derive/stream</c>) is carried.</summary>
public enum Nat64StreamMode
{
    /// <summary><see cref="FullDuplex"/> when the <see cref="HttpClient"/>'s <see cref="HttpClient.DefaultRequestVersion"/>
    /// is 2.0 or later and its <see cref="HttpClient.DefaultVersionPolicy"/> does not allow a lower version;
    /// <see cref="Segmented"/> otherwise. The safe choice: it never stalls.</summary>
    Auto,

    /// <summary>One request for the whole sequence, uploaded while results are read. Needs a transport that reads the
    /// response while it still sends the request: HTTP/2 or later, or an in-process handler such as ASP.NET Core's
    /// TestServer. Over HTTP/1.1, .NET's HttpClient sends the whole body before it reads the response, while the service
    /// stops reading when its answers are not consumed, so a long stream stalls once the transport's buffers are full
    /// (on loopback: 100,000 addresses pass, 1,000,000 stall). The request is not retry-safe: its body is read once.</summary>
    FullDuplex,

    /// <summary>Consecutive requests of at most <see cref="IsatapPlatformClientOptions.StreamSegmentSize"/> addresses,
    /// each body complete before it is sent (so HTTP/1.1 cannot stall), results read before the next segment is sent.
    /// Memory stays bounded by one segment; a segment is sent early when the producer has nothing ready, so a slow
    /// producer still gets its results. Each segment is retry-safe (its body is in memory).</summary>
    Segmented,
}
