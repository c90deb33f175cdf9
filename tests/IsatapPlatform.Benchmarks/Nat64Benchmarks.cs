using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using IsatapPlatform.Addressing;

namespace IsatapPlatform.Benchmarks;

/// <summary>RFC 6052 §2.3 embedding and extraction on already-parsed values, at /96 (where the IPv4
/// address is the last 32 bits) and at /56 (where it is split around the u octet).</summary>
/// <remarks>The baselines are what a developer writes with <see cref="IPAddress"/> alone: get the
/// bytes, copy them into a new array skipping byte 8 (the u octet), and build a new address.</remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class Nat64Benchmarks
{
    private const string Embed = "Embed";
    private const string Extract = "Extract";

    /// <summary>The prefix length under test; each length gets its own baseline row.</summary>
    [Params(96, 56)]
    public int Length { get; set; }

    private Nat64Prefix _prefix;
    private IPv4Address _ipv4;
    private IPv6Address _embedded;

    private IPAddress _prefixIp = IPAddress.None;
    private IPAddress _ipv4Ip = IPAddress.None;
    private IPAddress _embeddedIp = IPAddress.None;

    /// <summary>Parses the inputs once, so the measured methods see values the JIT cannot fold.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string prefix = Length == 96 ? "64:ff9b::/96" : "2001:db8:122:300::/56";
        _prefix = Nat64Prefix.Parse(prefix);
        _ipv4 = IPv4Address.Parse("192.0.2.33");
        _embedded = _prefix.Embed(_ipv4);

        _prefixIp = IPAddress.Parse(prefix[..prefix.IndexOf('/')]);
        _ipv4Ip = IPAddress.Parse("192.0.2.33");
        _embeddedIp = IPAddress.Parse(_embedded.ToString());

        // Both ways must compute the same thing, or the ratio means nothing.
        Check(EmbedIPAddress().ToString() == EmbedNat64Prefix().ToString(), "embed");
        Check(ExtractIPAddress()?.ToString() == ExtractNat64Prefix().ToString(), "extract");
    }

    /// <summary>Baseline: byte arrays through <see cref="IPAddress.GetAddressBytes"/>.</summary>
    [Benchmark(Baseline = true, Description = "IPAddress bytes")]
    [BenchmarkCategory(Embed)]
    public IPAddress EmbedIPAddress()
    {
        byte[] prefix = _prefixIp.GetAddressBytes();
        byte[] v4 = _ipv4Ip.GetAddressBytes();
        var bytes = new byte[16];
        int pos = Length / 8;
        Array.Copy(prefix, bytes, pos);
        foreach (byte b in v4)
        {
            if (pos == 8) pos++; // RFC 6052: bits 64-71 (the u octet) stay zero
            bytes[pos++] = b;
        }
        return new IPAddress(bytes);
    }

    /// <summary><see cref="Nat64Prefix.Embed"/>.</summary>
    [Benchmark(Description = "Nat64Prefix.Embed")]
    [BenchmarkCategory(Embed)]
    public IPv6Address EmbedNat64Prefix() => _prefix.Embed(_ipv4);

    /// <summary>Baseline: check the prefix bytes and the u octet, then copy out four bytes.</summary>
    [Benchmark(Baseline = true, Description = "IPAddress bytes")]
    [BenchmarkCategory(Extract)]
    public IPAddress? ExtractIPAddress()
    {
        byte[] bytes = _embeddedIp.GetAddressBytes();
        byte[] prefix = _prefixIp.GetAddressBytes();
        int pos = Length / 8;
        if (bytes[8] != 0) return null;
        for (int i = 0; i < pos; i++)
            if (bytes[i] != prefix[i]) return null;
        var v4 = new byte[4];
        for (int i = 0; i < 4; i++)
        {
            if (pos == 8) pos++;
            v4[i] = bytes[pos++];
        }
        return new IPAddress(v4);
    }

    /// <summary><see cref="Nat64Prefix.TryExtract"/>.</summary>
    [Benchmark(Description = "Nat64Prefix.TryExtract")]
    [BenchmarkCategory(Extract)]
    public IPv4Address ExtractNat64Prefix()
        => _prefix.TryExtract(_embedded, out var v4, out _) ? v4 : default;

    private static void Check(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException($"Nat64Benchmarks: the {what} baseline and the library disagree.");
    }
}
