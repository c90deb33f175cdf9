using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Client;

/// <summary>Checks an <see cref="IsatapPlanRequest"/> and maps it to the contract <see cref="PlanRequest"/>.
/// Every problem is an <see cref="ArgumentException"/> whose parameter name is the method's parameter and whose
/// message names the member path (<c>request.Deployment.IsatapPrefix</c>); names are not judged here (the
/// service reports them with their JSON path).</summary>
internal static class IsatapPlanRequestMapping
{
    public static PlanRequest ToContract(IsatapPlanRequest request, string paramName)
    {
        ArgumentNullException.ThrowIfNull(request, paramName);
        Defined(request.Mode, paramName, "request.Mode");
        if (request.Method is { } method) Defined(method, paramName, "request.Method");
        var deployment = NotNull(request.Deployment, paramName, "request.Deployment");
        Defined(deployment.Topology, paramName, "request.Deployment.Topology");
        Valid(deployment.IsatapPrefix, paramName, "request.Deployment.IsatapPrefix");
        if (deployment.VirtualIpv4 is { } virtualIpv4) Valid(virtualIpv4, paramName, "request.Deployment.VirtualIpv4");

        return new PlanRequest
        {
            Mode = request.Mode,
            Deployment = new DeploymentSpec
            {
                Topology = deployment.Topology,
                Servers = deployment.Servers is null ? null : Map(deployment.Servers, (s, path) => Server(s, paramName, path), paramName, "request.Deployment.Servers"),
                VirtualIpv4 = deployment.VirtualIpv4?.ToString(),
                IsatapPrefix = deployment.IsatapPrefix.ToString(),
                DnsZone = deployment.DnsZone,
                DnsServer = deployment.DnsServer,
            },
            Router = request.Router is not { } router ? null : new RouterSpec
            {
                Name = router.Name,
                AllowGlobalName = router.AllowGlobalName,
                Server = router.Server is null ? null : Server(router.Server, paramName, "request.Router.Server"),
            },
            Method = request.Method,
            Targets = request.Targets is null ? null : Map(request.Targets, (t, path) => Target(t, paramName, path), paramName, "request.Targets"),
            GroupPolicy = request.GroupPolicy is not { } gpo ? null : new GroupPolicySpec
            {
                Name = gpo.Name,
                SecurityGroup = gpo.SecurityGroup,
                LinkTo = gpo.LinkTo,
            },
            DirectAccessClient = request.DirectAccessClient,
        };
    }

    private static ServerSpec Server(IsatapPlanServer server, string paramName, string path)
    {
        Valid(server.InternalIpv4, paramName, path + ".InternalIpv4");
        return new ServerSpec { Name = server.Name, InternalIpv4 = server.InternalIpv4.ToString() };
    }

    private static TargetSpec Target(IsatapPlanTarget target, string paramName, string path)
    {
        Defined(target.Os, paramName, path + ".Os");
        return new TargetSpec { Name = target.Name, Os = target.Os };
    }

    // A copy, so that the contract record does not share a list the caller may still change.
    private static TOut[] Map<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, string, TOut> map, string paramName, string path)
        where TIn : class
    {
        var result = new TOut[items.Count];
        for (int i = 0; i < result.Length; i++)
        {
            string itemPath = $"{path}[{i}]";
            result[i] = map(NotNull(items[i], paramName, itemPath), itemPath);
        }
        return result;
    }

    private static T NotNull<T>(T? value, string paramName, string path) where T : class
        => value ?? throw new ArgumentException($"{path} is null.", paramName);

    private static void Valid(IPv4Address value, string paramName, string path)
    {
        if (!value.IsValid) throw Invalid(nameof(IPv4Address), paramName, path);
    }

    private static void Valid(IPv6Prefix value, string paramName, string path)
    {
        if (!value.IsValid) throw Invalid(nameof(IPv6Prefix), paramName, path);
    }

    private static void Defined<TEnum>(TEnum value, string paramName, string path) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
            throw new ArgumentOutOfRangeException(paramName, value, $"{path}: {value} is not a defined {typeof(TEnum).Name} value.");
    }

    private static ArgumentException Invalid(string type, string paramName, string path)
        => new($"{path}: the {type} is not valid (default({type}) is never a valid value); parse or create one first.", paramName);
}
