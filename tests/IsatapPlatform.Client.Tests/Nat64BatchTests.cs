using System.Net;
using System.Text;
using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Nat64;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IsatapPlatform.Client.Tests;

/// <summary>What the NAT64 batch and stream tests share.</summary>
public static class Nat64Support
{
    /// <summary>The service in process (TestServer, Production environment), shared by the tests of one class.</summary>
    public sealed class Service : IDisposable
    {
        public Service()
        {
            Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        }

        public WebApplicationFactory<Program> Factory { get; }

        /// <summary>A client whose requests pass through <paramref name="handlers"/> (outermost first) to the service.</summary>
        public IsatapPlatformClient CreateClient(int batchSize = 10_000, params DelegatingHandler[] handlers)
            => new(Factory.CreateDefaultClient(new Uri("http://localhost/"), handlers), new IsatapPlatformClientOptions { BatchSize = batchSize });

        /// <summary>A client whose streaming derivation runs in <paramref name="mode"/> (the test server is full duplex
        /// whatever the HTTP version, so both modes can run against it).</summary>
        public IsatapPlatformClient CreateStreamClient(Nat64StreamMode mode, params DelegatingHandler[] handlers)
            => new(Factory.CreateDefaultClient(new Uri("http://localhost/"), handlers), new IsatapPlatformClientOptions { StreamMode = mode });

        public void Dispose() => Factory.Dispose();
    }

    /// <summary>Counts the requests that reach the service and remembers whether each was marked retry-safe.</summary>
    public sealed class Recorder : DelegatingHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public List<bool> RetrySafe { get; } = [];

        /// <summary>Rewrites the request before it is sent (null: unchanged).</summary>
        public Func<HttpRequestMessage, Task>? Rewrite { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            lock (RetrySafe) RetrySafe.Add(IsatapPlatformClient.IsRetrySafe(request));
            if (Rewrite is not null) await Rewrite(request);
            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Answers every request with a fixed 200 body, without a service.</summary>
    public sealed class Stub(string mediaType, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent(body, Encoding.UTF8, mediaType),
            });
    }
}

public sealed class Nat64BatchTests(Nat64Support.Service service) : IClassFixture<Nat64Support.Service>
{
    private static readonly Nat64Prefix NetworkSpecific = Nat64Prefix.Parse("2001:db8:122:300::/56");
    private static readonly IPv4Address Global1 = IPv4Address.Parse("8.8.8.8");
    private static readonly IPv4Address Private = IPv4Address.Parse("10.1.2.3");
    private static readonly IPv4Address Global2 = IPv4Address.Parse("1.1.1.1");

    internal static List<IPv4Address> RandomAddresses(int count, int seed)
    {
        var random = new Random(seed);
        var list = new List<IPv4Address>(count);
        for (int i = 0; i < count; i++) list.Add(IPv4Address.FromUInt32((uint)random.NextInt64(0, 1L << 32)));
        return list;
    }

    [Fact]
    public async Task Results_come_in_input_order_and_match_the_library()
    {
        var client = service.CreateClient();
        var inputs = RandomAddresses(5_000, seed: 6052);

        var results = new List<Nat64BatchResult>();
        await foreach (var result in client.DeriveNat64BatchAsync(NetworkSpecific, inputs)) results.Add(result);

        Assert.Equal(inputs.Count, results.Count);
        for (int i = 0; i < inputs.Count; i++)
        {
            Assert.Equal(i, results[i].Index);
            Assert.Equal(inputs[i], results[i].Ipv4);
            Assert.True(results[i].Succeeded, results[i].ToString());
            Assert.Equal(NetworkSpecific.Embed(inputs[i]), results[i].Ipv6);
            Assert.Null(results[i].Error);
            Assert.Null(results[i].Warning);
        }
    }

    [Fact]
    public async Task Long_inputs_are_sent_in_chunks_of_BatchSize_one_after_another()
    {
        var recorder = new Nat64Support.Recorder();
        var client = service.CreateClient(batchSize: 1_000, recorder);
        var inputs = RandomAddresses(2_500, seed: 7);

        long expected = 0;
        await foreach (var result in client.DeriveNat64BatchAsync(NetworkSpecific, inputs))
        {
            Assert.Equal(expected, result.Index);
            Assert.Equal(NetworkSpecific.Embed(inputs[(int)expected]), result.Ipv6);
            expected++;
        }

        Assert.Equal(2_500, expected);
        Assert.Equal(3, recorder.Requests);
        Assert.All(recorder.RetrySafe, Assert.True); // the body is in memory: a batch request may be sent again
    }

