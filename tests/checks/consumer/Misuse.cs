// Every line marked "// expect: ISAxxxx severity" must produce exactly that diagnostic in a real `dotnet build`
// against the packed client; no other line may produce an ISA diagnostic (packages.sh checks both).
using System.Net;
using IsatapPlatform.Addressing;
using IsatapPlatform.Client;
using IsatapPlatform.Contracts.Nat64;

namespace Consumer;

public static class Misuse
{
    public static async Task RunAsync(IsatapPlatformClient client, CancellationToken ct)
    {
        var wrongLength = Nat64Prefix.Parse("64:ff9b::/95"); // expect: ISA0001 error
        var uOctet = Nat64Prefix.Parse("2001:db8:122:344:ff00::/96"); // expect: ISA0002 error
        var network = IPAddress.Parse("64:ff9b::/96"); // expect: ISA0006 error

        var gateway = IPAddress.Parse("192.0.2.1");
        var router = IPAddress.Parse("192.0.2.1");
        Console.WriteLine(gateway == router); // expect: ISA0009 warning

        // SDK calls, seen through the analyzers' naming convention (isatapPrefix, ipv4, nat64 prefix).
        await client.CreateIsatapAddressAsync(IPv6Prefix.Parse("10.0.0.1"), IPv4Address.Parse("2001:db8:1:2::/64"), ct); // expect: ISA0011 warning
        await client.CreateIsatapAddressAsync(IPv6Prefix.Parse("2001:db8:1::/48"), IPv4Address.Parse("10.0.0.1"), ct); // expect: ISA0010 error
        await client.DeriveNat64Async(Nat64Prefix.WellKnown, IPv4Address.Parse("10.1.2.3"), DerivePolicy.Strict, ct); // expect: ISA0008 warning

        // Compliant code: nothing may be reported here.
        var wellKnown = Nat64Prefix.Parse("64:ff9b::/96");
        var nat64 = await client.DeriveNat64Async(Nat64Prefix.Parse("fd03:b402:e10c:7777::/96"), IPv4Address.Parse("172.16.1.225"), DerivePolicy.Strict, ct);
        var isatap = await client.CreateIsatapAddressAsync(IPv6Prefix.Parse("2001:db8:1:2::/64"), IPv4Address.Parse("10.0.0.1"), ct);
        Console.WriteLine(object.Equals(gateway, router));
        Console.WriteLine($"{wrongLength} {uOctet} {network} {wellKnown} {nat64.Ipv6} {isatap.Address}");
    }
}
