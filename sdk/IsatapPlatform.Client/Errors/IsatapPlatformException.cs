using System.Net;

namespace IsatapPlatform.Client;

/// <summary>The service answered with an error: a 4xx or 5xx status, described by an RFC 9457 problem
/// details document whose members this exception carries. Transport failures (connection refused, TLS,
/// DNS) are not this type: they stay <see cref="HttpRequestException"/>, and a cancelled call is an
/// <see cref="OperationCanceledException"/>.</summary>
/// <remarks>Branch on <see cref="Code"/>, the stable machine-readable code (<c>nat64.prefix-length</c>,
/// <c>address.invalid</c>, ...), never on <see cref="Exception.Message"/>. Subclasses exist only where
/// callers handle the case differently: <see cref="IsatapPlatformValidationException"/> (400 and 422: the
/// request was wrong, do not retry), <see cref="IsatapPlatformNotFoundException"/> (404),
/// <see cref="IsatapPlatformRateLimitedException"/> (429, retry later) and
/// <see cref="IsatapPlatformServerException"/> (5xx).</remarks>
public class IsatapPlatformException : Exception
{
    /// <summary>Creates the exception from a problem details document.</summary>
    /// <param name="problem">What the service said.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public IsatapPlatformException(ServiceProblem problem, Exception? innerException = null)
        : base(Describe(problem), innerException)
    {
        Problem = problem ?? throw new ArgumentNullException(nameof(problem));
    }

    /// <summary>The whole problem details document as the service sent it.</summary>
    public ServiceProblem Problem { get; }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode Status => Problem.Status;

    /// <summary>The stable machine-readable code (for example <c>nat64.u-octet</c>), or null when the
    /// response was not a problem document of this service (a proxy's error page).</summary>
    public string? Code => Problem.Code;

    /// <summary>A short summary of the problem type.</summary>
    public string? Title => Problem.Title;

    /// <summary>What was wrong and where, for humans.</summary>
    public string? Detail => Problem.Detail;

    /// <summary>The service's trace id for this request: quote it when you ask the operators.</summary>
    public string? TraceId => Problem.TraceId;

    /// <summary>Field errors keyed by JSON property path (<c>ipv4</c>, <c>deployment.servers[0].name</c>);
    /// empty when the problem is not about fields.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors => Problem.Errors;

    private static string Describe(ServiceProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var text = $"{(int)problem.Status} {problem.Code ?? problem.Title ?? problem.Status.ToString()}";
        if (!string.IsNullOrEmpty(problem.Detail)) text += ": " + problem.Detail;
        if (!string.IsNullOrEmpty(problem.TraceId)) text += $" (trace id {problem.TraceId})";
        return text;
    }

    /// <summary>The exception type callers branch on for <paramref name="problem"/>'s status.</summary>
    internal static IsatapPlatformException For(ServiceProblem problem) => (int)problem.Status switch
    {
        400 or 422 => new IsatapPlatformValidationException(problem),
        404 => new IsatapPlatformNotFoundException(problem),
        429 => new IsatapPlatformRateLimitedException(problem),
        >= 500 => new IsatapPlatformServerException(problem),
        _ => new IsatapPlatformException(problem),
    };
}

/// <summary>400 or 422: the request was refused as it stands (a malformed address, a prefix of the wrong
/// length, an RFC rule). Retrying the same request cannot succeed; <see cref="IsatapPlatformException.Errors"/>
/// says which fields to fix.</summary>
public sealed class IsatapPlatformValidationException : IsatapPlatformException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What the service said.</param>
    public IsatapPlatformValidationException(ServiceProblem problem) : base(problem) { }
}

/// <summary>404: the service does not know the resource (usually a base address pointing at the wrong service or version).</summary>
public sealed class IsatapPlatformNotFoundException : IsatapPlatformException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What the service said.</param>
    public IsatapPlatformNotFoundException(ServiceProblem problem) : base(problem) { }
}

/// <summary>429: too many requests. Wait <see cref="RetryAfter"/> (when the service said) and try again.</summary>
public sealed class IsatapPlatformRateLimitedException : IsatapPlatformException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What the service said.</param>
    public IsatapPlatformRateLimitedException(ServiceProblem problem) : base(problem) { }

    /// <summary>How long the service asked the caller to wait (the Retry-After header), if it said.</summary>
    public TimeSpan? RetryAfter => Problem.RetryAfter;
}

/// <summary>5xx: the service (or a gateway in front of it) failed. Idempotent calls were already retried
/// when the client was registered with <c>AddIsatapPlatformClient</c>; quote <see cref="IsatapPlatformException.TraceId"/>.</summary>
public sealed class IsatapPlatformServerException : IsatapPlatformException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What the service said.</param>
    public IsatapPlatformServerException(ServiceProblem problem) : base(problem) { }
}