    [Fact]
    public async Task Strict_policy_refuses_a_non_global_IPv4_under_the_well_known_prefix_and_derives_the_rest()
    {
        var client = service.CreateClient();
        var results = await ToListAsync(client.DeriveNat64BatchAsync(Nat64Prefix.WellKnown, [Global1, Private, Global2]));

        Assert.Equal(3, results.Count);
        Assert.True(results[0].Succeeded);
        Assert.Equal(Nat64Prefix.WellKnown.Embed(Global1), results[0].Ipv6);
        Assert.False(results[1].Succeeded);
        Assert.Equal(Private, results[1].Ipv4);
        Assert.Null(results[1].Ipv6);
        Assert.Equal("nat64.wkp-non-global", results[1].Error!.Code);
        Assert.False(string.IsNullOrWhiteSpace(results[1].Error!.Message));
        Assert.True(results[2].Succeeded);
        Assert.Equal(Nat64Prefix.WellKnown.Embed(Global2), results[2].Ipv6);
    }

    [Fact]
    public async Task Permissive_policy_derives_it_with_a_warning()
    {
        var client = service.CreateClient();
        var results = await ToListAsync(client.DeriveNat64BatchAsync(Nat64Prefix.WellKnown, [Global1, Private, Global2], DerivePolicy.Permissive));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(Nat64Prefix.WellKnown.Embed(Private), results[1].Ipv6);
        Assert.Equal("nat64.wkp-non-global", results[1].Warning!.Code);
        Assert.Null(results[0].Warning);
        Assert.Null(results[2].Warning);
    }

    [Fact]
    public async Task A_large_response_is_read_incrementally_not_as_a_whole()
    {
        var meter = new ResponseMeter();
        var client = service.CreateClient(batchSize: 100_000, meter);
        var inputs = RandomAddresses(100_000, seed: 42);

        long readAtFirstResult = -1;
        int count = 0;
        await foreach (var result in client.DeriveNat64BatchAsync(NetworkSpecific, inputs))
        {
            if (count == 0) readAtFirstResult = meter.BytesRead;
            Assert.Equal(NetworkSpecific.Embed(inputs[count]), result.Ipv6);
            count++;
        }

        Assert.Equal(100_000, count);
        Assert.True(meter.BytesRead > 4_000_000, $"the whole response is {meter.BytesRead} bytes");
        // The first result was yielded after one read buffer, not after the 4+ MB document.
        Assert.InRange(readAtFirstResult, 1, 256 * 1024);
    }

