using System.Buffers.Binary;
using System.Net;
using BenchmarkDotNet.Attributes;
using IsatapPlatform.Addressing;

namespace IsatapPlatform.Benchmarks;

/// <summary>"What is this address?" from text: the question the REST API's inspect endpoint answers.</summary>
/// <remarks>The baseline parses with <see cref="IPAddress.Parse(string)"/>, asks its IsIPv6* properties
/// and reads the bytes for what IPAddress does not know (6to4, ISATAP, NAT64). It reads embedded IPv4
/// addresses as integers rather than allocating an IPAddress for each, which favours the baseline.</remarks>
[MemoryDiagnoser]
public class InspectionBenchmarks
{
    /// <summary>Which input: "Teredo" is the RFC 4380 example 2001:0:4136:e378:8000:63bf:3fff:fdd2;
    /// "ISATAP" is the link-local fe80::5efe:10.1.2.3, written with a dotted quad as Windows prints it.</summary>
    [Params("Teredo", "ISATAP")]
    public string Address { get; set; } = "";

    private string _text = "";

    /// <summary>Puts the input text in a private field.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _text = Address switch
        {
            "Teredo" => "2001:0:4136:e378:8000:63bf:3fff:fdd2",
            "ISATAP" => "fe80::5efe:10.1.2.3",
            _ => throw new InvalidOperationException($"Unknown input {Address}."),
        };
        var baseline = IPAddressInspect();
        var ours = AddressInspectorTryInspect();
        if (baseline != ours || ours.Kinds == AddressKinds.None || ours.EmbeddedIPv4 == 0)
            throw new InvalidOperationException($"InspectionBenchmarks: baseline says {baseline}, the library {ours}.");
    }

    /// <summary>What both ways return: the kinds and the embedded IPv4 a caller would act on
    /// (NAT64, else ISATAP, else the Teredo server, else 6to4). Returning the same small value from
    /// both keeps the comparison about the work, not about copying a large result.</summary>
    public readonly record struct InspectionResult(AddressKinds Kinds, uint EmbeddedIPv4);

    /// <summary>Baseline: IPAddress.Parse, its IsIPv6* properties and GetAddressBytes.</summary>
    [Benchmark(Baseline = true, Description = "IPAddress.Parse+IsIPv6*+bytes")]
    public InspectionResult IPAddressInspect()
    {
        var ip = IPAddress.Parse(_text);
        byte[] b = ip.GetAddressBytes();
        var kinds = AddressKinds.None;
        uint embedded = 0;
        if (ip.IsIPv6LinkLocal) kinds |= AddressKinds.LinkLocal;
        if (ip.IsIPv6SiteLocal) kinds |= AddressKinds.SiteLocal;
        if (ip.IsIPv6UniqueLocal) kinds |= AddressKinds.UniqueLocal;
        if (ip.IsIPv6Multicast) kinds |= AddressKinds.Multicast;
        if (ip.IsIPv4MappedToIPv6) kinds |= AddressKinds.IPv4Mapped;
        if (IPAddress.IsLoopback(ip)) kinds |= AddressKinds.Loopback;
        bool documentation = b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8;
        if (documentation) kinds |= AddressKinds.Documentation;
        else if ((b[0] & 0xE0) == 0x20) kinds |= AddressKinds.GlobalUnicast;
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            kinds |= AddressKinds.SixToFour;
            embedded = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(2));
        }
        if (ip.IsIPv6Teredo)
        {
            kinds |= AddressKinds.Teredo;
            embedded = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(4));
        }
        if (b[10] == 0x5e && b[11] == 0xfe && (b[8] & ~0x03) == 0 && b[9] == 0 && !ip.IsIPv6Multicast)
        {
            kinds |= AddressKinds.Isatap;
            embedded = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(12));
        }
        if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            kinds |= AddressKinds.Nat64WellKnown;
            embedded = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(12));
        }
        return new InspectionResult(kinds, embedded);
    }

    /// <summary><see cref="AddressInspector.TryInspect"/>, then the same two answers as the baseline.</summary>
    [Benchmark(Description = "AddressInspector.TryInspect")]
    public InspectionResult AddressInspectorTryInspect()
    {
        if (!AddressInspector.TryInspect(_text, out var i, out _)) return default;
        uint embedded = i.Nat64 is { } n ? n.IPv4.Value
            : i.Isatap is { } isatap ? isatap.IPv4.Value
            : i.Teredo is { } teredo ? teredo.Server.Value
            : i.SixToFour is { } sixToFour ? sixToFour.IPv4.Value
            : 0;
        return new InspectionResult(i.Kinds, embedded);
    }
}
