using FluentValidation;
using IsatapPlatform.Api.Infrastructure.Problems;

namespace IsatapPlatform.Api.Infrastructure.Validation;

/// <summary>Runs the FluentValidation validator of a request argument before the handler, and answers
/// with problem details when it fails (the TodoApi filter-factory shape: the validator and the
/// argument position are resolved once per endpoint, not per request).</summary>
public static class ValidationFilter
{
    /// <summary>Validates the handler argument of type <typeparamref name="TRequest"/> (a JSON body or an
    /// <c>[AsParameters]</c> bundle) with the registered <see cref="IValidator{T}"/>.</summary>
    public static RouteHandlerBuilder WithValidation<TRequest>(this RouteHandlerBuilder builder)
    {
        builder.AddEndpointFilterFactory((factoryContext, next) =>
        {
            int index = Array.FindIndex(factoryContext.MethodInfo.GetParameters(), p => p.ParameterType == typeof(TRequest));
            if (index < 0)
                throw new InvalidOperationException($"{factoryContext.MethodInfo.Name} has no {typeof(TRequest).Name} parameter to validate.");
            var validator = factoryContext.ApplicationServices.GetRequiredService<IValidator<TRequest>>();

            return invocation =>
            {
                var argument = invocation.GetArgument<TRequest>(index);
                var result = validator.Validate(argument);
                return result.IsValid ? next(invocation) : ValueTask.FromResult<object?>(ApiProblems.FromValidation(result));
            };
        });
        return builder;
    }
}
