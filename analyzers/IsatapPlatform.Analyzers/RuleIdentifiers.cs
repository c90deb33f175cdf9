namespace IsatapPlatform.Analyzers
{
    /// <summary>Rule IDs, fixed by the analyzer issue; never reuse or renumber one.</summary>
    public static class RuleIdentifiers
    {
        public const string Nat64PrefixLength = "ISA0001";
    }
}
