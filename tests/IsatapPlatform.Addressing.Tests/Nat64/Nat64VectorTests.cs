using System.Text.RegularExpressions;
using IsatapPlatform.Addressing.Tests.Support;

namespace IsatapPlatform.Addressing.Tests.Nat64;

/// <summary>RFC 6052 / RFC 7050 / RFC 8215 vectors from TestData/vectors.json (REFERENCE.md §8, rows 1-29).</summary>
public sealed partial class Nat64VectorTests
{
    public static TheoryData<TestVector> EmbedVectors => TestVectors.OfKind(TestVectors.Nat64Embed);
    public static TheoryData<TestVector> ExtractVectors => TestVectors.OfKind(TestVectors.Nat64Extract);
    public static TheoryData<TestVector> PolicyVectors => TestVectors.OfKind(TestVectors.Nat64Policy);
    public static TheoryData<TestVector> ErrorVectors => TestVectors.OfKind(TestVectors.Nat64Error);

    [Theory]
    [MemberData(nameof(EmbedVectors))]
    public void Embedding_matches_the_vector(TestVector vector)
    {
        var prefix = Nat64Prefix.Parse(vector.Input("prefix"));
        var ipv4 = IPv4Address.Parse(vector.Input("ipv4"));

        var embedded = prefix.Embed(ipv4);

        Assert.Equal(IPv6Address.Parse(vector.ExpectedText).Value, embedded.Value);
        Assert.Equal(vector.ExpectedText, embedded.ToString());
        Assert.Equal(ipv4, prefix.Extract(embedded));
    }

    /// <summary>The RFC 6052 §2.4 rows with the text the RFC printed. Two of them are not RFC 5952
    /// canonical (the /64 row compresses a single zero group, the /96 row uses a dotted quad).</summary>
    public static TheoryData<TestVector, string> RfcPrintedRows
    {
        get
        {
            var data = new TheoryData<TestVector, string>();
            foreach (var vector in TestVectors.All)
            {
                var match = PrintedThereAs().Match(vector.Source);
                if (vector.Kind == TestVectors.Nat64Embed && match.Success) data.Add(vector, match.Groups[1].Value);
            }
            return data;
        }
    }

    [Fact]
    public void All_six_RFC_6052_table_rows_are_vectors()
        => Assert.Equal(6, RfcPrintedRows.Count);

    [Theory]
    [MemberData(nameof(RfcPrintedRows))]
    public void Embedding_equals_the_RFC_printed_text_by_value_and_the_vector_canonically(TestVector vector, string printedInRfc)
    {
        var embedded = Nat64Prefix.Parse(vector.Input("prefix")).Embed(IPv4Address.Parse(vector.Input("ipv4")));

        Assert.Equal(IPv6Address.Parse(printedInRfc).Value, embedded.Value);
        Assert.Equal(vector.ExpectedText, embedded.ToString());
    }

    [Theory]
    [MemberData(nameof(ExtractVectors))]
    public void Extraction_matches_the_vector(TestVector vector)
    {
        var address = IPv6Address.Parse(vector.Input("address"));
        Assert.True(IPv6Prefix.TryCreate(address, vector.InputInt("prefix_length"), PrefixParseMode.Normalize, out var covering, out _));
        var prefix = Nat64Prefix.Create(covering);

        Assert.True(prefix.TryExtract(address, out var ipv4, out var error));

        Assert.Equal(AddressError.None, error);
        Assert.Equal(vector.ExpectedText, ipv4.ToString());
        Assert.Equal(address, prefix.Embed(ipv4));
    }

    [Theory]
    [MemberData(nameof(PolicyVectors))]
    public void Policy_matches_the_vector(TestVector vector)
    {
        var prefix = Nat64Prefix.Parse(vector.Input("prefix"));
        var ipv4 = IPv4Address.Parse(vector.Input("ipv4"));

        var verdict = Nat64Policy.Check(prefix, ipv4);

        Assert.Equal(vector.ExpectedString("address"), prefix.Embed(ipv4).ToString());
        Assert.Equal(vector.ExpectedBool("allowed"), verdict.IsAllowed());
        Assert.Equal(vector.ExpectedString("reason"), verdict.Describe());
    }

    [Theory]
    [MemberData(nameof(ErrorVectors))]
    public void Refusal_matches_the_vector(TestVector vector)
    {
        AddressError error;
        if (vector.HasInput("prefix"))
        {
            // A prefix length RFC 6052 §2.2 does not allow, refused by every entry point.
            string text = vector.Input("prefix");
            Assert.False(Nat64Prefix.TryParse(text, PrefixParseMode.Strict, out _, out var strict));
            Assert.False(Nat64Prefix.TryParse(text, PrefixParseMode.Normalize, out _, out var normalize));
            Assert.False(Nat64Prefix.TryCreate(IPv6Prefix.Parse(text), out _, out error));
            Assert.Equal(AddressError.Nat64PrefixLength, strict.Error);
            Assert.Equal(AddressError.Nat64PrefixLength, normalize.Error);
            Assert.Equal(text.IndexOf('/') + 1, strict.Position);
            Assert.Equal(AddressError.Nat64PrefixLength, error);
        }
        else
        {
            // A non-zero u octet (bits 64-71), extracted with the /64 it sits under.
            var address = IPv6Address.Parse(vector.Input("address"));
            var prefix = Nat64Prefix.Parse("2001:db8:122:344::/64");
            Assert.Equal(64, vector.InputInt("prefix_length"));
            Assert.True(prefix.Prefix.Contains(address));

            Assert.False(prefix.TryExtract(address, out var ipv4, out error));

            Assert.False(ipv4.IsValid);
            Assert.Equal(AddressError.Nat64UOctet, error);
        }
        Assert.Equal(vector.ExpectedString("error"), error.ToMessage());
    }

    [GeneratedRegex(@"printed there as ([0-9A-Fa-f:.]+)\)")]
    private static partial Regex PrintedThereAs();
}
