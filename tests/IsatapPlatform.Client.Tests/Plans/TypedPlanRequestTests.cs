using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using IsatapPlatform.Addressing;
using IsatapPlatform.Client.Tests.Support;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Client.Tests.Plans;

/// <summary>CreateIsatapPlanAsync and CreateIsatapPlanBundleAsync with the typed <see cref="IsatapPlanRequest"/>.</summary>
public sealed class TypedPlanRequestTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, IsatapPlatformClient.JsonOptions);

    /// <summary>Every member set (and AllowGlobalName true), so that an unmapped member shows up as null or false.</summary>
    private static IsatapPlanRequest FullTyped() => new()
    {
        Mode = PlanMode.Decommission,
        Deployment = new IsatapPlanDeployment
        {
            Topology = Topology.Nlb,
            Servers =
            [
                new IsatapPlanServer { Name = "DA01", InternalIpv4 = IPv4Address.Parse("10.0.0.1") },
                new IsatapPlanServer { Name = "DA02", InternalIpv4 = IPv4Address.Parse("10.0.0.2") },
            ],
            VirtualIpv4 = IPv4Address.Parse("10.0.0.10"),
            IsatapPrefix = IPv6Prefix.Parse("2002:836b:1:8000::/64"),
            DnsZone = "corp.contoso.com",
            DnsServer = "DC01",
        },
        Router = new IsatapPlanRouter
        {
            Name = "isatap-mo",
            AllowGlobalName = true,
            Server = new IsatapPlanServer { Name = "RTR01", InternalIpv4 = IPv4Address.Parse("10.0.0.20") },
        },
        Method = ConfigurationMethod.Netsh,
        Targets = [new IsatapPlanTarget { Name = "HELPDESK01", Os = Os.Windows11 }, new IsatapPlanTarget { Name = "MGMT01", Os = Os.WindowsServer2016 }],
        GroupPolicy = new IsatapPlanGroupPolicy { Name = "Manage Out", SecurityGroup = "CORP\\DA Manage Out", LinkTo = "OU=Helpdesk,DC=corp,DC=contoso,DC=com" },
        DirectAccessClient = "LAPTOP01.corp.contoso.com",
    };

    /// <summary><see cref="FullTyped"/> written by hand with the contract records.</summary>
    private static PlanRequest FullContract() => new()
    {
        Mode = PlanMode.Decommission,
        Deployment = new DeploymentSpec
        {
            Topology = Topology.Nlb,
            Servers = [new ServerSpec { Name = "DA01", InternalIpv4 = "10.0.0.1" }, new ServerSpec { Name = "DA02", InternalIpv4 = "10.0.0.2" }],
            VirtualIpv4 = "10.0.0.10",
            IsatapPrefix = "2002:836b:1:8000::/64",
            DnsZone = "corp.contoso.com",
            DnsServer = "DC01",
        },
        Router = new RouterSpec { Name = "isatap-mo", AllowGlobalName = true, Server = new ServerSpec { Name = "RTR01", InternalIpv4 = "10.0.0.20" } },
        Method = ConfigurationMethod.Netsh,
        Targets = [new TargetSpec { Name = "HELPDESK01", Os = Os.Windows11 }, new TargetSpec { Name = "MGMT01", Os = Os.WindowsServer2016 }],
        GroupPolicy = new GroupPolicySpec { Name = "Manage Out", SecurityGroup = "CORP\\DA Manage Out", LinkTo = "OU=Helpdesk,DC=corp,DC=contoso,DC=com" },
        DirectAccessClient = "LAPTOP01.corp.contoso.com",
    };

    /// <summary>Each contract record and the typed record that stands for it.</summary>
    public static TheoryData<Type, Type> ModelPairs() => new()
    {
        { typeof(PlanRequest), typeof(IsatapPlanRequest) },
        { typeof(DeploymentSpec), typeof(IsatapPlanDeployment) },
        { typeof(ServerSpec), typeof(IsatapPlanServer) },
        { typeof(RouterSpec), typeof(IsatapPlanRouter) },
        { typeof(TargetSpec), typeof(IsatapPlanTarget) },
        { typeof(GroupPolicySpec), typeof(IsatapPlanGroupPolicy) },
    };

    private static PropertyInfo[] Properties(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.Name != "EqualityContract").ToArray();

    [Theory]
    [MemberData(nameof(ModelPairs))]
    public void Every_contract_property_has_a_same_named_typed_property(Type contract, Type typed)
    {
        var typedNames = Properties(typed).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        var missing = Properties(contract).Select(p => p.Name).Where(n => !typedNames.Contains(n)).ToArray();

        Assert.True(missing.Length == 0, $"{typed.Name} lacks {string.Join(", ", missing)} of {contract.Name}.");
        Assert.True(typed.IsSealed, typed.Name);
        Assert.Equal("IsatapPlatform.Client", typed.Namespace);
        Assert.All(Properties(typed), p => Assert.False(p.SetMethod is { } set && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)), $"{typed.Name}.{p.Name} is mutable."));
    }

    /// <summary>Walks the mapped contract: a member the mapping forgets stays null (or false).</summary>
    private static IEnumerable<string> UnsetMembers(object value, string path)
    {
        foreach (var property in Properties(value.GetType()))
        {
            object? member = property.GetValue(value);
            string memberPath = $"{path}.{property.Name}";
            if (member is null || member is false) yield return memberPath;
            else if (member is System.Collections.IEnumerable list and not string)
            {
                int i = 0;
                foreach (var item in list) foreach (var unset in UnsetMembers(item, $"{memberPath}[{i++}]")) yield return unset;
                if (i == 0) yield return memberPath + " (empty)";
            }
            else if (property.PropertyType.Namespace == typeof(PlanRequest).Namespace && !property.PropertyType.IsValueType && !(Nullable.GetUnderlyingType(property.PropertyType)?.IsEnum ?? false))
                foreach (var unset in UnsetMembers(member, memberPath)) yield return unset;
        }
    }

    [Fact]
    public void Every_member_is_mapped_to_the_contract()
    {
        var mapped = IsatapPlanRequestMapping.ToContract(FullTyped(), "request");

        Assert.Empty(UnsetMembers(mapped, "request"));
        Assert.Equal(Json(FullContract()), Json(mapped));
    }

    [Fact]
    public void The_mapping_copies_the_lists()
    {
        var servers = new List<IsatapPlanServer> { new() { Name = "DA01", InternalIpv4 = IPv4Address.Parse("10.0.0.1") } };
        var typed = PlanRequests.TypedDeploy() with { Deployment = PlanRequests.TypedDeploy().Deployment with { Servers = servers } };

        var mapped = IsatapPlanRequestMapping.ToContract(typed, "request");
        servers.Clear();

        Assert.Single(mapped.Deployment!.Servers!);
    }

    [Fact]
    public async Task The_typed_request_sends_the_same_body_as_the_contract_request()
    {
        var typedRecorder = new RecordingHandler();
        var contractRecorder = new RecordingHandler();

        await service.CreateClient(new Uri("http://localhost/"), typedRecorder).CreateIsatapPlanAsync(PlanRequests.TypedDeploy());
        await service.CreateClient(new Uri("http://localhost/"), contractRecorder).CreateIsatapPlanAsync(PlanRequests.Deploy());

        var typed = Assert.Single(typedRecorder.Requests);
        var contract = Assert.Single(contractRecorder.Requests);
        Assert.Equal(contract.Uri, typed.Uri);
        Assert.Equal(contract.Body, typed.Body);
    }

    [Fact]
    public async Task The_typed_request_produces_the_same_plan_as_the_contract_request()
    {
        var client = service.CreateClient();

        var typed = await client.CreateIsatapPlanAsync(PlanRequests.TypedDeploy());
        var contract = await client.CreateIsatapPlanAsync(PlanRequests.Deploy());

        Assert.NotEmpty(typed.Steps);
        Assert.Equal(Json(contract), Json(typed));
    }

    [Fact]
    public async Task An_NLB_typed_request_produces_the_same_plan_as_the_contract_request()
    {
        var client = service.CreateClient();
        var typedRequest = PlanRequests.TypedDeploy() with
        {
            Deployment = PlanRequests.TypedDeploy().Deployment with
            {
                Topology = Topology.Nlb,
                Servers =
                [
                    new IsatapPlanServer { Name = "DA01", InternalIpv4 = IPv4Address.Parse("10.0.0.1") },
                    new IsatapPlanServer { Name = "DA02", InternalIpv4 = IPv4Address.Parse("10.0.0.2") },
                ],
                VirtualIpv4 = IPv4Address.Parse("10.0.0.10"),
            },
            Method = ConfigurationMethod.Powershell,
            GroupPolicy = null,
        };
        var contractRequest = PlanRequests.Deploy() with
        {
            Deployment = PlanRequests.Deploy().Deployment! with
            {
                Topology = Topology.Nlb,
                Servers = [new ServerSpec { Name = "DA01", InternalIpv4 = "10.0.0.1" }, new ServerSpec { Name = "DA02", InternalIpv4 = "10.0.0.2" }],
                VirtualIpv4 = "10.0.0.10",
            },
            Method = ConfigurationMethod.Powershell,
            GroupPolicy = null,
        };

        var typed = await client.CreateIsatapPlanAsync(typedRequest);
        var contract = await client.CreateIsatapPlanAsync(contractRequest);

        Assert.Contains(typed.Artifacts, a => a.Content.Contains("10.0.0.10", StringComparison.Ordinal));
        Assert.Equal(Json(contract), Json(typed));
    }

    [Fact]
    public async Task A_typed_request_the_service_refuses_is_the_same_validation_error()
    {
        var request = PlanRequests.TypedDeploy() with { Router = new IsatapPlanRouter { Name = "bad name!" } };

        var e = await Assert.ThrowsAsync<IsatapPlatformValidationException>(() => service.CreateClient().CreateIsatapPlanAsync(request));

        Assert.Contains("router.name", e.Errors.Keys);
    }

    [Fact]
    public async Task The_typed_bundle_is_the_same_zip_as_the_contract_bundle()
    {
        var client = service.CreateClient();

        await using var typed = await client.CreateIsatapPlanBundleAsync(PlanRequests.TypedDeploy());
        await using var contract = await client.CreateIsatapPlanBundleAsync(PlanRequests.Deploy());

        Assert.Equal(contract.FileName, typed.FileName);
        Assert.Equal(Entries(contract), Entries(typed));
    }

    private static Dictionary<string, string> Entries(IsatapPlanBundle bundle)
    {
        using var zip = new ZipArchive(bundle.Content, ZipArchiveMode.Read, leaveOpen: true);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        });
    }

    /// <summary>One invalid typed request each, and a word its message must contain.</summary>
    public static TheoryData<string, string> InvalidRequests() => new()
    {
        { "default IsatapPrefix", "request.Deployment.IsatapPrefix" },
        { "default InternalIpv4", "request.Deployment.Servers[0].InternalIpv4" },
        { "default VirtualIpv4", "request.Deployment.VirtualIpv4" },
        { "default router InternalIpv4", "request.Router.Server.InternalIpv4" },
        { "null Deployment", "request.Deployment" },
        { "null server", "request.Deployment.Servers[0]" },
        { "null target", "request.Targets[0]" },
        { "undefined Mode", "request.Mode" },
        { "undefined Topology", "request.Deployment.Topology" },
        { "undefined Method", "request.Method" },
        { "undefined Os", "request.Targets[0].Os" },
    };

    private static IsatapPlanRequest Invalid(string which)
    {
        var request = PlanRequests.TypedDeploy();
        var deployment = request.Deployment;
        return which switch
        {
            "default IsatapPrefix" => request with { Deployment = deployment with { IsatapPrefix = default } },
            "default InternalIpv4" => request with { Deployment = deployment with { Servers = [new IsatapPlanServer { Name = "DA01", InternalIpv4 = default }] } },
            "default VirtualIpv4" => request with { Deployment = deployment with { VirtualIpv4 = default(IPv4Address) } },
            "default router InternalIpv4" => request with { Router = new IsatapPlanRouter { Name = "isatap-mo", Server = new IsatapPlanServer { Name = "RTR01", InternalIpv4 = default } } },
            "null Deployment" => request with { Deployment = null! },
            "null server" => request with { Deployment = deployment with { Servers = [null!] } },
            "null target" => request with { Targets = [null!] },
            "undefined Mode" => request with { Mode = (PlanMode)42 },
            "undefined Topology" => request with { Deployment = deployment with { Topology = (Topology)42 } },
            "undefined Method" => request with { Method = (ConfigurationMethod)42 },
            "undefined Os" => request with { Targets = [new IsatapPlanTarget { Name = "HELPDESK01", Os = (Os)42 }] },
            _ => throw new ArgumentOutOfRangeException(nameof(which), which, null),
        };
    }

    private static StubHandler NeverCalled() => new((request, _) => throw new InvalidOperationException($"No request should be sent: {request.RequestUri}"));

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void An_invalid_typed_plan_request_throws_with_the_member_before_any_request(string which, string member)
    {
        var transport = NeverCalled();
        var client = transport.CreateClient();

        var plan = Assert.ThrowsAny<ArgumentException>(() => { _ = client.CreateIsatapPlanAsync(Invalid(which)); });
        var bundle = Assert.ThrowsAny<ArgumentException>(() => { _ = client.CreateIsatapPlanBundleAsync(Invalid(which)); });

        Assert.All([plan, bundle], e =>
        {
            Assert.Equal("request", e.ParamName);
            Assert.Contains(member + (which.StartsWith("null", StringComparison.Ordinal) ? " is null" : ""), e.Message, StringComparison.Ordinal);
        });
        Assert.Equal(0, transport.Calls);
    }

    [Fact]
    public void A_null_typed_request_throws_ArgumentNullException()
    {
        var transport = NeverCalled();
        var client = transport.CreateClient();

        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => { _ = client.CreateIsatapPlanAsync((IsatapPlanRequest)null!); }).ParamName);
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => { _ = client.CreateIsatapPlanBundleAsync((IsatapPlanRequest)null!); }).ParamName);
        Assert.Equal(0, transport.Calls);
    }

    [Fact]
    public async Task An_already_cancelled_token_gives_cancelled_tasks_before_any_request()
    {
        var transport = NeverCalled();
        var client = transport.CreateClient();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        Task[] tasks = [client.CreateIsatapPlanAsync(PlanRequests.TypedDeploy(), cancellation.Token), client.CreateIsatapPlanBundleAsync(PlanRequests.TypedDeploy(), cancellation.Token)];

        foreach (var task in tasks)
        {
            Assert.True(task.IsCanceled);
            var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
            Assert.Equal(cancellation.Token, e.CancellationToken);
        }
        Assert.Equal(0, transport.Calls);
    }

    [Fact]
    public void The_typed_overloads_are_virtual_and_keep_the_contract_overloads()
    {
        foreach (string name in new[] { nameof(IsatapPlatformClient.CreateIsatapPlanAsync), nameof(IsatapPlatformClient.CreateIsatapPlanBundleAsync) })
        {
            var typed = typeof(IsatapPlatformClient).GetMethod(name, [typeof(IsatapPlanRequest), typeof(CancellationToken)]);
            var contract = typeof(IsatapPlatformClient).GetMethod(name, [typeof(PlanRequest), typeof(CancellationToken)]);
            Assert.NotNull(typed);
            Assert.NotNull(contract);
            Assert.True(typed.IsVirtual && !typed.IsFinal, name);
        }
    }
}
