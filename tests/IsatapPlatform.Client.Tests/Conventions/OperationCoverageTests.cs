using System.Reflection;
using System.Text.Json;
using IsatapPlatform.Client.Tests.Support;

namespace IsatapPlatform.Client.Tests.Conventions;

/// <summary>Every operation of the service's OpenAPI document has its client method, named after the operationId.</summary>
public sealed class OperationCoverageTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    /// <summary>Operations answered by the same service logic as another one: the client serves them with one method.
    /// Nothing else belongs here; a new operation needs its own method.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["DeriveNat64FromQuery"] = "DeriveNat64Async",
        ["InspectAddressBody"] = "InspectAddressAsync",
    };

    private static readonly HashSet<string> PublicMethods = typeof(IsatapPlatformClient)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Select(m => m.Name)
        .ToHashSet(StringComparer.Ordinal);

    private async Task<IReadOnlyList<string>> OperationIdsAsync()
    {
        using var http = service.Factory.CreateClient();
        using var document = JsonDocument.Parse(await http.GetStringAsync("/swagger/v1/swagger.json"));
        var ids = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
                if (operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty("operationId", out var id))
                    ids.Add(id.GetString()!);
        return ids;
    }

    [Fact]
    public async Task Every_operation_has_a_public_method_named_after_its_operationId()
    {
        var ids = await OperationIdsAsync();

        Assert.True(ids.Count >= 16, $"The OpenAPI document lists only {ids.Count} operations.");
        var missing = ids
            .Select(id => (Id: id, Method: Aliases.TryGetValue(id, out var alias) ? alias : id + "Async"))
            .Where(x => !PublicMethods.Contains(x.Method))
            .Select(x => $"{x.Id} -> {x.Method}")
            .ToArray();
        Assert.True(missing.Length == 0, "Operations without a client method: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Every_alias_names_an_operation_that_exists()
    {
        var ids = await OperationIdsAsync();

        Assert.All(Aliases.Keys, alias => Assert.Contains(alias, ids));
        Assert.All(Aliases.Values, method => Assert.Contains(method, PublicMethods));
    }
}
