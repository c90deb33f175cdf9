// A manage-out session against a running IsatapPlatform service, with the client package restored from
// the local feed (see ../README.md). The scenario: a DirectAccess deployment whose NAT64 prefix is
// fd03:b402:e10c:7777::/96 and whose intranet ISATAP prefix is fd03:b402:e10c:1::/64. An operator wants to
// reach the IPv4-only intranet server 172.16.1.225 through NAT64, check what that address is, give the
// management server 172.16.1.10 its ISATAP address, and derive the NAT64 addresses of a few more servers.
//
// Usage: IsatapPlatform.Samples.Console [service-url]     (default http://localhost:5080, the URL that
//        `dotnet run --project api/IsatapPlatform.Api` prints)
// Exit code: 0 when every step got the answer it expected, 1 when the service answered with an error where
// none was expected, 2 when the service could not be reached.

using IsatapPlatform.Addressing;
using IsatapPlatform.Client;
using IsatapPlatform.Contracts.Nat64;

var serviceUrl = args.Length > 0 ? args[0] : "http://localhost:5080";
if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseAddress))
{
    Console.Error.WriteLine($"'{serviceUrl}' is not an absolute URL, for example http://localhost:5080");
    return 2;
}

using var httpClient = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
var client = new IsatapPlatformClient(httpClient, new IsatapPlatformClientOptions { BaseAddress = baseAddress });
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
var ct = cancellation.Token;

// The deployment's values, parsed once into the SDK's value types (a typo fails here, not at the service;
// the analyzers in the package check constants like these at build time).
var nat64Prefix = Nat64Prefix.Parse("fd03:b402:e10c:7777::/96");
var isatapPrefix = IPv6Prefix.Parse("fd03:b402:e10c:1::/64");
var intranetServer = IPv4Address.Parse("172.16.1.225");
var managementServer = IPv4Address.Parse("172.16.1.10");
IPv4Address[] moreServers = [IPv4Address.Parse("172.16.1.226"), IPv4Address.Parse("172.16.2.1"), IPv4Address.Parse("10.20.30.40")];

Console.WriteLine($"IsatapPlatform service: {baseAddress}");
var failures = 0;
try
{
    // 1. The NAT64 address a DirectAccess client uses to reach the IPv4-only server.
    Console.WriteLine();
    Console.WriteLine($"== NAT64 address of {intranetServer} under {nat64Prefix}");
    var derived = await client.DeriveNat64Async(nat64Prefix, intranetServer, DerivePolicy.Strict, ct);
    Console.WriteLine($"   ipv6:         {derived.Ipv6}");
    Console.WriteLine($"   mixed:        {derived.Ipv6Mixed}");
    Console.WriteLine($"   reverse name: {derived.ReverseName}");
    foreach (var warning in derived.Warnings)
        Console.WriteLine($"   warning:      {warning.Code}: {warning.Message}");

    // 2. What the service makes of that address: its kinds and the IPv4 it embeds.
    Console.WriteLine();
    Console.WriteLine($"== Inspect {derived.Ipv6}");
    var inspected = await client.InspectAddressAsync(derived.Ipv6, nat64Prefix, ct);
    Console.WriteLine($"   address:      {inspected}");
    Console.WriteLine($"   kinds:        {string.Join(", ", inspected.KindNames)}");
    if (inspected.Nat64 is { } nat64)
        Console.WriteLine($"   nat64:        {nat64.IPv4} under {nat64.Prefix}");
    Console.WriteLine($"   reverse name: {inspected.ReverseName}");

    // 3. The ISATAP address of the management server (the address DirectAccess clients see it at).
    Console.WriteLine();
    Console.WriteLine($"== ISATAP address of {managementServer} under {isatapPrefix}");
    var isatap = await client.CreateIsatapAddressAsync(isatapPrefix, managementServer, ct);
    Console.WriteLine($"   address:      {isatap.Address}");
    Console.WriteLine($"   mixed:        {isatap.Mixed}");
    Console.WriteLine($"   link-local:   {isatap.LinkLocal}");

    // 4. More servers at once: results stream in input order while the service answers.
    Console.WriteLine();
    Console.WriteLine($"== NAT64 addresses of {moreServers.Length} more servers");
    await foreach (var result in client.DeriveNat64BatchAsync(nat64Prefix, moreServers, DerivePolicy.Strict, ct))
        Console.WriteLine(result.Succeeded
            ? $"   {result.Ipv4,-15} -> {result.Ipv6}"
            : $"   {result.Ipv4,-15} refused: {result.Error!.Code}: {result.Error.Message}");
}
catch (IsatapPlatformException e)
{
    failures++;
    Console.WriteLine($"   the service refused: {e.Code}: {e.Detail}");
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"Cannot reach the service at {baseAddress}: {e.Message}");
    Console.Error.WriteLine("Start it with: dotnet run --project api/IsatapPlatform.Api");
    return 2;
}

// 5. A mistake the service refuses, to show what an error looks like: the well-known prefix 64:ff9b::/96 must
//    not carry a private IPv4 address (RFC 6052 §3.1). The package's analyzer reports this constant misuse at
//    build time (ISA0008); it is silenced here because the point is to see the service's answer.
Console.WriteLine();
Console.WriteLine("== A refused request: 10.1.2.3 under the well-known prefix, strict policy");
try
{
#pragma warning disable ISA0008 // Well-known NAT64 prefix with a non-global IPv4 address: on purpose
    var refused = await client.DeriveNat64Async(Nat64Prefix.WellKnown, IPv4Address.Parse("10.1.2.3"), DerivePolicy.Strict, ct);
#pragma warning restore ISA0008
    failures++;
    Console.WriteLine($"   unexpectedly derived {refused.Ipv6}");
}
catch (IsatapPlatformException e)
{
    Console.WriteLine($"   refused as expected ({(int)e.Status}): {e.Code}: {e.Detail}");
}

Console.WriteLine();
Console.WriteLine(failures == 0 ? "done" : "done, with errors");
return failures == 0 ? 0 : 1;
