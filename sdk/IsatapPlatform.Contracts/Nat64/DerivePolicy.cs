namespace IsatapPlatform.Contracts.Nat64;

/// <summary>What derivation does when RFC 6052 §3.1 forbids the result (the well-known prefix
/// 64:ff9b::/96 with a non-global IPv4 such as 10.1.2.3).</summary>
public enum DerivePolicy
{
    /// <summary>Refuse with 422 <c>nat64.wkp-non-global</c> (the default): translators drop such packets.</summary>
    Strict,

    /// <summary>Answer anyway, with a <c>nat64.wkp-non-global</c> warning.</summary>
    Permissive,
}
