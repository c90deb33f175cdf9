using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts;
using IsatapPlatform.Contracts.Nat64;

namespace IsatapPlatform.Client.Tests.Mocking;

/// <summary>Code that depends on the client can be tested without a service: the protected constructor and the
/// virtual methods let a test double answer, and the result types have public constructors.</summary>
public sealed class MockingTests
{
    /// <summary>A hand-written double, as a test of the caller's code would write one.</summary>
    private sealed class FakeClient : IsatapPlatformClient
    {
        public List<(Nat64Prefix Prefix, IPv4Address Ipv4, DerivePolicy Policy)> Calls { get; } = [];

        public override Task<Nat64Derivation> DeriveNat64Async(Nat64Prefix prefix, IPv4Address ipv4, DerivePolicy policy = DerivePolicy.Strict,
            CancellationToken cancellationToken = default)
        {
            Calls.Add((prefix, ipv4, policy));
            var ipv6 = prefix.Embed(ipv4);
            return Task.FromResult(new Nat64Derivation(prefix, ipv4, ipv6, ipv6.ToString("M"), ipv6.ToReverseName(),
                [new ApiWarning("test.fake", "answered by a test double")]));
        }
    }

    /// <summary>Code under test: what a caller might write on top of the client.</summary>
    private static async Task<string> PtrRecordFor(IsatapPlatformClient client, Nat64Prefix prefix, IPv4Address ipv4)
    {
        var derivation = await client.DeriveNat64Async(prefix, ipv4);
        return $"{derivation.ReverseName}. IN PTR host.example.";
    }

    [Fact]
    public async Task A_subclass_overriding_a_method_replaces_the_service()
    {
        var fake = new FakeClient();

        string record = await PtrRecordFor(fake, Nat64Prefix.Parse("fd03:b402:e10c:7777::/96"), IPv4Address.Parse("172.16.1.225"));

        Assert.Equal("1.e.1.0.0.1.c.a.0.0.0.0.0.0.0.0.7.7.7.7.c.0.1.e.2.0.4.b.3.0.d.f.ip6.arpa. IN PTR host.example.", record);
        Assert.Equal((Nat64Prefix.Parse("fd03:b402:e10c:7777::/96"), IPv4Address.Parse("172.16.1.225"), DerivePolicy.Strict), Assert.Single(fake.Calls));
    }

    [Fact]
    public async Task A_method_the_double_does_not_override_says_so_instead_of_failing_obscurely()
    {
        var fake = new FakeClient();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => fake.CreateSixToFourPrefixAsync(IPv4Address.Parse("131.107.0.1")));

        Assert.Contains("override", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bundle_double_owns_its_stream()
    {
        var stream = new MemoryStream([0x50, 0x4b]);
        var bundle = new IsatapPlanBundle("plan.zip", stream);

        await bundle.DisposeAsync();

        Assert.False(stream.CanRead);
        Assert.Throws<ArgumentException>(() => new IsatapPlanBundle("", new MemoryStream()));
    }
}
