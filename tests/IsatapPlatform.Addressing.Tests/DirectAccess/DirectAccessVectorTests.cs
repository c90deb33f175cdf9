using IsatapPlatform.Addressing.Tests.Support;

namespace IsatapPlatform.Addressing.Tests.DirectAccess;

/// <summary>DirectAccess prefix vectors from TestData/vectors.json (REFERENCE.md §8, rows 49-50).</summary>
public sealed class DirectAccessVectorTests
{
    public static TheoryData<TestVector> TeredoVectors => TestVectors.OfKind(TestVectors.DirectAccessTeredoPrefix);
    public static TheoryData<TestVector> IpHttpsVectors => TestVectors.OfKind(TestVectors.DirectAccessIpHttpsPrefix);

    [Theory]
    [MemberData(nameof(TeredoVectors))]
    public void Teredo_prefix_matches_the_vector(TestVector vector)
    {
        var prefixes = DirectAccessPrefixes.Derive(IPv4Address.Parse(vector.Input("server_first_public_ipv4")));

        Assert.Equal(vector.ExpectedText, prefixes.Teredo.ToString());
        Assert.True(Addressing.Teredo.Prefix.Contains(prefixes.Teredo));
    }

    [Theory]
    [MemberData(nameof(IpHttpsVectors))]
    public void IpHttps_prefix_matches_the_vector(TestVector vector)
    {
        var prefixes = DirectAccessPrefixes.Derive(IPv4Address.Parse(vector.Input("server_first_public_ipv4")));

        Assert.Equal(vector.ExpectedText, prefixes.IpHttps.ToString());
        Assert.True(prefixes.SixToFour.Contains(prefixes.IpHttps));
    }
}
