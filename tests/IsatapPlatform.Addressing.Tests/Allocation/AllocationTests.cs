namespace IsatapPlatform.Addressing.Tests.Allocation;

/// <summary>Runs the allocation tests on their own, so no other test's work can show up in the
/// numbers (GC.GetAllocatedBytesForCurrentThread is per thread, but this removes all doubt).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "Allocation";
}

/// <summary>The hot paths allocate nothing: a warmed-up loop of 10,000 iterations must not move
/// GC.GetAllocatedBytesForCurrentThread by a single byte.</summary>
[Collection(AllocationCollection.Name)]
public sealed class AllocationTests
{
    private const int Iterations = 10_000;

    /// <summary>Runs <paramref name="body"/> to warm it up (JIT, static constructors, tiering), then
    /// measures the bytes allocated by <see cref="Iterations"/> more runs.</summary>
    private static long AllocatedBy(Func<int, int> body)
    {
        int sink = 0;
        for (int i = 0; i < 2_000; i++) sink += body(i);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++) sink += body(i);
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.NotEqual(int.MinValue, sink);
        return after - before;
    }

    [Fact]
    public void The_measurement_sees_an_allocation_when_there_is_one()
    {
        // Guards the tests below against a harness that always reports zero.
        var address = IPv6Address.Parse("2001:db8::1");

        long bytes = AllocatedBy(i => address.ToString().Length);

        Assert.True(bytes >= Iterations * 20, $"{bytes} bytes");
    }

    [Fact]
    public void Embedding_and_extracting_allocate_nothing()
    {
        var prefixes = new[] { "2001:db8::/32", "2001:db8:100::/40", "2001:db8:122::/48", "2001:db8:122:300::/56", "2001:db8:122:344::/64", "64:ff9b::/96" }
            .Select(Nat64Prefix.Parse).ToArray();
        var ipv4 = IPv4Address.Parse("192.0.2.33");

        long bytes = AllocatedBy(i =>
        {
            var prefix = prefixes[i % prefixes.Length];
            var embedded = prefix.Embed(ipv4);
            return prefix.TryExtract(embedded, out var back, out _) ? (int)back.Value : 0;
        });

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void IPv4_text_to_NAT64_text_allocates_nothing_in_UTF16()
    {
        var prefix = Nat64Prefix.Parse("fd03:b402:e10c:7777::/96");
        var destination = new char[64];

        long bytes = AllocatedBy(i =>
        {
            Assert.True(IPv4Address.TryParse("172.16.1.225".AsSpan(), out var ipv4, out _));
            Assert.True(prefix.Embed(ipv4).TryFormat(destination, out int written));
            return written;
        });

        Assert.Equal(0, bytes);
        Assert.Equal("fd03:b402:e10c:7777::ac10:1e1", new string(destination, 0, 29));
    }

    [Fact]
    public void IPv4_text_to_NAT64_text_allocates_nothing_in_UTF8()
    {
        var prefix = Nat64Prefix.Parse("fd03:b402:e10c:7777::/96");
        var destination = new byte[64];

        long bytes = AllocatedBy(i =>
        {
            Assert.True(IPv4Address.TryParse("172.16.1.225"u8, out var ipv4, out _));
            Assert.True(prefix.Embed(ipv4).TryFormat(destination, out int written, "M"));
            return written;
        });

        Assert.Equal(0, bytes);
        Assert.Equal("fd03:b402:e10c:7777::172.16.1.225"u8.ToArray(), destination.AsSpan(0, 33).ToArray());
    }

    [Fact]
    public void Inspecting_text_and_enumerating_the_embedded_IPv4s_allocates_nothing()
    {
        string[] texts = ["2002:836b:1:8000:0:5efe:192.168.99.10", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "64:ff9b::c000:221", "::ffff:192.0.2.1"];

        long bytes = AllocatedBy(i =>
        {
            Assert.True(AddressInspector.TryInspect(texts[i % texts.Length], out var inspection, out _));
            int count = 0;
            foreach (var embedded in inspection.EmbeddedIPv4) count += (int)embedded.IPv4.Value & 1;
            return count + (int)inspection.Kinds;
        });

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Parsing_IPv6_text_without_a_zone_allocates_nothing()
    {
        string[] texts = ["2001:db8::1", "fe80::200:5efe:131.107.0.1", "2001:0DB8:0000:0000:0000:0000:0000:0001", "::"];

        long bytes = AllocatedBy(i => IPv6Address.TryParse(texts[i % texts.Length].AsSpan(), out var address, out _) ? (int)address.Low : -1);
        long utf8Bytes = AllocatedBy(i => IPv6Address.TryParse("fe80::200:5efe:131.107.0.1"u8, out var address, out _) ? (int)address.Low : -1);

        Assert.Equal(0, bytes);
        Assert.Equal(0, utf8Bytes);
    }

    [Theory]
    [InlineData("G")]
    [InlineData("M")]
    [InlineData("R")]
    [InlineData("F")]
    public void Formatting_IPv6_allocates_nothing(string format)
    {
        var address = IPv6Address.Parse("2002:836b:1:8000:0:5efe:192.168.99.10");
        var withZone = IPv6Address.Parse("fe80::5efe:10.0.0.5%18");
        var chars = new char[100];
        var utf8 = new byte[100];

        long bytes = AllocatedBy(i =>
        {
            var a = (i & 1) == 0 ? address : withZone;
            Assert.True(a.TryFormat(chars, out int n, format));
            Assert.True(a.TryFormat(utf8, out int m, format));
            return n + m;
        });

        Assert.Equal(0, bytes);
    }
}
