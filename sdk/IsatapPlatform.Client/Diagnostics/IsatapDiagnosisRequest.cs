using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Client;

/// <summary>A host diagnosis request whose expected configuration has typed addresses: the same structure as the
/// contract record <see cref="DiagnosisRequest"/>, with <see cref="IsatapExpectedConfiguration"/> in place of
/// <see cref="ExpectedConfiguration"/>. Pass it to
/// <see cref="IsatapPlatformClient.DiagnoseHostAsync(IsatapDiagnosisRequest, CancellationToken)"/>.</summary>
/// <remarks>The host and the evidence are the contract records (they hold names and pasted text, no addresses).
/// For a field this model does not cover, build the contract <see cref="DiagnosisRequest"/> and call the overload
/// that takes it.</remarks>
public sealed record IsatapDiagnosisRequest
{
    /// <summary>The host the evidence comes from.</summary>
    public required DiagnosedHost Host { get; init; }

    /// <summary>What the host should see (router name and address, ISATAP prefix). Optional: without it the
    /// engine can only check what the evidence says about itself.</summary>
    public IsatapExpectedConfiguration? Expected { get; init; }

    /// <summary>The evidence: any of the pasted outputs and/or the collector's JSON (at least one).</summary>
    public required HostEvidence Evidence { get; init; }
}

/// <summary>The configuration a diagnosed host should have, with typed addresses (contract:
/// <see cref="ExpectedConfiguration"/>). Each member is optional and enables more checks.</summary>
public sealed record IsatapExpectedConfiguration
{
    /// <summary>The ISATAP router name the host should use, for example <c>isatap-mo.corp.contoso.com</c> (a host
    /// name or FQDN; use <see cref="RouterIpv4"/> for the address).</summary>
    public string? RouterName { get; init; }

    /// <summary>The ISATAP router's IPv4 (the DirectAccess server's internal address), for example <c>10.0.0.1</c>.</summary>
    public IPv4Address? RouterIpv4 { get; init; }

    /// <summary>The ISATAP /64 the router advertises, for example <c>fd7f:f787:2112:1::/64</c>.</summary>
    public IPv6Prefix? IsatapPrefix { get; init; }

    /// <summary>The DirectAccess topology.</summary>
    public Topology? Topology { get; init; }
}

/// <summary>Checks an <see cref="IsatapDiagnosisRequest"/> and maps it to the contract <see cref="DiagnosisRequest"/>.</summary>
internal static class IsatapDiagnosisRequestMapping
{
    public static DiagnosisRequest ToContract(IsatapDiagnosisRequest request, string paramName)
    {
        ArgumentNullException.ThrowIfNull(request, paramName);
        var host = request.Host ?? throw new ArgumentException("request.Host is null.", paramName);
        var evidence = request.Evidence ?? throw new ArgumentException("request.Evidence is null.", paramName);
        ExpectedConfiguration? expected = null;
        if (request.Expected is { } typed)
        {
            if (typed.RouterIpv4 is { IsValid: false })
                throw Invalid(nameof(IPv4Address), paramName, "request.Expected.RouterIpv4");
            if (typed.IsatapPrefix is { IsValid: false })
                throw Invalid(nameof(IPv6Prefix), paramName, "request.Expected.IsatapPrefix");
            if (typed.Topology is { } topology && !Enum.IsDefined(topology))
                throw new ArgumentOutOfRangeException(paramName, topology, $"request.Expected.Topology: {topology} is not a defined {nameof(Topology)} value.");
            expected = new ExpectedConfiguration
            {
                RouterName = typed.RouterName,
                RouterIpv4 = typed.RouterIpv4?.ToString(),
                IsatapPrefix = typed.IsatapPrefix?.ToString(),
                Topology = typed.Topology,
            };
        }
        return new DiagnosisRequest { Host = host, Expected = expected, Evidence = evidence };
    }

    private static ArgumentException Invalid(string type, string paramName, string path)
        => new($"{path}: the {type} is not valid (default({type}) is never a valid value); parse or create one first.", paramName);
}
