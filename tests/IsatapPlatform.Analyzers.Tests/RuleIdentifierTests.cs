namespace IsatapPlatform.Analyzers.Tests;

public class RuleIdentifierTests
{
    [Fact]
    public void Rule_ids_use_the_ISA_prefix()
        => Assert.StartsWith("ISA", RuleIdentifiers.Nat64PrefixLength, StringComparison.Ordinal);
}
