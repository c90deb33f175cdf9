using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Client;

public partial class IsatapPlatformClient
{
    private const string ZipMediaType = "application/zip";

    /// <summary>Plans a targeted ISATAP manage-out deployment, or the decommissioning of a global one:
    /// <c>POST api/v1/isatap/plans</c>, operation <c>CreateIsatapPlan</c>.</summary>
    /// <param name="request">The deployment, router name, configuration method and targets (the contract record,
    /// serialized as is).</param>
    /// <remarks>The typed overload, <see cref="CreateIsatapPlanAsync(IsatapPlanRequest, CancellationToken)"/>, takes the
    /// addresses as <see cref="IsatapPlatform.Addressing.IPv6Prefix"/> and <see cref="IsatapPlatform.Addressing.IPv4Address"/>;
    /// this one stays as the escape hatch for any field the typed model does not cover.</remarks>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ordered steps, their artifacts (scripts) and warnings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="IsatapPlatformValidationException">The request is incomplete or inconsistent;
    /// <see cref="IsatapPlatformException.Errors"/> holds each field's JSON path (<c>deployment.isatapPrefix</c>, ...).</exception>
    /// <exception cref="IsatapPlatformException">Any other error status, or a response that is not the contract.</exception>
    public virtual Task<Plan> CreateIsatapPlanAsync(PlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PostJsonAsync<PlanRequest, Plan, Plan>("api/v1/isatap/plans", request, CheckPlan, cancellationToken);
    }

    /// <summary>The same plan as <see cref="CreateIsatapPlanAsync(PlanRequest, CancellationToken)"/>, as a zip of every artifact plus a README:
    /// <c>POST api/v1/isatap/plans/bundle</c>, operation <c>CreateIsatapPlanBundle</c>.</summary>
    /// <param name="request">The plan request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The zip and its download name. Dispose it.</returns>
    /// <remarks>The typed overload is <see cref="CreateIsatapPlanBundleAsync(IsatapPlanRequest, CancellationToken)"/>;
    /// this one stays as the escape hatch for any field the typed model does not cover.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="IsatapPlatformValidationException">The request is incomplete or inconsistent (the same
    /// problems as for the plan).</exception>
    /// <exception cref="IsatapPlatformException">Any other error status, or a response that is not a zip.</exception>
    public virtual Task<IsatapPlanBundle> CreateIsatapPlanBundleAsync(PlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CreateBundleAsync(request, cancellationToken);
    }

    /// <summary>Plans a targeted ISATAP manage-out deployment, or the decommissioning of a global one, from a request
    /// with typed addresses: <c>POST api/v1/isatap/plans</c>, operation <c>CreateIsatapPlan</c>. The request is mapped to
    /// the contract <see cref="PlanRequest"/> (each address in its canonical text) and sent by
    /// <see cref="CreateIsatapPlanAsync(PlanRequest, CancellationToken)"/>.</summary>
    /// <param name="request">The deployment, router name, configuration method and targets.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ordered steps, their artifacts (scripts) and warnings.</returns>
    /// <remarks>For a field the typed model does not cover, use the contract overload,
    /// <see cref="CreateIsatapPlanAsync(PlanRequest, CancellationToken)"/>: it is the escape hatch.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">A nested part of <paramref name="request"/> (deployment, server, target) is
    /// null, an address or prefix is <c>default</c>, or an enum value is undefined; the message names the member.
    /// Thrown before any request is sent.</exception>
    /// <exception cref="IsatapPlatformValidationException">The service refused the request (a name, a missing field
    /// of the chosen method or topology); <see cref="IsatapPlatformException.Errors"/> holds each field's JSON path.</exception>
    /// <exception cref="IsatapPlatformException">Any other error status, or a response that is not the contract.</exception>
    public virtual Task<Plan> CreateIsatapPlanAsync(IsatapPlanRequest request, CancellationToken cancellationToken = default)
    {
        var contract = IsatapPlanRequestMapping.ToContract(request, nameof(request));
        return CreateIsatapPlanAsync(contract, cancellationToken);
    }

    /// <summary>The same plan as <see cref="CreateIsatapPlanAsync(IsatapPlanRequest, CancellationToken)"/>, as a zip of
    /// every artifact plus a README: <c>POST api/v1/isatap/plans/bundle</c>, operation <c>CreateIsatapPlanBundle</c>.
    /// The request is mapped to the contract <see cref="PlanRequest"/> and sent by
    /// <see cref="CreateIsatapPlanBundleAsync(PlanRequest, CancellationToken)"/>.</summary>
    /// <param name="request">The plan request, with typed addresses.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The zip and its download name. Dispose it.</returns>
    /// <remarks>For a field the typed model does not cover, use the contract overload,
    /// <see cref="CreateIsatapPlanBundleAsync(PlanRequest, CancellationToken)"/>: it is the escape hatch.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">A nested part of <paramref name="request"/> is null, an address or prefix is
    /// <c>default</c>, or an enum value is undefined. Thrown before any request is sent.</exception>
    /// <exception cref="IsatapPlatformValidationException">The service refused the request (the same problems as for
    /// the plan).</exception>
    /// <exception cref="IsatapPlatformException">Any other error status, or a response that is not a zip.</exception>
    public virtual Task<IsatapPlanBundle> CreateIsatapPlanBundleAsync(IsatapPlanRequest request, CancellationToken cancellationToken = default)
    {
        var contract = IsatapPlanRequestMapping.ToContract(request, nameof(request));
        return CreateIsatapPlanBundleAsync(contract, cancellationToken);
    }

    // The plan is returned as the contract record; a body that deserializes but lacks its lists is not the contract.
    private static Plan CheckPlan(Plan plan)
    {
        ResponseValues.Required(plan.Warnings, "warnings");
        ResponseValues.Required(plan.Steps, "steps");
        ResponseValues.Required(plan.Artifacts, "artifacts");
        return plan;
    }

    private async Task<IsatapPlanBundle> CreateBundleAsync(PlanRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var message = CreateRequest(HttpMethod.Post, "api/v1/isatap/plans/bundle");
        message.Headers.Accept.Add(new("application/zip"));
        message.Content = System.Net.Http.Json.JsonContent.Create(request, options: JsonOptions);
        // ResponseContentRead: the zip is small, and reading it inside SendAsync keeps the download under the
        // timeouts and retries of the pipeline instead of leaving a half-read stream to the caller.
        var response = await SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        try
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!string.Equals(mediaType, ZipMediaType, StringComparison.OrdinalIgnoreCase))
                throw UnexpectedResponse(response, $"the Content-Type is {mediaType ?? "missing"}, not {ZipMediaType}", null);
            var disposition = response.Content.Headers.ContentDisposition;
            string fileName = IsatapPlanBundle.SafeFileName(disposition?.FileNameStar ?? disposition?.FileName);
            var content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new IsatapPlanBundle(fileName, content, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
