using System.Net;
using System.Runtime.CompilerServices;
using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Nat64;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IsatapPlatform.Client.Tests;

public sealed class Nat64StreamTests(Nat64Support.Service service) : IClassFixture<Nat64Support.Service>
{
    private static readonly Nat64Prefix NetworkSpecific = Nat64Prefix.Parse("fd03:b402:e10c:7777::/96");
    private static readonly IPv4Address Global1 = IPv4Address.Parse("8.8.8.8");
    private static readonly IPv4Address Private = IPv4Address.Parse("10.1.2.3");
    private static readonly IPv4Address Global2 = IPv4Address.Parse("1.1.1.1");

    /// <summary>The same pseudo-random addresses for the producer and the checker, so neither holds the list.</summary>
    internal static async IAsyncEnumerable<IPv4Address> RandomAddresses(int count, int seed, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return IPv4Address.FromUInt32((uint)random.NextInt64(0, 1L << 32));
            if (i % 4096 == 4095) await Task.Yield(); // a producer that is really asynchronous now and then
        }
    }

    internal static async IAsyncEnumerable<IPv4Address> Of(params IPv4Address[] addresses)
    {
        foreach (var address in addresses)
        {
            await Task.Yield();
            yield return address;
        }
    }

    [Theory]
    [InlineData(Nat64StreamMode.FullDuplex)]
    [InlineData(Nat64StreamMode.Segmented)]
    public async Task A_stream_of_200000_lines_comes_back_in_order_and_matches_the_library(Nat64StreamMode mode)
    {
        var client = service.CreateStreamClient(mode);
        var expected = new Random(1918);

        long count = 0;
        await foreach (var result in client.DeriveNat64StreamAsync(NetworkSpecific, RandomAddresses(200_000, seed: 1918)))
        {
            var ipv4 = IPv4Address.FromUInt32((uint)expected.NextInt64(0, 1L << 32));
            Assert.Equal(count, result.Index);
            Assert.Equal(ipv4, result.Ipv4);
            Assert.True(result.Succeeded);
            Assert.Equal(NetworkSpecific.Embed(ipv4), result.Ipv6);
            count++;
        }
        Assert.Equal(200_000, count);
    }

    [Theory]
    [InlineData(Nat64StreamMode.FullDuplex)]
    [InlineData(Nat64StreamMode.Segmented)]
    public async Task Results_arrive_while_the_upload_is_still_going(Nat64StreamMode mode)
    {
        // The producer stops after 100 addresses until the consumer holds their 100 results. Over a transport
        // that sends the whole body before reading the response, this cannot happen, and the producer times out.
        var client = service.CreateStreamClient(mode);
        var firstHundredAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        IAsyncEnumerable<IPv4Address> Producer() => WaitingProducer(firstHundredAnswered.Task, TimeSpan.FromSeconds(30));

        long count = 0;
        await foreach (var result in client.DeriveNat64StreamAsync(NetworkSpecific, Producer()))
        {
            Assert.Equal(IPv4Address.FromUInt32(0x0808_0000 + (uint)count), result.Ipv4);
            if (++count == 100) firstHundredAnswered.SetResult();
        }
        Assert.Equal(200, count);
        Assert.True(firstHundredAnswered.Task.IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData(Nat64StreamMode.FullDuplex)]
    [InlineData(Nat64StreamMode.Segmented)]
    public async Task Strict_policy_refuses_a_non_global_IPv4_under_the_well_known_prefix_and_derives_the_rest(Nat64StreamMode mode)
    {
        var client = service.CreateStreamClient(mode);
        var results = await Nat64BatchTests.ToListAsync(client.DeriveNat64StreamAsync(Nat64Prefix.WellKnown, Of(Global1, Private, Global2)));

        Assert.Equal(3, results.Count);
        Assert.Equal(Nat64Prefix.WellKnown.Embed(Global1), results[0].Ipv6);
        Assert.False(results[1].Succeeded);
        Assert.Equal(1, results[1].Index);
        Assert.Equal(Private, results[1].Ipv4);
        Assert.Null(results[1].Ipv6);
        Assert.Equal("nat64.wkp-non-global", results[1].Error!.Code);
        Assert.Equal(Nat64Prefix.WellKnown.Embed(Global2), results[2].Ipv6);
    }

    [Theory]
    [InlineData(Nat64StreamMode.FullDuplex)]
    [InlineData(Nat64StreamMode.Segmented)]
    public async Task Permissive_policy_derives_it_with_a_warning(Nat64StreamMode mode)
    {
        var client = service.CreateStreamClient(mode);
        var results = await Nat64BatchTests.ToListAsync(client.DeriveNat64StreamAsync(Nat64Prefix.WellKnown, Of(Global1, Private, Global2), DerivePolicy.Permissive));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(Nat64Prefix.WellKnown.Embed(Private), results[1].Ipv6);
        Assert.Equal("nat64.wkp-non-global", results[1].Warning!.Code);
        Assert.Null(results[0].Warning);
    }

    [Theory]
    [InlineData(Nat64StreamMode.FullDuplex)]
    [InlineData(Nat64StreamMode.Segmented)]
    public async Task Cancelling_mid_stream_throws_OperationCanceledException_and_stops_the_producer(Nat64StreamMode mode)
    {
        var recorder = new Nat64Support.Recorder();
        var client = service.CreateStreamClient(mode, recorder);
        var producer = new EndlessProducer();
        using var cancellation = new CancellationTokenSource();

        long seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var result in client.DeriveNat64StreamAsync(NetworkSpecific, producer.Produce(), cancellationToken: cancellation.Token))
            {
                Assert.Equal(seen, result.Index);
                if (++seen == 10_000) cancellation.Cancel();
            }
        });

        Assert.Equal(10_000, seen);
        await producer.Stopped.WaitAsync(TimeSpan.FromSeconds(10)); // its enumerator was disposed
        long produced = producer.Produced;
        await Task.Delay(200);
        Assert.Equal(produced, producer.Produced); // and nothing enumerates it any more
        if (mode == Nat64StreamMode.FullDuplex) Assert.Equal([false], recorder.RetrySafe); // the body cannot be replayed
        else Assert.All(recorder.RetrySafe, Assert.True); // each segment's body is in memory
    }

    [Theory]
    [InlineData(Nat64StreamMode.FullDuplex)]
    [InlineData(Nat64StreamMode.Segmented)]
    public async Task Leaving_the_loop_early_stops_the_producer(Nat64StreamMode mode)
    {
        var client = service.CreateStreamClient(mode);
        var producer = new EndlessProducer();

        long seen = 0;
        await foreach (var result in client.DeriveNat64StreamAsync(NetworkSpecific, producer.Produce()))
        {
            if (++seen == 5_000) break;
        }

        await producer.Stopped.WaitAsync(TimeSpan.FromSeconds(10));
        long produced = producer.Produced;
        await Task.Delay(200);
        Assert.Equal(produced, producer.Produced);
    }

    [Theory]
    [InlineData(Nat64StreamMode.FullDuplex)]
    [InlineData(Nat64StreamMode.Segmented)]
    public async Task The_prefix_and_null_input_are_validated_on_call_and_a_default_address_when_the_upload_reaches_it(Nat64StreamMode mode)
    {
        var client = service.CreateStreamClient(mode);

        Assert.Throws<ArgumentException>("prefix", () => client.DeriveNat64StreamAsync(default, Of(Global1)));
        Assert.Throws<ArgumentNullException>("ipv4", () => client.DeriveNat64StreamAsync(NetworkSpecific, null!));
        Assert.Throws<ArgumentOutOfRangeException>("policy", () => client.DeriveNat64StreamAsync(NetworkSpecific, Of(Global1), (DerivePolicy)7));

        var error = await Assert.ThrowsAsync<ArgumentException>("ipv4",
            () => Nat64BatchTests.ToListAsync(client.DeriveNat64StreamAsync(NetworkSpecific, Of(Global1, Global2, default))));
        Assert.Contains("index 2", error.Message);
    }

    [Theory]
    [InlineData(Nat64StreamMode.FullDuplex)]
    [InlineData(Nat64StreamMode.Segmented)]
    public async Task An_exception_of_the_producer_ends_the_enumeration_with_that_exception(Nat64StreamMode mode)
    {
        var client = service.CreateStreamClient(mode);

        async IAsyncEnumerable<IPv4Address> Failing()
        {
            yield return Global1;
            await Task.Yield();
            throw new InvalidDataException("the inventory export is corrupt");
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Nat64BatchTests.ToListAsync(client.DeriveNat64StreamAsync(NetworkSpecific, Failing())));
        Assert.Equal("the inventory export is corrupt", error.Message);
    }

    [Theory]
    [InlineData(Nat64StreamMode.FullDuplex)]
    [InlineData(Nat64StreamMode.Segmented)]
    public async Task An_error_status_is_the_services_problem_as_an_exception_and_the_producer_stops(Nat64StreamMode mode)
    {
        // No Nat64Prefix value is invalid for the service, so the test breaks the query string on its way.
        var recorder = new Nat64Support.Recorder
        {
            Rewrite = request =>
            {
                request.RequestUri = new Uri(request.RequestUri!.AbsoluteUri.Replace("%2F96", "%2F95"));
                return Task.CompletedTask;
            },
        };
        var client = service.CreateStreamClient(mode, recorder);
        var producer = new EndlessProducer();

        var error = await Assert.ThrowsAsync<IsatapPlatformValidationException>(() => Nat64BatchTests.ToListAsync(client.DeriveNat64StreamAsync(NetworkSpecific, producer.Produce())));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Contains("prefix", error.Errors.Keys, StringComparer.OrdinalIgnoreCase);
        await producer.Stopped.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("not json\n")]
    [InlineData("{\"ipv4\":\"8.8.8.8\"}\n")] // neither ipv6 nor error
    [InlineData("{\"ipv4\":\"8.8.8.8\",\"error\":{\"code\":\"x\"}}\n")] // an error without a message
    [InlineData("{\"ipv4\":\"8.8.8.8\",\"ipv6\":\"fd03:b402:e10c:7777::808:808\"} {}\n")] // two documents on a line
    [InlineData("[1,2]\n")]
    public async Task A_malformed_result_line_is_an_unexpected_response(string body)
    {
        var client = new IsatapPlatformClient(new HttpClient(new Nat64Support.Stub("application/x-ndjson", body)) { BaseAddress = new Uri("http://localhost/") });

        var error = await Assert.ThrowsAsync<IsatapPlatformException>(() => Nat64BatchTests.ToListAsync(client.DeriveNat64StreamAsync(NetworkSpecific, Of(Global1))));
        Assert.Equal(IsatapPlatformClient.UnexpectedResponseCode, error.Code);
    }

    [Fact]
    public async Task Full_duplex_works_over_real_HTTP2_on_loopback_Kestrel()
    {
        // Over sockets, .NET's HttpClient reads a response while still sending the request only with HTTP/2. Cleartext
        // HTTP/2 needs prior knowledge: an HTTP/2 endpoint and an HttpClient that asks for exactly HTTP/2.
        using var factory = StartKestrel(HttpProtocols.Http2, out var address);
        using var http = new HttpClient(new SocketsHttpHandler())
        {
            BaseAddress = new Uri(address),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        Assert.Equal("127.0.0.1", http.BaseAddress.Host);
        var client = new IsatapPlatformClient(http);

        var firstAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async IAsyncEnumerable<IPv4Address> Producer([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var random = new Random(11);
            for (int i = 0; i < 200_000; i++)
            {
                // Holds the upload until a result came back: only a full-duplex exchange gets past this.
                if (i == 1_000) await firstAnswered.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                yield return IPv4Address.FromUInt32((uint)random.NextInt64(0, 1L << 32));
            }
        }

        var expected = new Random(11);
        long count = 0;
        await foreach (var result in client.DeriveNat64StreamAsync(NetworkSpecific, Producer()))
        {
            Assert.Equal(NetworkSpecific.Embed(IPv4Address.FromUInt32((uint)expected.NextInt64(0, 1L << 32))), result.Ipv6);
            if (count++ == 0) firstAnswered.SetResult();
        }
        Assert.Equal(200_000, count);
    }

    [Fact]
    public async Task A_handler_token_cancelled_after_the_response_headers_does_not_cut_the_upload()
    {
        // Polly's attempt timeout (AddIsatapPlatformClient's standard resilience handler) returns its token source to a
        // pool once the headers are in, and a later request's timeout may cancel it. The upload must not depend on it.
        // Today SocketsHttpHandler's HTTP/2 sends the body under a token of its own, so this holds even for content that
        // honours the transport's token; the client's content does not link it at all, so it holds for any handler.
        using var factory = StartKestrel(HttpProtocols.Http2, out var address);
        var handler = new CancelsItsTokenAfterTheHeaders { InnerHandler = new SocketsHttpHandler() };
        using var http = new HttpClient(handler)
        {
            BaseAddress = new Uri(address),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        var client = new IsatapPlatformClient(http);

        var firstAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async IAsyncEnumerable<IPv4Address> Producer([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (uint i = 0; i < 20_000; i++)
            {
                // Past this point the handler's token is already cancelled.
                if (i == 100) await firstAnswered.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                yield return IPv4Address.FromUInt32(0x0808_0000 + i);
            }
        }

        long count = 0;
        await foreach (var result in client.DeriveNat64StreamAsync(NetworkSpecific, Producer()))
        {
            if (count++ == 0) firstAnswered.SetResult();
        }
        Assert.True(handler.Cancelled);
        Assert.Equal(20_000, count);
    }

    [Fact]
    public async Task Over_HTTP11_on_sockets_the_response_is_not_read_before_the_upload_ends()
    {
        // The documented limitation, pinned: SocketsHttpHandler sends the whole HTTP/1.1 body before it reads the
        // response. A producer that waits for a result therefore waits in vain (here 3 s), and a stream longer than
        // the transport's buffers stalls (measured on loopback: 100,000 lines pass, 1,000,000 stall). Should .NET
        // ever read HTTP/1.1 responses early, this test fails and the default mode could stream in one request over
        // HTTP/1.1 too. The default (Auto) mode does not use full duplex here: see the next test.
        using var factory = StartKestrel(HttpProtocols.Http1, out var address);
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(address) };
        var client = new IsatapPlatformClient(http, new IsatapPlatformClientOptions { StreamMode = Nat64StreamMode.FullDuplex });

        var firstAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IAsyncEnumerable<IPv4Address> Producer() => WaitingProducer(firstAnswered.Task, TimeSpan.FromSeconds(3));

        long count = 0;
        await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await foreach (var result in client.DeriveNat64StreamAsync(NetworkSpecific, Producer()))
            {
                if (count++ == 0) firstAnswered.SetResult();
            }
        });
        Assert.Equal(0, count);

        // The same client and server without the wait: a short stream over HTTP/1.1 works, only without overlap.
        var results = await Nat64BatchTests.ToListAsync(client.DeriveNat64StreamAsync(NetworkSpecific, Of(Global1, Global2)));
        Assert.Equal(NetworkSpecific.Embed(Global2), results[1].Ipv6);
    }

    [Fact]
    public async Task Over_HTTP11_on_sockets_the_default_mode_sends_segments_that_overlap_and_never_stall()
    {
        // The same server and producer as the pinned limitation above, with the default options: the client sends
        // consecutive segments, so the producer's wait ends with results, and a million addresses (which stall a single
        // HTTP/1.1 request) go through.
        using var factory = StartKestrel(HttpProtocols.Http1, out var address);
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(address) };
        var client = new IsatapPlatformClient(http);
        Assert.False(client.UsesFullDuplexStreaming());

        var firstAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IAsyncEnumerable<IPv4Address> Producer() => WaitingProducer(firstAnswered.Task, TimeSpan.FromSeconds(30));
        long count = 0;
        await foreach (var result in client.DeriveNat64StreamAsync(NetworkSpecific, Producer()))
        {
            Assert.Equal(IPv4Address.FromUInt32(0x0808_0000 + (uint)count), result.Ipv4);
            if (++count == 100) firstAnswered.SetResult();
        }
        Assert.Equal(200, count);

        var expected = new Random(7050);
        count = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await foreach (var result in client.DeriveNat64StreamAsync(NetworkSpecific, RandomAddresses(1_000_000, seed: 7050), cancellationToken: deadline.Token))
        {
            var ipv4 = IPv4Address.FromUInt32((uint)expected.NextInt64(0, 1L << 32));
            if (result.Index != count || result.Ipv6 != NetworkSpecific.Embed(ipv4)) Assert.Fail($"result {count} is {result}, expected {NetworkSpecific.Embed(ipv4)}");
            count++;
        }
        Assert.Equal(1_000_000, count);
    }

    [Theory]
    [InlineData("1.1", HttpVersionPolicy.RequestVersionOrLower, Nat64StreamMode.Auto, false)]
    [InlineData("1.1", HttpVersionPolicy.RequestVersionOrHigher, Nat64StreamMode.Auto, false)]
    [InlineData("2.0", HttpVersionPolicy.RequestVersionOrLower, Nat64StreamMode.Auto, false)] // ALPN may still say HTTP/1.1
    [InlineData("2.0", HttpVersionPolicy.RequestVersionExact, Nat64StreamMode.Auto, true)]
    [InlineData("2.0", HttpVersionPolicy.RequestVersionOrHigher, Nat64StreamMode.Auto, true)]
    [InlineData("3.0", HttpVersionPolicy.RequestVersionExact, Nat64StreamMode.Auto, true)]
    [InlineData("1.1", HttpVersionPolicy.RequestVersionOrLower, Nat64StreamMode.FullDuplex, true)]
    [InlineData("2.0", HttpVersionPolicy.RequestVersionExact, Nat64StreamMode.Segmented, false)]
    public void Auto_mode_streams_in_one_request_only_when_the_HttpClient_cannot_fall_back_below_HTTP2(
        string version, HttpVersionPolicy policy, Nat64StreamMode mode, bool fullDuplex)
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://localhost/"), DefaultRequestVersion = Version.Parse(version), DefaultVersionPolicy = policy };
        var client = new IsatapPlatformClient(http, new IsatapPlatformClientOptions { StreamMode = mode });
        Assert.Equal(fullDuplex, client.UsesFullDuplexStreaming());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4_097)]
    public void The_segment_size_is_checked_when_the_client_is_made(int size)
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://localhost/") };
        Assert.Throws<ArgumentException>("options", () => new IsatapPlatformClient(http, new IsatapPlatformClientOptions { StreamSegmentSize = size }));
    }

    [Fact]
    public async Task Segments_carry_at_most_the_segment_size_and_a_fast_producer_fills_them()
    {
        var recorder = new Nat64Support.Recorder();
        var client = new IsatapPlatformClient(service.Factory.CreateDefaultClient(new Uri("http://localhost/"), recorder),
            new IsatapPlatformClientOptions { StreamMode = Nat64StreamMode.Segmented, StreamSegmentSize = 1_000 });

        async IAsyncEnumerable<IPv4Address> Fast()
        {
            await Task.Yield();
            for (uint i = 0; i < 2_500; i++) yield return IPv4Address.FromUInt32(0x0808_0000 + i);
        }
        var results = await Nat64BatchTests.ToListAsync(client.DeriveNat64StreamAsync(NetworkSpecific, Fast()));

        Assert.Equal(2_500, results.Count);
        Assert.Equal(3, recorder.RetrySafe.Count); // 1,000 + 1,000 + 500
        Assert.All(recorder.RetrySafe, Assert.True);
        Assert.Equal(NetworkSpecific.Embed(IPv4Address.FromUInt32(0x0808_0000 + 2_499)), results[^1].Ipv6);
    }

    [Theory]
    [InlineData("{\"ipv4\":\"1.1.1.1\",\"ipv6\":\"fd03:b402:e10c:7777::101:101\"}\n")] // the answer for another address
    [InlineData("")] // no answer at all
    [InlineData("{\"ipv4\":\"8.8.8.8\",\"ipv6\":\"fd03:b402:e10c:7777::808:808\"}\n{\"ipv4\":\"8.8.8.8\",\"ipv6\":\"fd03:b402:e10c:7777::808:808\"}\n")] // one too many
    public async Task A_segment_answered_for_other_addresses_or_in_other_numbers_is_an_unexpected_response(string body)
    {
        var client = new IsatapPlatformClient(new HttpClient(new Nat64Support.Stub("application/x-ndjson", body)) { BaseAddress = new Uri("http://localhost/") },
            new IsatapPlatformClientOptions { StreamMode = Nat64StreamMode.Segmented });

        var error = await Assert.ThrowsAsync<IsatapPlatformException>(() => Nat64BatchTests.ToListAsync(client.DeriveNat64StreamAsync(NetworkSpecific, Of(Global1))));
        Assert.Equal(IsatapPlatformClient.UnexpectedResponseCode, error.Code);
    }

    /// <summary>The service on loopback Kestrel with one endpoint speaking <paramref name="protocols"/>.</summary>
    private static WebApplicationFactory<Program> StartKestrel(HttpProtocols protocols, out string address)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
        factory.StartServer();
        address = Assert.Single(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses);
        return factory;
    }

    /// <summary>200 addresses (8.8.0.0 onwards) that stop after the first 100 until <paramref name="answered"/>
    /// completes, or fail with a <see cref="TimeoutException"/> after <paramref name="timeout"/>: only an exchange that
    /// returns results while the upload is still going gets past the 100th.</summary>
    private static async IAsyncEnumerable<IPv4Address> WaitingProducer(Task answered, TimeSpan timeout, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (uint i = 0; i < 200; i++)
        {
            if (i == 100) await answered.WaitAsync(timeout, cancellationToken);
            yield return IPv4Address.FromUInt32(0x0808_0000 + i);
        }
    }

    /// <summary>Passes its own token down and cancels it as soon as the response headers are back.</summary>
    private sealed class CancelsItsTokenAfterTheHeaders : DelegatingHandler
    {
        public bool Cancelled { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var response = await base.SendAsync(request, source.Token);
            source.Cancel();
            Cancelled = true;
            return response;
        }
    }

    /// <summary>A producer that never ends unless cancelled or disposed, and says when it stopped.</summary>
    private sealed class EndlessProducer
    {
        private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _produced;

        public long Produced => Interlocked.Read(ref _produced);

        public Task Stopped => _stopped.Task;

        public async IAsyncEnumerable<IPv4Address> Produce([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            try
            {
                for (uint i = 0; ; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Interlocked.Increment(ref _produced);
                    yield return IPv4Address.FromUInt32(0x0800_0000 + i);
                    if (i % 1024 == 1023) await Task.Yield();
                }
            }
            finally
            {
                _stopped.TrySetResult();
            }
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Nat64StreamMemoryCollection
{
    public const string Name = "NAT64 stream memory (alone: it measures the process's managed heap)";
}

[Collection(Nat64StreamMemoryCollection.Name)]
public sealed class Nat64StreamMemoryTests(Nat64Support.Service service, ITestOutputHelper output) : IClassFixture<Nat64Support.Service>
{
    private static readonly Nat64Prefix Prefix = Nat64Prefix.Parse("2001:db8:122:300::/56");

    [Fact]
    public async Task A_stream_of_a_million_addresses_runs_in_bounded_memory()
    {
        const int Count = 1_000_000;
        var client = service.CreateClient();
        // Warm up first (JIT, pools, the server's first request), so that what is measured is what the stream holds.
        await foreach (var _ in client.DeriveNat64StreamAsync(Prefix, Nat64StreamTests.RandomAddresses(20_000, seed: 1))) { }

        long before = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long largestGrowth = long.MinValue;
        var expected = new Random(2);
        long count = 0;
        await foreach (var result in client.DeriveNat64StreamAsync(Prefix, Nat64StreamTests.RandomAddresses(Count, seed: 2)))
        {
            var ipv4 = IPv4Address.FromUInt32((uint)expected.NextInt64(0, 1L << 32));
            if (result.Ipv6 != Prefix.Embed(ipv4)) Assert.Fail($"result {result.Index} is {result}, expected {Prefix.Embed(ipv4)}");
            if (++count % 200_000 == 0) largestGrowth = Math.Max(largestGrowth, GC.GetTotalMemory(forceFullCollection: true) - before);
        }
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        output.WriteLine($"{Count:N0} results; {allocated:N0} bytes allocated while streaming; largest live-heap growth mid-stream {largestGrowth:N0} bytes");
        Assert.Equal(Count, count);
        // The stream passed through far more than it may hold: each result is an object of about 90 bytes, so
        // holding the results would grow the heap by more than 50 MB.
        Assert.True(allocated > 50L * Count, $"{allocated:N0} bytes allocated");
        // Live heap (client, in-process service and test server together), measured five times mid-stream after a
        // full collection: a few buffers, not the data. 16 MiB leaves room for pools and the runtime's own growth.
        Assert.InRange(largestGrowth, long.MinValue, 16L * 1024 * 1024);
    }
}
