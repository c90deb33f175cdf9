using IsatapPlatform.Analyzers.Tests.Infrastructure;
using static IsatapPlatform.Analyzers.Tests.Infrastructure.Src;

namespace IsatapPlatform.Analyzers.Tests.Rules;

public class ISA0011Tests
{
    private static Task Run(string body, string members = "") => Verify.Analyzers(Method(body, members), withClient: true);

    [Fact]
    public Task Swapped_client_arguments() => Run("""
        await client.CreateIsatapAddressAsync({|ISA0011:"10.0.0.1"|}, "2001:db8:1:2::/64");
        await client.DeriveNat64AddressAsync({|ISA0011:"192.0.2.33"|}, "64:ff9b::/96");
        """);

    [Fact]
    public Task Named_arguments() => Run("""
        await client.CreateIsatapAddressAsync(ipv4: "2001:db8:1:2::/64", prefix: {|ISA0011:"10.0.0.1"|});
        """);

    [Fact]
    public Task Requests() => Run("""
        _ = new Nat64DeriveRequest { Prefix = {|ISA0011:"10.0.0.1"|}, Ipv4 = "64:ff9b::/96" };
        _ = new IsatapAddressRequest({|ISA0011:"10.0.0.1"|}, "2001:db8:1:2::/64");
        """);

    [Fact]
    public Task Typed_calls_report_once_instead_of_two_family_errors() => Run("""
        Isatap.CreateAddress(IPv6Prefix.Parse({|ISA0011:"10.0.0.1"|}), IPv4Address.Parse("2001:db8:1:2::/64"));
        """);

    [Fact]
    public Task Constants() => Run("""
        const string v4 = "10.0.0.1";
        await client.CreateIsatapAddressAsync({|ISA0011:v4|}, Prefix);
        """, """const string Prefix = "fd00:1:2:3::/64";""");

    [Fact]
    public Task Message() => Verify.Analyzers(
        Method("""await client.CreateIsatapAddressAsync({|#0:"10.0.0.1"|}, {|#1:"2001:db8:1:2::/64"|});"""),
        withClient: true,
        expected: Verify.Diagnostic(RuleIdentifiers.SwappedArguments).WithLocation(0).WithLocation(1)
            .WithMessage("The arguments look swapped: '10.0.0.1' is IPv4 but is given as 'prefix', and '2001:db8:1:2::/64' is IPv6 but is given as 'ipv4'"));

    [Fact]
    public Task Only_one_wrong_argument_is_a_family_error() => Run("""
        await client.CreateIsatapAddressAsync({|ISA0005:"10.0.0.1"|}, "10.0.0.2");
        await client.CreateIsatapAddressAsync("2001:db8:1:2::/64", {|ISA0005:"2001:db8::1"|});
        """);

    [Fact]
    public Task Right_order_and_non_constants_are_not_swaps() => Run("""
        await client.CreateIsatapAddressAsync("2001:db8:1:2::/64", "10.0.0.1");
        string v4 = DateTime.Now.Second > 1 ? "10.0.0.1" : "10.0.0.2";
        // Half a swap: the known half is still a family error.
        await client.CreateIsatapAddressAsync(v4, {|ISA0005:"2001:db8:1:2::/64"|});
        await client.CreateIsatapAddressAsync(v4, v4);
        """);
}
