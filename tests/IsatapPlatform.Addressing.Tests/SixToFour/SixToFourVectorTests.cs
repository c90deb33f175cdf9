using IsatapPlatform.Addressing.Tests.Support;

namespace IsatapPlatform.Addressing.Tests.SixToFour;

/// <summary>RFC 3056 vectors from TestData/vectors.json (REFERENCE.md §8, rows 42-48).</summary>
public sealed class SixToFourVectorTests
{
    public static TheoryData<TestVector> PrefixVectors => TestVectors.OfKind(TestVectors.SixToFourPrefix);
    public static TheoryData<TestVector> ExtractVectors => TestVectors.OfKind(TestVectors.SixToFourExtract);

    [Theory]
    [MemberData(nameof(PrefixVectors))]
    public void Prefix_matches_the_vector(TestVector vector)
    {
        string input = vector.Input("ipv4");
        IPv6Prefix prefix;
        AddressError error;
        if (input.Contains('/'))
        {
            // An IPv4 block w.x.y.z/n maps to 2002:WWXX:YYZZ::/(16+n).
            Assert.True(Addressing.SixToFour.TryCreatePrefix(IPv4Prefix.Parse(input), out prefix, out error));
        }
        else
        {
            Assert.True(Addressing.SixToFour.TryCreateSitePrefix(IPv4Address.Parse(input), out prefix, out error));
            Assert.Equal(48, prefix.Length);
        }

        Assert.Equal(AddressError.None, error);
        Assert.Equal(vector.ExpectedText, prefix.ToString());
        Assert.Equal(IPv6Prefix.Parse(vector.ExpectedText), prefix);
    }

    [Theory]
    [MemberData(nameof(ExtractVectors))]
    public void Decoding_matches_the_vector(TestVector vector)
    {
        var address = IPv6Address.Parse(vector.Input("address"));

        Assert.True(Addressing.SixToFour.TryDecode(address, out var info));

        Assert.Equal(vector.ExpectedString("ipv4"), info.IPv4.ToString());
        Assert.Equal(vector.ExpectedBool("windows_host_form"), info.WindowsHostForm);
        Assert.Equal(address, Addressing.SixToFour.WindowsHostAddress(info.IPv4));
    }
}
