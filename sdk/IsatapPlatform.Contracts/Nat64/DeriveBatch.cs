namespace IsatapPlatform.Contracts.Nat64;

/// <summary>The batch result (written incrementally; this record documents its shape).</summary>
/// <param name="Prefix">The prefix used, canonical.</param>
/// <param name="Succeeded">Items derived.</param>
/// <param name="Failed">Items refused.</param>
/// <param name="Warnings">Batch-level warnings (prefix normalisation, permissive policy).</param>
/// <param name="Results">One result per item, in input order.</param>
public sealed record DeriveBatchResponse(string Prefix, int Succeeded, int Failed, IReadOnlyList<ApiWarning> Warnings, IReadOnlyList<DeriveItemResult> Results);
