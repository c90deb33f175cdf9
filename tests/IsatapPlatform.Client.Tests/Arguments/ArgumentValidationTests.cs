using System.Net;
using IsatapPlatform.Addressing;
using IsatapPlatform.Client.Tests.Support;
using IsatapPlatform.Contracts.Nat64;

namespace IsatapPlatform.Client.Tests.Arguments;

/// <summary>Arguments are checked, and cancellation honoured, before any request is sent.</summary>
public sealed class ArgumentValidationTests
{
    private static readonly Nat64Prefix Prefix = Nat64Prefix.Parse("fd03:b402:e10c:7777::/96");
    private static readonly IPv4Address Ipv4 = IPv4Address.Parse("172.16.1.225");
    private static readonly IPv6Address Ipv6 = IPv6Address.Parse("fd03:b402:e10c:7777::ac10:1e1");
    private static readonly IPv6Prefix IsatapPrefix = IPv6Prefix.Parse("2002:836b:1:8000::/64");

    /// <summary>Each call with one invalid argument, and the parameter name the exception must carry.</summary>
    public static TheoryData<string, string> InvalidCalls() => new()
    {
        { "DeriveNat64Async(default prefix)", "prefix" },
        { "DeriveNat64Async(default ipv4)", "ipv4" },
        { "DeriveNat64Async(undefined policy)", "policy" },
        { "ExtractNat64Async(default ipv6)", "ipv6" },
        { "ExtractNat64Async(default prefix)", "prefix" },
        { "DiscoverNat64PrefixAsync(default address)", "addresses" },
        { "DiscoverNat64PrefixAsync(empty)", "addresses" },
        { "DiscoverNat64PrefixAsync(null)", "addresses" },
        { "InspectAddressAsync(default IPv6)", "address" },
        { "InspectAddressAsync(default nat64Prefix)", "nat64Prefix" },
        { "InspectAddressAsync(default IPv4)", "address" },
        { "CreateIsatapAddressAsync(default isatapPrefix)", "isatapPrefix" },
        { "CreateIsatapAddressAsync(default ipv4)", "ipv4" },
        { "CreateSixToFourPrefixAsync(default ipv4)", "ipv4" },
        { "DeriveDirectAccessPrefixesAsync(default publicIpv4)", "publicIpv4" },
        { "CreateIsatapPlanAsync(null)", "request" },
        { "CreateIsatapPlanBundleAsync(null)", "request" },
        { "DiagnoseHostAsync(null)", "request" },
    };

    private static Task Call(IsatapPlatformClient client, string call, CancellationToken cancellationToken = default) => call switch
    {
        "DeriveNat64Async(default prefix)" => client.DeriveNat64Async(default, Ipv4, cancellationToken: cancellationToken),
        "DeriveNat64Async(default ipv4)" => client.DeriveNat64Async(Prefix, default, cancellationToken: cancellationToken),
        "DeriveNat64Async(undefined policy)" => client.DeriveNat64Async(Prefix, Ipv4, (DerivePolicy)42, cancellationToken),
        "ExtractNat64Async(default ipv6)" => client.ExtractNat64Async(default, cancellationToken: cancellationToken),
        "ExtractNat64Async(default prefix)" => client.ExtractNat64Async(Ipv6, default(Nat64Prefix), cancellationToken),
        "DiscoverNat64PrefixAsync(default address)" => client.DiscoverNat64PrefixAsync([Ipv6, default], cancellationToken),
        "DiscoverNat64PrefixAsync(empty)" => client.DiscoverNat64PrefixAsync([], cancellationToken),
        "DiscoverNat64PrefixAsync(null)" => client.DiscoverNat64PrefixAsync(null!, cancellationToken),
        "InspectAddressAsync(default IPv6)" => client.InspectAddressAsync(default(IPv6Address), cancellationToken: cancellationToken),
        "InspectAddressAsync(default nat64Prefix)" => client.InspectAddressAsync(Ipv6, default(Nat64Prefix), cancellationToken),
        "InspectAddressAsync(default IPv4)" => client.InspectAddressAsync(default(IPv4Address), cancellationToken),
        "CreateIsatapAddressAsync(default isatapPrefix)" => client.CreateIsatapAddressAsync(default, Ipv4, cancellationToken),
        "CreateIsatapAddressAsync(default ipv4)" => client.CreateIsatapAddressAsync(IsatapPrefix, default, cancellationToken),
        "CreateSixToFourPrefixAsync(default ipv4)" => client.CreateSixToFourPrefixAsync(default, cancellationToken),
        "DeriveDirectAccessPrefixesAsync(default publicIpv4)" => client.DeriveDirectAccessPrefixesAsync(default, cancellationToken),
        "CreateIsatapPlanAsync(null)" => client.CreateIsatapPlanAsync((IsatapPlatform.Contracts.Plans.PlanRequest)null!, cancellationToken),
        "CreateIsatapPlanBundleAsync(null)" => client.CreateIsatapPlanBundleAsync((IsatapPlatform.Contracts.Plans.PlanRequest)null!, cancellationToken),
        "DiagnoseHostAsync(null)" => client.DiagnoseHostAsync((IsatapPlatform.Contracts.Diagnostics.DiagnosisRequest)null!, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call, null),
    };

