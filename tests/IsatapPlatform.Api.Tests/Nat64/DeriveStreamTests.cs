using System.Net;
using System.Text;
using System.Text.Json;
using IsatapPlatform.Api.Tests.Support;

namespace IsatapPlatform.Api.Tests.Nat64;

public sealed class DeriveStreamTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Path = "/api/v1/nat64/derive/stream?prefix=2001:db8:122:344::/96";
    private readonly HttpClient _client = factory.CreateClient();

    // WebApplicationFactory's default client buffers request bodies (to replay them on redirects);
    // the test server's own client streams them, as a real client does.
    private readonly HttpClient _streamingClient = factory.Server.CreateClient();

    private static ByteArrayContent Lines(string text, string contentType = "text/plain") => Json.Raw(Encoding.UTF8.GetBytes(text), contentType);

    [Fact]
    public async Task Writes_one_result_line_per_input_line()
    {
        var response = await _client.PostAsync(Path, Lines("192.0.2.33\r\n192.0.2.256\n\n  10.0.0.1  \n1.2.3.4"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", Json.MediaType(response));
        Assert.Equal(
            """
            {"ipv4":"192.0.2.33","ipv6":"2001:db8:122:344::c000:221"}
            {"ipv4":"192.0.2.256","error":{"code":"address.invalid","message":"an IPv4 octet must be between 0 and 255 (at position 8)"}}
            {"ipv4":"10.0.0.1","ipv6":"2001:db8:122:344::a00:1"}
            {"ipv4":"1.2.3.4","ipv6":"2001:db8:122:344::102:304"}

            """.ReplaceLineEndings("\n"),
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reads_NDJSON_strings()
    {
        var response = await _client.PostAsync(Path, Lines("\uFEFF\"192.0.2.33\"\n\"\\u0031.2.3.4\"\n\"unterminated\n", "application/x-ndjson; charset=utf-8"));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length);
        Assert.Equal("2001:db8:122:344::c000:221", JsonDocument.Parse(lines[0]).RootElement.GetProperty("ipv6").GetString());
        Assert.Equal("2001:db8:122:344::102:304", JsonDocument.Parse(lines[1]).RootElement.GetProperty("ipv6").GetString());
        Assert.Equal("address.invalid", JsonDocument.Parse(lines[2]).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_too_long_line_is_an_error_for_that_line_only()
    {
        string longLine = new('7', 100_000);
        var response = await _client.PostAsync(Path, Lines($"1.1.1.1\n{longLine}\n2.2.2.2\n"));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, lines.Length);
        var error = JsonDocument.Parse(lines[1]).RootElement;
        Assert.Equal("stream.line-too-long", error.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(64, error.GetProperty("ipv4").GetString()!.Length); // only the start is echoed
        Assert.Equal("2001:db8:122:344::202:202", JsonDocument.Parse(lines[2]).RootElement.GetProperty("ipv6").GetString());
    }

    [Fact]
    public async Task Results_arrive_while_the_body_is_still_being_sent()
    {
        var firstResultSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var content = new GatedContent("192.0.2.33\n", firstResultSeen.Task, "10.0.0.1\n");
        content.Headers.ContentType = new("text/plain");
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = content };

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var sending = _streamingClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.True(await Task.WhenAny(sending, Task.Delay(TimeSpan.FromSeconds(20))) == sending, "no response while the body is held back");
        var response = await sending;
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var reading = reader.ReadLineAsync(timeout.Token).AsTask();
        Assert.True(await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(20))) == reading, "no result line while the body is held back");
        string? first = await reading;
        firstResultSeen.SetResult(); // only now does the client send the rest of the body
        string? second = await reader.ReadLineAsync(timeout.Token);

        Assert.Contains("2001:db8:122:344::c000:221", first);
        Assert.Contains("2001:db8:122:344::a00:1", second);
    }

    [Fact]
    public async Task Streams_a_large_body_with_one_result_per_line()
    {
        const int LineCount = 200_000;
        var content = new GeneratedLines(LineCount);
        content.Headers.ContentType = new("application/x-ndjson");
        var response = await _streamingClient.SendAsync(new HttpRequestMessage(HttpMethod.Post, Path) { Content = content }, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        int count = 0;
        string? last = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            count++;
            last = line;
        }
        Assert.Equal(LineCount, count);
        Assert.Equal("""{"ipv4":"10.3.13.63","ipv6":"2001:db8:122:344::a03:d3f"}""", last);
    }

    [Fact]
    public async Task A_JSON_body_is_415()
    {
        var response = await _client.PostAsync(Path, Json.Body("""["1.2.3.4"]"""));

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported-media-type");
    }

    [Theory]
    [InlineData("/api/v1/nat64/derive/stream", "request.field-required", "prefix")]
    [InlineData("/api/v1/nat64/derive/stream?prefix=2001:db8::/95", "nat64.prefix-length", "prefix")]
    [InlineData("/api/v1/nat64/derive/stream?prefix=2001:db8::/96&policy=loose", "request.malformed", "policy")]
    public async Task A_bad_query_is_400(string path, string code, string field)
    {
        await Problem.AssertFieldAsync(await _client.PostAsync(path, Lines("1.2.3.4\n")), HttpStatusCode.BadRequest, code, field);
    }

    /// <summary>Sends its first part, waits for the gate, then sends the rest.</summary>
    private sealed class GatedContent(string first, Task gate, string rest) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(first));
            await stream.FlushAsync();
            await gate;
            await stream.WriteAsync(Encoding.ASCII.GetBytes(rest));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
            => throw new NotSupportedException();
    }

    /// <summary>Generates "10.a.b.c" lines on the fly, never holding the body in memory.</summary>
    private sealed class GeneratedLines(int count) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new StringBuilder();
            for (int i = 0; i < count; i++)
            {
                chunk.Append("10.").Append(i >> 16).Append('.').Append((i >> 8) & 255).Append('.').Append(i & 255).Append('\n');
                if (chunk.Length > 16_000)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(chunk.ToString()));
                    chunk.Clear();
                }
            }
            await stream.WriteAsync(Encoding.ASCII.GetBytes(chunk.ToString()));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
