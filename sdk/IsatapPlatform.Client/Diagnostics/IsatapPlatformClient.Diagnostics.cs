using System.Net.Http.Headers;
using IsatapPlatform.Contracts.Diagnostics;

namespace IsatapPlatform.Client;

public partial class IsatapPlatformClient
{
    private const string TextMediaType = "text/plain";

    /// <summary>Diagnoses a Windows host's ISATAP manage-out from its evidence (pasted <c>ipconfig /all</c>, netsh or
    /// Get-NetIPAddress output, and/or the collector's JSON): <c>POST api/v1/diagnostics</c>, operation
    /// <c>DiagnoseHost</c>.</summary>
    /// <param name="request">The host, what it should see, and the evidence (the contract record, serialized as is).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The findings with the evidence lines that prove them, the parsed host facts and the remediation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="IsatapPlatformValidationException">A field was refused (<c>host.name</c>, <c>host.role</c>,
    /// sizes); <see cref="IsatapPlatformException.Errors"/> holds each field's JSON path.</exception>
    /// <exception cref="IsatapPlatformException">Any other error status (413 for a body over 1 MiB), or a response
    /// that is not the contract.</exception>
    /// <remarks>The typed overload, <see cref="DiagnoseHostAsync(IsatapDiagnosisRequest, CancellationToken)"/>, takes the
    /// expected router address and ISATAP prefix as <see cref="IsatapPlatform.Addressing.IPv4Address"/> and
    /// <see cref="IsatapPlatform.Addressing.IPv6Prefix"/>; this one stays as the escape hatch for any field the typed
    /// model does not cover.</remarks>
    public virtual Task<Diagnosis> DiagnoseHostAsync(DiagnosisRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PostJsonAsync<DiagnosisRequest, Diagnosis, Diagnosis>("api/v1/diagnostics", request, CheckDiagnosis, cancellationToken);
    }

    /// <summary>Diagnoses a Windows host's ISATAP manage-out from its evidence, with the expected configuration's
    /// addresses typed: <c>POST api/v1/diagnostics</c>, operation <c>DiagnoseHost</c>. The request is mapped to the
    /// contract <see cref="DiagnosisRequest"/> (each address in its canonical text) and sent by
    /// <see cref="DiagnoseHostAsync(DiagnosisRequest, CancellationToken)"/>.</summary>
    /// <param name="request">The host, what it should see, and the evidence.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The findings with the evidence lines that prove them, the parsed host facts and the remediation.</returns>
    /// <remarks>For a field the typed model does not cover, use the contract overload,
    /// <see cref="DiagnoseHostAsync(DiagnosisRequest, CancellationToken)"/>: it is the escape hatch.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The host or the evidence is null, an expected address or prefix is
    /// <c>default</c>, or the topology is undefined; the message names the member. Thrown before any request is sent.</exception>
    /// <exception cref="IsatapPlatformValidationException">A field was refused; <see cref="IsatapPlatformException.Errors"/>
    /// holds each field's JSON path.</exception>
    /// <exception cref="IsatapPlatformException">Any other error status, or a response that is not the contract.</exception>
    public virtual Task<Diagnosis> DiagnoseHostAsync(IsatapDiagnosisRequest request, CancellationToken cancellationToken = default)
    {
        var contract = IsatapDiagnosisRequestMapping.ToContract(request, nameof(request));
        return DiagnoseHostAsync(contract, cancellationToken);
    }

    /// <summary>Lists every finding code a diagnosis can report, with its documentation and remediation:
    /// <c>GET api/v1/diagnostics/catalog</c>, operation <c>GetFindingCatalog</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The catalog, in catalog order.</returns>
    /// <exception cref="IsatapPlatformException">An error status, or a response that is not the contract.</exception>
    public virtual Task<IReadOnlyList<CatalogEntry>> GetFindingCatalogAsync(CancellationToken cancellationToken = default)
    {
        return GetJsonAsync<CatalogEntry?[], IReadOnlyList<CatalogEntry>>("api/v1/diagnostics/catalog", ToCatalog, cancellationToken);
    }

    /// <summary>Downloads the read-only Windows evidence collector (PowerShell 5.1 and 7): <c>GET
    /// api/v1/collectors/windows.ps1</c>, operation <c>GetWindowsCollector</c>. Save it with a <c>.ps1</c> extension,
    /// run it elevated on the host, and pass what it prints as the collector evidence of <see cref="DiagnoseHostAsync(DiagnosisRequest, CancellationToken)"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The script text.</returns>
    /// <exception cref="IsatapPlatformException">An error status, or a response that is not <c>text/plain</c>.</exception>
    public virtual async Task<string> GetWindowsCollectorAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = CreateRequest(HttpMethod.Get, "api/v1/collectors/windows.ps1");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(TextMediaType));
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (!string.Equals(mediaType, TextMediaType, StringComparison.OrdinalIgnoreCase))
            throw UnexpectedResponse(response, $"the Content-Type is {mediaType ?? "missing"}, not {TextMediaType}", null);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    // The diagnosis is returned as the contract record; a body that deserializes but lacks its parts is not the contract.
    private static Diagnosis CheckDiagnosis(Diagnosis diagnosis)
    {
        ResponseValues.Required(diagnosis.Host, "host");
        ResponseValues.Required(diagnosis.Findings, "findings");
        ResponseValues.Required(diagnosis.Remediation, "remediation");
        return diagnosis;
    }

    private static IReadOnlyList<CatalogEntry> ToCatalog(CatalogEntry?[] wire)
    {
        var entries = new CatalogEntry[wire.Length];
        for (int i = 0; i < wire.Length; i++) entries[i] = wire[i] ?? throw new FormatException($"Catalog entry {i} is null.");
        return Array.AsReadOnly(entries);
    }
}