    [Fact]
    public async Task Cancelling_mid_batch_throws_OperationCanceledException_and_stops_reading_the_input()
    {
        var client = service.CreateClient(batchSize: 1_000);
        var source = new EndlessAddresses();
        using var cancellation = new CancellationTokenSource();

        int seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var result in client.DeriveNat64BatchAsync(NetworkSpecific, source, cancellationToken: cancellation.Token))
            {
                if (++seen == 1_500) cancellation.Cancel();
            }
        });

        Assert.Equal(1_500, seen);
        Assert.InRange(source.Pulled, 1_500, 2_000); // two chunks were read, the third never
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task The_prefix_and_null_input_are_validated_on_call_and_a_default_address_before_its_chunk_is_sent()
    {
        var recorder = new Nat64Support.Recorder();
        var client = service.CreateClient(batchSize: 2, recorder);

        Assert.Throws<ArgumentException>("prefix", () => client.DeriveNat64BatchAsync(default, [Global1]));
        Assert.Throws<ArgumentNullException>("ipv4", () => client.DeriveNat64BatchAsync(NetworkSpecific, null!));
        Assert.Throws<ArgumentOutOfRangeException>("policy", () => client.DeriveNat64BatchAsync(NetworkSpecific, [Global1], (DerivePolicy)7));

        var results = new List<Nat64BatchResult>();
        var error = await Assert.ThrowsAsync<ArgumentException>("ipv4", async () =>
        {
            await foreach (var result in client.DeriveNat64BatchAsync(NetworkSpecific, [Global1, Global2, Private, default])) results.Add(result);
        });

        Assert.Contains("index 3", error.Message);
        Assert.Equal(2, results.Count); // the first chunk's results came through
        Assert.Equal(1, recorder.Requests); // the chunk with the default address was never sent
    }

    [Fact]
    public async Task An_error_status_is_the_services_problem_as_an_exception()
    {
        // No Nat64Prefix value is invalid for the service, so the test breaks the body on its way.
        var recorder = new Nat64Support.Recorder
        {
            Rewrite = async request =>
            {
                var json = await request.Content!.ReadAsStringAsync();
                request.Content = new StringContent(json.Replace("/56", "/57"), Encoding.UTF8, "application/json");
            },
        };
        var client = service.CreateClient(handlers: recorder);

        var error = await Assert.ThrowsAsync<IsatapPlatformValidationException>(() => ToListAsync(client.DeriveNat64BatchAsync(NetworkSpecific, [Global1])));
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.NotNull(error.Code);
        Assert.Contains("prefix", error.Errors.Keys, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"results":[{"ipv4":"8.8.8.8"}]}""")] // neither ipv6 nor error
    [InlineData("""{"results":[{"ipv4":"8.8.8.8","ipv6":"not an address"}]}""")]
    [InlineData("""{"results":[{"ipv4":"1.1.1.1","ipv6":"2001:db8:122:301:100:101::"}]}""")] // another address than was sent
    [InlineData("""{"results":[{"ipv4":"8.8.8.8","ipv6":"2001:db8:122:308:800:808::"},""")] // truncated
    [InlineData("""{"results":[]}""")] // fewer results than addresses
    [InlineData("""<html>proxy</html>""")]
    public async Task A_body_that_is_not_the_contract_is_an_unexpected_response(string body)
    {
        var client = new IsatapPlatformClient(new HttpClient(new Nat64Support.Stub("application/json", body)) { BaseAddress = new Uri("http://localhost/") });

        var error = await Assert.ThrowsAsync<IsatapPlatformException>(() => ToListAsync(client.DeriveNat64BatchAsync(NetworkSpecific, [Global1])));
        Assert.Equal(IsatapPlatformClient.UnexpectedResponseCode, error.Code);
    }

    [Fact]
    public async Task The_stub_body_of_the_contract_is_read()
    {
        // The counterpart of the theory above: the same stub with a correct body succeeds, so the failures are the bodies'.
        var ipv6 = NetworkSpecific.Embed(Global1);
        var client = new IsatapPlatformClient(new HttpClient(new Nat64Support.Stub("application/json",
            $$"""{"prefix":"2001:db8:122:300::/56","succeeded":1,"failed":0,"warnings":[],"results":[{"ipv4":"8.8.8.8","ipv6":"{{ipv6}}","future":[1,{"a":2}]}],"more":true}"""))
        { BaseAddress = new Uri("http://localhost/") });

        var result = Assert.Single(await ToListAsync(client.DeriveNat64BatchAsync(NetworkSpecific, [Global1])));
        Assert.Equal(ipv6, result.Ipv6);
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }

    /// <summary>An input that never ends, counting what was pulled from it.</summary>
    private sealed class EndlessAddresses : IEnumerable<IPv4Address>
    {
        private long _pulled;

        public long Pulled => Interlocked.Read(ref _pulled);

        public bool Disposed { get; private set; }

        public IEnumerator<IPv4Address> GetEnumerator()
        {
            try
            {
                for (uint i = 0; ; i++)
                {
                    Interlocked.Increment(ref _pulled);
                    yield return IPv4Address.FromUInt32(0x0800_0000 + i);
                }
            }
            finally
            {
                Disposed = true;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Counts the response bytes the client has read so far.</summary>
    private sealed class ResponseMeter : DelegatingHandler
    {
        private long _read;

        public long BytesRead => Interlocked.Read(ref _read);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var inner = await response.Content.ReadAsStreamAsync(cancellationToken);
            var counted = new StreamContent(new CountingStream(inner, this));
            foreach (var header in response.Content.Headers) counted.Headers.TryAddWithoutValidation(header.Key, header.Value);
            response.Content = counted;
            return response;
        }

        private sealed class CountingStream(Stream inner, ResponseMeter meter) : Stream
        {
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
                => Count(await inner.ReadAsync(buffer, cancellationToken));
            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
                => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            protected override void Dispose(bool disposing)
            {
                if (disposing) inner.Dispose();
                base.Dispose(disposing);
            }

            private int Count(int read)
            {
                Interlocked.Add(ref meter._read, read);
                return read;
            }
        }
    }
}
