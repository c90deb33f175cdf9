using System.Text.Json;
using Xunit.Abstractions;

namespace IsatapPlatform.Addressing.Tests.Support;

/// <summary>One entry of TestData/vectors.json (REFERENCE.md §8). Serializable so that every vector
/// shows up as its own test case, named by its number, kind and input.</summary>
public sealed class TestVector : IXunitSerializable
{
    private JsonElement _input;
    private JsonElement _expected;

    [Obsolete("For the xunit serializer only.")]
    public TestVector()
    {
        Kind = Source = "";
    }

    public TestVector(int number, string kind, JsonElement input, JsonElement expected, string source)
    {
        Number = number;
        Kind = kind;
        _input = input.Clone();
        _expected = expected.Clone();
        Source = source;
    }

    /// <summary>1-based, matching the numbering of the table in REFERENCE.md §8.</summary>
    public int Number { get; private set; }

    public string Kind { get; private set; }

    public string Source { get; private set; }

    public JsonElement Expected => _expected;

    public bool HasInput(string name) => _input.TryGetProperty(name, out _);

    /// <summary>A string field of the input object.</summary>
    public string Input(string name) => _input.GetProperty(name).GetString()
        ?? throw new InvalidDataException($"vector {Number}: input.{name} is null");

    /// <summary>An integer field of the input object.</summary>
    public int InputInt(string name) => _input.GetProperty(name).GetInt32();

    /// <summary>The expected value when it is a plain string.</summary>
    public string ExpectedText => _expected.GetString()
        ?? throw new InvalidDataException($"vector {Number}: expected is not a string");

    /// <summary>A string field of the expected object.</summary>
    public string ExpectedString(string name) => _expected.GetProperty(name).GetString()
        ?? throw new InvalidDataException($"vector {Number}: expected.{name} is null");

    /// <summary>A boolean field of the expected object.</summary>
    public bool ExpectedBool(string name) => _expected.GetProperty(name).GetBoolean();

    /// <summary>An integer field of the expected object.</summary>
    public int ExpectedInt(string name) => _expected.GetProperty(name).GetInt32();

    public override string ToString() => $"#{Number} {Kind} {_input.GetRawText()}";

    void IXunitSerializable.Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(Number), Number);
        info.AddValue(nameof(Kind), Kind);
        info.AddValue("Input", _input.GetRawText());
        info.AddValue(nameof(Expected), _expected.GetRawText());
        info.AddValue(nameof(Source), Source);
    }

    void IXunitSerializable.Deserialize(IXunitSerializationInfo info)
    {
        Number = info.GetValue<int>(nameof(Number));
        Kind = info.GetValue<string>(nameof(Kind));
        _input = JsonDocument.Parse(info.GetValue<string>("Input")).RootElement.Clone();
        _expected = JsonDocument.Parse(info.GetValue<string>(nameof(Expected))).RootElement.Clone();
        Source = info.GetValue<string>(nameof(Source));
    }
}

/// <summary>Loads TestData/vectors.json, the committed copy of /work/shared/domain/vectors.json.</summary>
public static class TestVectors
{
    public const string Nat64Embed = "nat64_embed";
    public const string Nat64Extract = "nat64_extract";
    public const string Nat64Policy = "nat64_policy";
    public const string Nat64Error = "nat64_error";
    public const string IsatapAddress = "isatap_address";
    public const string IsatapExtract = "isatap_extract";
    public const string IsatapSubnet = "isatap_subnet";
    public const string SixToFourPrefix = "sixto4_prefix";
    public const string SixToFourExtract = "sixto4_extract";
    public const string DirectAccessTeredoPrefix = "da_teredo_prefix";
    public const string DirectAccessIpHttpsPrefix = "da_iphttps_prefix_6to4";
    public const string TeredoDecode = "teredo_decode";
    public const string TeredoEncode = "teredo_encode";
    public const string CanonicalText = "canonical_text";

    /// <summary>Every kind some theory drives, with the theory that does. Adding a kind to the file
    /// without a theory fails <c>TestVectorFileTests</c>.</summary>
    public static IReadOnlyDictionary<string, string> HandledKinds { get; } = new Dictionary<string, string>
    {
        [Nat64Embed] = "Nat64VectorTests.Embedding_matches_the_vector",
        [Nat64Extract] = "Nat64VectorTests.Extraction_matches_the_vector",
        [Nat64Policy] = "Nat64VectorTests.Policy_matches_the_vector",
        [Nat64Error] = "Nat64VectorTests.Refusal_matches_the_vector",
        [IsatapAddress] = "IsatapVectorTests.Address_matches_the_vector",
        [IsatapExtract] = "IsatapVectorTests.Decoding_matches_the_vector",
        [IsatapSubnet] = "IsatapVectorTests.Subnet_matches_the_vector",
        [SixToFourPrefix] = "SixToFourVectorTests.Prefix_matches_the_vector",
        [SixToFourExtract] = "SixToFourVectorTests.Decoding_matches_the_vector",
        [DirectAccessTeredoPrefix] = "DirectAccessVectorTests.Teredo_prefix_matches_the_vector",
        [DirectAccessIpHttpsPrefix] = "DirectAccessVectorTests.IpHttps_prefix_matches_the_vector",
        [TeredoDecode] = "TeredoVectorTests.Decoding_matches_the_vector",
        [TeredoEncode] = "TeredoVectorTests.Encoding_matches_the_vector",
        [CanonicalText] = "CanonicalTextVectorTests.Canonical_text_matches_the_vector",
    };

    private static readonly Lazy<IReadOnlyList<TestVector>> s_all = new(Load);

    public static IReadOnlyList<TestVector> All => s_all.Value;

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "TestData", "vectors.json");

    /// <summary>The vectors of one kind, as theory data. Throws when there are none, so a renamed
    /// kind cannot silently turn a theory into zero test cases.</summary>
    public static TheoryData<TestVector> OfKind(string kind)
    {
        var data = new TheoryData<TestVector>();
        foreach (var v in All)
            if (v.Kind == kind) data.Add(v);
        if (data.Count == 0) throw new InvalidDataException($"vectors.json has no vector of kind '{kind}'.");
        return data;
    }

    private static IReadOnlyList<TestVector> Load()
    {
        using var stream = File.OpenRead(FilePath);
        using var doc = JsonDocument.Parse(stream);
        var list = new List<TestVector>();
        int number = 0;
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            number++;
            list.Add(new TestVector(
                number,
                e.GetProperty("kind").GetString()!,
                e.GetProperty("input"),
                e.GetProperty("expected"),
                e.GetProperty("source").GetString()!));
        }
        return list;
    }
}
