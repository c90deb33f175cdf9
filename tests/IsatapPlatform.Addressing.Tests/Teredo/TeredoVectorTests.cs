using System.Globalization;
using IsatapPlatform.Addressing.Tests.Support;

namespace IsatapPlatform.Addressing.Tests.Teredo;

/// <summary>RFC 4380 / RFC 5991 vectors from TestData/vectors.json (REFERENCE.md §8, rows 51-54).</summary>
public sealed class TeredoVectorTests
{
    public static TheoryData<TestVector> DecodeVectors => TestVectors.OfKind(TestVectors.TeredoDecode);
    public static TheoryData<TestVector> EncodeVectors => TestVectors.OfKind(TestVectors.TeredoEncode);

    [Theory]
    [MemberData(nameof(DecodeVectors))]
    public void Decoding_matches_the_vector(TestVector vector)
    {
        var address = IPv6Address.Parse(vector.Input("address"));

        Assert.True(Addressing.Teredo.TryDecode(address, out var fields));

        Assert.Equal(vector.ExpectedString("server"), fields.Server.ToString());
        Assert.Equal(Flags(vector.ExpectedString("flags")), fields.Flags);
        Assert.Equal(vector.ExpectedBool("cone"), fields.Cone);
        Assert.Equal(vector.ExpectedInt("port"), fields.Port);
        Assert.Equal(vector.ExpectedString("client"), fields.Client.ToString());
        Assert.Equal(address, Addressing.Teredo.Encode(fields));
    }

    [Theory]
    [MemberData(nameof(EncodeVectors))]
    public void Encoding_matches_the_vector(TestVector vector)
    {
        var fields = new TeredoAddress(
            IPv4Address.Parse(vector.Input("server")),
            Flags(vector.Input("flags")),
            checked((ushort)vector.InputInt("port")),
            IPv4Address.Parse(vector.Input("client")));

        var address = Addressing.Teredo.Encode(fields);

        Assert.Equal(vector.ExpectedText, address.ToString());
    }

    private static ushort Flags(string hex)
        => ushort.Parse(hex.AsSpan(hex.StartsWith("0x", StringComparison.Ordinal) ? 2 : 0), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
