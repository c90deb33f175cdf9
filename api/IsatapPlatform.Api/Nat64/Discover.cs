using System.ComponentModel.DataAnnotations;
using FluentValidation;
using IsatapPlatform.Api.Infrastructure;
using IsatapPlatform.Api.Infrastructure.Problems;
using IsatapPlatform.Api.Infrastructure.Validation;

namespace IsatapPlatform.Api.Nat64;

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
