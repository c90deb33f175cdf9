using IsatapPlatform.Addressing.Tests.Support;

namespace IsatapPlatform.Addressing.Tests;

/// <summary>The vector file is complete and every kind in it is driven by a theory.</summary>
public sealed class TestVectorFileTests
{
    [Fact]
    public void The_file_holds_the_59_vectors_of_REFERENCE_section_8()
        => Assert.Equal(59, TestVectors.All.Count);

    [Fact]
    public void Every_kind_in_the_file_is_handled_by_a_theory()
    {
        var unhandled = TestVectors.All.Select(v => v.Kind).Distinct().Where(k => !TestVectors.HandledKinds.ContainsKey(k)).ToList();

        Assert.Empty(unhandled);
    }

    [Fact]
    public void Every_handled_kind_has_vectors_in_the_file()
    {
        var kinds = TestVectors.All.Select(v => v.Kind).ToHashSet();

        Assert.All(TestVectors.HandledKinds.Keys, k => Assert.Contains(k, kinds));
    }

    [Fact]
    public void The_committed_copy_equals_the_shared_domain_file_when_it_is_present()
    {
        // On developer machines the shared file exists; on a clean CI clone only the copy does.
        const string shared = "/work/shared/domain/vectors.json";
        if (!File.Exists(shared)) return;

        Assert.Equal(File.ReadAllText(shared), File.ReadAllText(TestVectors.FilePath));
    }
}
