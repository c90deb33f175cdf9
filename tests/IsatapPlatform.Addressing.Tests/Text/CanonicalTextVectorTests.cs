using IsatapPlatform.Addressing.Tests.Support;

namespace IsatapPlatform.Addressing.Tests.Text;

/// <summary>RFC 5952 vectors from TestData/vectors.json (REFERENCE.md §8, rows 55-59).</summary>
public sealed class CanonicalTextVectorTests
{
    public static TheoryData<TestVector> CanonicalVectors => TestVectors.OfKind(TestVectors.CanonicalText);

    [Theory]
    [MemberData(nameof(CanonicalVectors))]
    public void Canonical_text_matches_the_vector(TestVector vector)
    {
        var address = IPv6Address.Parse(vector.Input("address"));

        Assert.Equal(vector.ExpectedText, address.ToString());
        Assert.Equal(IPv6Address.Parse(vector.ExpectedText), address);
        Assert.Equal(vector.ExpectedText, ReferenceText.Canonical(address.Value));
    }
}