    /// <summary>One valid call of every endpoint method.</summary>
    public static TheoryData<string> ValidCalls() => new()
    {
        "DeriveNat64Async", "ExtractNat64Async", "DiscoverNat64PrefixAsync", "InspectAddressAsync(IPv6)", "InspectAddressAsync(IPv4)",
        "CreateIsatapAddressAsync", "CreateSixToFourPrefixAsync", "DeriveDirectAccessPrefixesAsync", "CreateIsatapPlanAsync",
        "CreateIsatapPlanBundleAsync", "DiagnoseHostAsync", "GetFindingCatalogAsync", "GetWindowsCollectorAsync",
    };

    private static Task Valid(IsatapPlatformClient client, string call, CancellationToken cancellationToken) => call switch
    {
        "DeriveNat64Async" => client.DeriveNat64Async(Prefix, Ipv4, cancellationToken: cancellationToken),
        "ExtractNat64Async" => client.ExtractNat64Async(Ipv6, Prefix, cancellationToken),
        "DiscoverNat64PrefixAsync" => client.DiscoverNat64PrefixAsync([Ipv6], cancellationToken),
        "InspectAddressAsync(IPv6)" => client.InspectAddressAsync(Ipv6, cancellationToken: cancellationToken),
        "InspectAddressAsync(IPv4)" => client.InspectAddressAsync(Ipv4, cancellationToken),
        "CreateIsatapAddressAsync" => client.CreateIsatapAddressAsync(IsatapPrefix, Ipv4, cancellationToken),
        "CreateSixToFourPrefixAsync" => client.CreateSixToFourPrefixAsync(Ipv4, cancellationToken),
        "DeriveDirectAccessPrefixesAsync" => client.DeriveDirectAccessPrefixesAsync(Ipv4, cancellationToken),
        "CreateIsatapPlanAsync" => client.CreateIsatapPlanAsync(Plans.PlanRequests.Deploy(), cancellationToken),
        "CreateIsatapPlanBundleAsync" => client.CreateIsatapPlanBundleAsync(Plans.PlanRequests.Deploy(), cancellationToken),
        "DiagnoseHostAsync" => client.DiagnoseHostAsync(IsatapPlatform.Diagnostics.Examples.DiagnosisExamples.DisconnectedManagementHost(), cancellationToken),
        "GetFindingCatalogAsync" => client.GetFindingCatalogAsync(cancellationToken),
        "GetWindowsCollectorAsync" => client.GetWindowsCollectorAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call, null),
    };

    private static StubHandler NeverCalled() => new((request, _) => throw new InvalidOperationException($"No request should be sent: {request.RequestUri}"));

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public void An_invalid_argument_throws_with_its_name_before_any_request(string call, string parameter)
    {
        var transport = NeverCalled();

        // Thrown synchronously, before a Task exists: the caller's mistake surfaces at the call site.
        var e = Assert.ThrowsAny<ArgumentException>(() => { _ = Call(transport.CreateClient(), call); });

        Assert.Equal(parameter, e.ParamName);
        Assert.Equal(0, transport.Calls);
    }

    [Fact]
    public void A_default_address_throws_synchronously()
    {
        var client = NeverCalled().CreateClient();

        var e = Assert.Throws<ArgumentException>(() => { _ = client.CreateSixToFourPrefixAsync(default); });

        Assert.Equal("ipv4", e.ParamName);
        Assert.Contains("default(IPv4Address)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ValidCalls))]
    public async Task An_already_cancelled_token_cancels_before_any_request(string call)
    {
        var transport = NeverCalled();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        // A cancelled task, not a synchronous throw: the usual contract of a cancellable .NET method.
        var task = Valid(transport.CreateClient(), call, cancellation.Token);
        Assert.True(task.IsCanceled);
        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);

        Assert.Equal(cancellation.Token, e.CancellationToken);
        Assert.Equal(0, transport.Calls);
    }

    [Fact]
    public async Task Cancelling_during_the_request_is_an_OperationCanceledException_not_a_service_error()
    {
        using var cancellation = new CancellationTokenSource();
        var transport = new StubHandler((_, _) =>
        {
            cancellation.Cancel();
            cancellation.Token.ThrowIfCancellationRequested();
            return StubHandler.Response(HttpStatusCode.OK, "{}", "application/json");
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.CreateClient().DeriveNat64Async(Prefix, Ipv4, cancellationToken: cancellation.Token));
        Assert.Equal(1, transport.Calls);
    }

    [Fact]
    public void A_client_needs_an_absolute_base_address()
    {
        Assert.Throws<ArgumentException>(() => new IsatapPlatformClient(new HttpClient()));
        Assert.Throws<ArgumentException>(() => new IsatapPlatformClient(new HttpClient(), new IsatapPlatformClientOptions { BaseAddress = new Uri("api", UriKind.Relative) }));
        Assert.Throws<ArgumentNullException>(() => new IsatapPlatformClient(null!));
    }
}
