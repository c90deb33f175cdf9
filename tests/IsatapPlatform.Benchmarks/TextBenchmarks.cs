using System.Net;
using BenchmarkDotNet.Attributes;
using IsatapPlatform.Addressing;

namespace IsatapPlatform.Benchmarks;

/// <summary>The NAT64 hot path of a DNS64 or provisioning tool: IPv4 text in, canonical (RFC 5952)
/// NAT64 IPv6 text out, written into a buffer the caller owns.</summary>
[MemoryDiagnoser]
public class TextBenchmarks
{
    private string _ipv4Text = "";
    private Nat64Prefix _prefix;
    private IPAddress _prefixIp = IPAddress.None;
    private char[] _destination = [];

    /// <summary>Sets the inputs in fields so the JIT cannot fold them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _ipv4Text = "192.0.2.33";
        _prefix = Nat64Prefix.WellKnown;
        _prefixIp = IPAddress.Parse("64:ff9b::");
        _destination = new char[64];

        // Both ways must write the same text, or the ratio means nothing.
        string baseline = new(_destination, 0, IPAddressParseEmbedFormat());
        string ours = new(_destination, 0, ParseEmbedFormat());
        if (baseline != ours || ours != "64:ff9b::c000:221")
            throw new InvalidOperationException($"TextBenchmarks: baseline wrote '{baseline}', the library '{ours}'.");
    }

    /// <summary>Baseline: IPAddress.Parse, byte arrays, a new IPAddress and IPAddress.TryFormat.</summary>
    [Benchmark(Baseline = true, Description = "IPAddress Parse+bytes+TryFormat")]
    public int IPAddressParseEmbedFormat()
    {
        byte[] v4 = IPAddress.Parse(_ipv4Text).GetAddressBytes();
        byte[] bytes = _prefixIp.GetAddressBytes();
        Array.Copy(v4, 0, bytes, 12, 4);
        return new IPAddress(bytes).TryFormat(_destination, out int written) ? written : -1;
    }

    /// <summary><see cref="IPv4Address.TryParse(ReadOnlySpan{char}, out IPv4Address)"/>, <see cref="Nat64Prefix.Embed"/>, <see cref="IPv6Address.TryFormat(Span{char}, out int, ReadOnlySpan{char}, IFormatProvider?)"/>.</summary>
    [Benchmark(Description = "IPv4Address.TryParse+Embed+TryFormat")]
    public int ParseEmbedFormat()
    {
        if (!IPv4Address.TryParse(_ipv4Text.AsSpan(), out var v4)) return -1;
        return _prefix.Embed(v4).TryFormat(_destination, out int written) ? written : -1;
    }
}
