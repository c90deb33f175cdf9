using IsatapPlatform.Api.Infrastructure.OpenApi;
using IsatapPlatform.Api.Infrastructure.Problems;
using IsatapPlatform.Planning;
using IsatapPlatform.Planning.Examples;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Api.IsatapPlans;

/// <summary>OpenAPI examples of the plan endpoints: the request of issue 4 (one DirectAccess server, a Group Policy for
/// one Windows 10 helpdesk host) and the plan the engine builds for it, so the example is always the real answer.</summary>
internal static class IsatapPlanExamples
{
    /// <summary>The contract example of issue 4.</summary>
    public static PlanRequest Request() => PlanExamples.SingleServerGroupPolicy();

    // The global name without allowGlobalName: the refusal automation most often meets.
    private static readonly object s_globalName = EngineProblems.CreateDetails(
        IsatapPlanner.Validate(Request() with { Router = new RouterSpec { Name = "isatap" } }));

    private static readonly object s_tooLarge = ProblemExamples.Plain(ProblemCodes.RequestTooLarge,
        "The request body has 1200000 bytes; this endpoint accepts at most 1048576.");

    private static readonly object s_mediaType = ProblemExamples.Plain(ProblemCodes.UnsupportedMediaType,
        "Content-Type 'text/plain' is not supported here; send application/json.");

    public static readonly OpenApiExamples Plan = new()
    {
        Request = Request(),
        Responses = new Dictionary<int, object>
        {
            [200] = IsatapPlanner.CreatePlan(Request()).Plan!,
            [400] = s_globalName,
            [413] = s_tooLarge,
            [415] = s_mediaType,
        },
    };

    // The 200 answer is a zip (binary): the OpenAPI document describes it in words, it has no example.
    public static readonly OpenApiExamples Bundle = new()
    {
        Request = Request(),
        Responses = new Dictionary<int, object> { [400] = s_globalName, [413] = s_tooLarge, [415] = s_mediaType },
    };
}
