using System.Net;
using FluentValidation;
using FluentValidation.Results;
using IsatapPlatform.Api.Nat64;
using IsatapPlatform.Api.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IsatapPlatform.Api.Tests.Infrastructure;

/// <summary>A fault inside the service is a 500 problem that reveals nothing of the internals.</summary>
public sealed class ServerErrorTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private sealed class ThrowingValidator : AbstractValidator<DeriveRequest>
    {
        public override ValidationResult Validate(ValidationContext<DeriveRequest> context)
            => throw new InvalidOperationException("secret internal detail");
    }

    [Fact]
    public async Task An_unexpected_exception_is_500_server_error_without_internals()
    {
        var client = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IValidator<DeriveRequest>>(new ThrowingValidator()))).CreateClient();

        var response = await client.PostAsync("/api/v1/nat64/derive", Json.Body("""{"prefix":"2001:db8::/96","ipv4":"1.2.3.4"}"""));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.InternalServerError, "server.error");
        string body = problem.GetRawText();
        Assert.DoesNotContain("secret", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }
}
