using IsatapPlatform.Api.Addresses;
using IsatapPlatform.Api.Diagnostics;
using IsatapPlatform.Api.DirectAccess;
using IsatapPlatform.Api.Health;
using IsatapPlatform.Api.Infrastructure;
using IsatapPlatform.Api.Isatap;
using IsatapPlatform.Api.IsatapPlans;
using IsatapPlatform.Api.Nat64;
using IsatapPlatform.Api.SixToFour;

var builder = WebApplication.CreateBuilder(args);
builder.AddIsatapPlatformApi();

var app = builder.Build();
app.UseIsatapPlatformApi();
app.MapHealthEndpoints();
app.MapNat64Api();
app.MapAddressApi();
app.MapIsatapApi();
app.MapSixToFourApi();
app.MapDirectAccessApi();
app.MapIsatapPlanApi();
app.MapDiagnosticsApi();
app.Run();

/// <summary>The entry point; public so that integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
