using System.ComponentModel.DataAnnotations;
using FluentValidation;
using IsatapPlatform.Api.Infrastructure;
using IsatapPlatform.Api.Infrastructure.Problems;
using IsatapPlatform.Api.Infrastructure.Validation;

namespace IsatapPlatform.Api.Nat64;

/// <summary>Discover the NAT64 prefix (RFC 7050) from the AAAA answers a DNS64 resolver gave for <c>ipv4only.arpa</c>.</summary>
/// <param name="Addresses">The AAAA answers, for example <c>64:ff9b::c000:aa</c> (up to 1,000).</param>
public sealed record DiscoverRequest([property: Required] IReadOnlyList<string?>? Addresses);

/// <summary>The discovered prefix.</summary>
/// <param name="Prefix">The first prefix found.</param>
/// <param name="Prefixes">Every distinct prefix found, in answer order (a network may run several translators).</param>
public sealed record DiscoverResponse(string Prefix, IReadOnlyList<string> Prefixes);

/// <summary>Validates <see cref="DiscoverRequest"/>.</summary>
internal sealed class DiscoverRequestValidator : AbstractValidator<DiscoverRequest>
{
    public DiscoverRequestValidator()
    {
        RuleFor(x => x.Addresses).Custom((addresses, context) =>
        {
            if (addresses is null || addresses.Count == 0)
                AddressRules.Fail(context, ProblemCodes.FieldRequired, "at least one AAAA answer is required");
            else if (addresses.Count > RequestLimits.MaxDiscoveryAnswers)
                AddressRules.Fail(context, ProblemCodes.BatchTooLarge,
                    $"{addresses.Count} answers were sent; at most {RequestLimits.MaxDiscoveryAnswers} are accepted");
        });
        RuleForEach(x => x.Addresses)
            .MustBeIPv6()
            .When(x => x.Addresses is { Count: <= RequestLimits.MaxDiscoveryAnswers });
    }
}
