using System.Text.Json.Serialization;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Contracts.Diagnostics;

/// <summary>The body of <c>POST /api/v1/diagnostics</c>. Property names map 1:1 to the JSON contract under
/// System.Text.Json's camelCase (web) defaults. Everything is nullable so a missing field becomes a
/// validation error with its JSON path instead of a silent default.</summary>
public sealed record DiagnosisRequest
{
    /// <summary>The host the evidence comes from. Required.</summary>
    public DiagnosedHost? Host { get; init; }

    /// <summary>What the host should see (router name and address, ISATAP prefix). Optional: without it the
    /// engine can only check what the evidence says about itself.</summary>
    public ExpectedConfiguration? Expected { get; init; }

    /// <summary>The evidence: any of the pasted outputs and/or the collector's JSON. At least one is required.</summary>
    public HostEvidence? Evidence { get; init; }
}

/// <summary>The diagnosed host.</summary>
public sealed record DiagnosedHost
{
    /// <summary>Computer name (NetBIOS, up to 15 characters) or an FQDN whose first label is one. Required:
    /// every remediation script refuses to run on any other computer.</summary>
    public string? Name { get; init; }

    /// <summary><c>"management-host"</c>, <c>"directaccess-server"</c>, <c>"isatap-router"</c> or
    /// <c>"directaccess-client"</c>. Required.</summary>
    public HostRole? Role { get; init; }
}

/// <summary>The configuration the host should have. Each field is optional and enables more checks.</summary>
public sealed record ExpectedConfiguration
{
    /// <summary>The ISATAP router name the host should use, e.g. <c>"isatap-mo.corp.contoso.com"</c> (an RFC 1123
    /// host name or FQDN; use <see cref="RouterIpv4"/> for an IPv4 literal).</summary>
    public string? RouterName { get; init; }

    /// <summary>The ISATAP router's IPv4 (the DirectAccess server's internal address), e.g. <c>"10.0.0.1"</c>.
    /// On a DirectAccess server it identifies the ISATAP interface of the internal adapter.</summary>
    public string? RouterIpv4 { get; init; }

    /// <summary>The ISATAP /64 the router advertises, e.g. <c>"fd7f:f787:2112:1::/64"</c>.</summary>
    public string? IsatapPrefix { get; init; }

    /// <summary>Optional extension of the contract: the DirectAccess topology, with the plan engine's
    /// strings (<c>"single-server"</c>, <c>"nlb"</c>, <c>"external-load-balancer"</c>, <c>"multisite"</c>).</summary>
    public Topology? Topology { get; init; }
}

/// <summary>The evidence. Text fields take the output exactly as pasted (any of the localized shapes in
/// REFERENCE §6); they are parsed by position and never rejected for their content: text that cannot be read
/// becomes the finding <c>evidence.unrecognized</c>.</summary>
public sealed record HostEvidence
{
    /// <summary>The output of <c>ipconfig /all</c>.</summary>
    public string? IpconfigAll { get; init; }

    /// <summary>The output of <c>netsh interface ipv6 show interfaces</c>.</summary>
    public string? NetshInterfaces { get; init; }

    /// <summary>The output of <c>netsh interface ipv6 show addresses</c>.</summary>
    public string? NetshAddresses { get; init; }

    /// <summary>The output of <c>Get-NetIPAddress</c> (list view).</summary>
    public string? GetNetIpAddress { get; init; }

    /// <summary>The JSON document printed by the collector (<c>GET /api/v1/collectors/windows.ps1</c>), as an
    /// object (or the same document as a JSON string).</summary>
    [JsonConverter(typeof(CollectorEvidenceJsonConverter))]
    public CollectorEvidence? Collector { get; init; }
}
