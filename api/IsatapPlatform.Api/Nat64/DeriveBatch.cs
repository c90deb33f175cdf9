using System.ComponentModel.DataAnnotations;
using System.Reflection;
using FluentValidation;
using IsatapPlatform.Api.Infrastructure;
using IsatapPlatform.Api.Infrastructure.Problems;
using IsatapPlatform.Api.Infrastructure.Validation;

namespace IsatapPlatform.Api.Nat64;

/// <summary>Derive many addresses under one prefix.</summary>
/// <param name="Prefix">The NAT64 prefix, as for a single derivation.</param>
/// <param name="Ipv4">Up to 100,000 IPv4 addresses. A bad item is reported in its result and never fails the batch.</param>
/// <param name="Policy"><c>strict</c> (default) refuses items that violate RFC 6052 §3.1; <c>permissive</c> derives them with a per-item warning.</param>
/// <param name="Normalize">Accept a prefix with host bits by clearing them (a warning says so).</param>
public sealed record DeriveBatchRequest([property: Required] string? Prefix, [property: Required] Ipv4Batch? Ipv4, DerivePolicy? Policy = null, bool? Normalize = null)
    : IBindableFromHttpContext<DeriveBatchRequest>
{
    /// <summary>Reads the body in one pass (see <see cref="DeriveBatchRequestReader"/>).</summary>
    public static ValueTask<DeriveBatchRequest?> BindAsync(HttpContext context, ParameterInfo parameter)
        => DeriveBatchRequestReader.ReadAsync(context);
}

/// <summary>Validates <see cref="DeriveBatchRequest"/>: the size first (a too-large batch is refused
/// whatever else is wrong), then the prefix. Items are judged one by one in the response.</summary>
internal sealed class DeriveBatchRequestValidator : AbstractValidator<DeriveBatchRequest>
{
    public DeriveBatchRequestValidator()
    {
        RuleFor(x => x.Ipv4).Custom((batch, context) =>
        {
            if (batch is null)
                AddressRules.Fail(context, ProblemCodes.FieldRequired, "a value is required");
            else if (batch.TotalCount > RequestLimits.MaxBatchItems)
                AddressRules.Fail(context, ProblemCodes.BatchTooLarge,
                    $"the batch has {batch.TotalCount} items; at most {RequestLimits.MaxBatchItems} are accepted");
        });
        RuleFor(x => x.Prefix).MustBeNat64Prefix(x => x.Normalize == true);
    }
}
