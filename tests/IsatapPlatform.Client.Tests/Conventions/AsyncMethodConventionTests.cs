using System.Reflection;

namespace IsatapPlatform.Client.Tests.Conventions;

/// <summary>The Azure SDK conventions every asynchronous member of the client assembly keeps (STYLE.md §4).</summary>
public sealed class AsyncMethodConventionTests
{
    private static readonly Assembly ClientAssembly = typeof(IsatapPlatformClient).Assembly;

    private static bool IsAsync(Type returnType)
    {
        if (returnType == typeof(Task) || returnType == typeof(ValueTask)) return true;
        if (!returnType.IsGenericType) return false;
        var definition = returnType.GetGenericTypeDefinition();
        return definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>);
    }

    /// <summary>Methods that implement an interface keep the interface's signature (IAsyncDisposable.DisposeAsync has no token).</summary>
    private static HashSet<MethodInfo> InterfaceImplementations(Type type)
        => type.IsInterface
            ? []
            : type.GetInterfaces().SelectMany(i => type.GetInterfaceMap(i).TargetMethods).ToHashSet();

    /// <summary>Every public or protected async method declared by a public type of the client assembly.</summary>
    private static IEnumerable<MethodInfo> AsyncMethods()
    {
        foreach (var type in ClientAssembly.GetExportedTypes())
        {
            var implementations = InterfaceImplementations(type);
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                bool visible = method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;
                if (visible && !method.IsSpecialName && IsAsync(method.ReturnType) && !implementations.Contains(method)) yield return method;
            }
        }
    }

    private static string Describe(MethodInfo method)
        => $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name + " " + p.Name))})";

    [Fact]
    public void The_assembly_has_the_endpoint_methods()
    {
        var names = AsyncMethods().Select(m => m.Name).ToHashSet();

        // Guards the other tests against passing vacuously (a filter that finds nothing).
        Assert.Contains("DeriveNat64Async", names);
        Assert.Contains("GetWindowsCollectorAsync", names);
        Assert.True(names.Count >= 12, string.Join(", ", names));
    }

    [Fact]
    public void Every_async_method_takes_an_optional_cancellation_token_last()
    {
        var wrong = AsyncMethods()
            .Where(m => m.GetParameters() is not [.., { Name: "cancellationToken", HasDefaultValue: true } last] || last.ParameterType != typeof(CancellationToken))
            .Select(Describe)
            .ToArray();

        Assert.True(wrong.Length == 0, "Without 'CancellationToken cancellationToken = default' last: " + string.Join("; ", wrong));
    }

    [Fact]
    public void Every_public_async_method_of_the_client_is_virtual_so_it_can_be_mocked()
    {
        var sealedMethods = AsyncMethods()
            .Where(m => m.DeclaringType == typeof(IsatapPlatformClient) && !m.IsStatic && (!m.IsVirtual || m.IsFinal))
            .Select(Describe)
            .ToArray();

        Assert.True(sealedMethods.Length == 0, "Not virtual: " + string.Join("; ", sealedMethods));
    }

    [Fact]
    public void The_client_has_a_protected_parameterless_constructor_for_mocking()
    {
        var constructor = typeof(IsatapPlatformClient).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes);

        Assert.NotNull(constructor);
        Assert.True(constructor.IsFamily);
        Assert.False(typeof(IsatapPlatformClient).IsSealed);
    }

    [Fact]
    public void Result_types_are_sealed()
    {
        Type[] results = [typeof(Nat64Derivation), typeof(Nat64Extraction), typeof(Nat64PrefixDiscovery), typeof(InspectedAddress), typeof(IsatapAddresses),
            typeof(DirectAccessPrefixSet), typeof(IsatapPlanBundle)];

        Assert.All(results, t => Assert.True(t.IsSealed, t.Name));
        Assert.All(results, t => Assert.Equal("IsatapPlatform.Client", t.Namespace));
    }
}
