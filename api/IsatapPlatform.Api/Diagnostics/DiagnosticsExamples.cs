using IsatapPlatform.Api.Infrastructure.OpenApi;
using IsatapPlatform.Api.Infrastructure.Problems;
using IsatapPlatform.Diagnostics;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Examples;

namespace IsatapPlatform.Api.Diagnostics;

/// <summary>OpenAPI examples of the diagnostics endpoints, from the engine's own realistic requests
/// (<see cref="DiagnosisExamples"/>) and its real answers, so an example is always what the service returns.</summary>
internal static class DiagnosticsExamples
{
    /// <summary>A management host whose ISATAP adapter is "Media disconnected" (issue 5's most common case).</summary>
    public static DiagnosisRequest Request() => DiagnosisExamples.DisconnectedManagementHost();

    public static readonly OpenApiExamples Diagnose = new()
    {
        Request = Request(),
        Responses = new Dictionary<int, object>
        {
            [200] = HostDiagnostics.Diagnose(Request()).Diagnosis!,
            [400] = EngineProblems.CreateDetails(HostDiagnostics.Validate(
                Request() with { Host = new DiagnosedHost { Name = "HELPDESK01; Restart-Computer", Role = HostRole.ManagementHost } })),
            [413] = ProblemExamples.Plain(ProblemCodes.RequestTooLarge, "The request body has 2097152 bytes; this endpoint accepts at most 1048576."),
            [415] = ProblemExamples.Plain(ProblemCodes.UnsupportedMediaType, "Content-Type 'text/plain' is not supported here; send application/json."),
        },
    };

    public static readonly OpenApiExamples Catalog = new()
    {
        Responses = new Dictionary<int, object> { [200] = HostDiagnostics.Catalog },
    };

    public static readonly OpenApiExamples Collector = new()
    {
        Responses = new Dictionary<int, object> { [200] = HostDiagnostics.CollectorScript() },
    };
}
