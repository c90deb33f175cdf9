using IsatapPlatform.Addressing.Tests.Support;

namespace IsatapPlatform.Addressing.Tests.Isatap;

/// <summary>RFC 5214 vectors from TestData/vectors.json (REFERENCE.md §8, rows 30-41).</summary>
public sealed class IsatapVectorTests
{
    public static TheoryData<TestVector> AddressVectors => TestVectors.OfKind(TestVectors.IsatapAddress);
    public static TheoryData<TestVector> ExtractVectors => TestVectors.OfKind(TestVectors.IsatapExtract);
    public static TheoryData<TestVector> SubnetVectors => TestVectors.OfKind(TestVectors.IsatapSubnet);

    [Theory]
    [MemberData(nameof(AddressVectors))]
    public void Address_matches_the_vector(TestVector vector)
    {
        var prefix = IPv6Prefix.Parse(vector.Input("prefix"));
        var ipv4 = IPv4Address.Parse(vector.Input("ipv4"));

        Assert.True(Addressing.Isatap.TryCreateAddress(prefix, ipv4, out var address, out var error));

        Assert.Equal(AddressError.None, error);
        Assert.Equal(vector.ExpectedString("canonical"), address.ToString());
        Assert.Equal(vector.ExpectedString("mixed"), address.ToString("M"));
        Assert.Equal(IPv6Address.Parse(vector.ExpectedString("mixed")), address);
        Assert.True(Addressing.Isatap.TryDecode(address, out var info));
        Assert.Equal(vector.ExpectedBool("u_bit"), info.Universal);
        Assert.Equal(ipv4, info.IPv4);
    }

    [Theory]
    [MemberData(nameof(ExtractVectors))]
    public void Decoding_matches_the_vector(TestVector vector)
    {
        var address = IPv6Address.Parse(vector.Input("address"));

        Assert.True(Addressing.Isatap.TryDecode(address, out var info));

        Assert.Equal(vector.ExpectedString("ipv4"), info.IPv4.ToString());
        Assert.Equal(vector.ExpectedBool("u_bit"), info.Universal);
        Assert.False(info.Group);
    }

    [Theory]
    [MemberData(nameof(SubnetVectors))]
    public void Subnet_matches_the_vector(TestVector vector)
    {
        var isatapPrefix = IPv6Prefix.Parse(vector.Input("isatap_prefix"));
        var ipv4Subnet = IPv4Prefix.Parse(vector.Input("ipv4_subnet"));

        Assert.True(Addressing.Isatap.TryCreateSubnet(isatapPrefix, ipv4Subnet, out var subnet, out var error));

        Assert.Equal(AddressError.None, error);
        Assert.Equal(vector.ExpectedString("canonical"), subnet.ToString());
        Assert.Equal(vector.ExpectedString("mixed"), subnet.ToString("M"));
        Assert.Equal(96 + ipv4Subnet.Length, subnet.Length);
    }
}
