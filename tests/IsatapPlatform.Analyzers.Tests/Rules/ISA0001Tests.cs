using IsatapPlatform.Analyzers.Tests.Infrastructure;
using static IsatapPlatform.Analyzers.Tests.Infrastructure.Src;

namespace IsatapPlatform.Analyzers.Tests.Rules;

public class ISA0001Tests
{
    private static Task Run(string body, string members = "") => Verify.Analyzers(Method(body, members), withClient: true);

    [Fact]
    public Task Literal_passed_to_Nat64Prefix_Parse() => Run("""Nat64Prefix.Parse({|ISA0001:"2001:db8::/44"|});""");

    [Fact]
    public Task Named_argument_of_TryParse() => Run("""Nat64Prefix.TryParse(result: out _, s: {|ISA0001:"2001:db8::/44"|});""");

    [Fact]
    public Task Const_field() => Run("Nat64Prefix.Parse({|ISA0001:Prefix|});", """const string Prefix = "2001:db8::/100";""");

    [Fact]
    public Task Const_local() => Run("""
        const string prefix = "64:ff9b::/95";
        Nat64Prefix.Parse({|ISA0001:prefix|});
        """);

    [Fact]
    public Task Interpolated_string_of_constants() => Run("""
        const string network = "2001:db8::";
        const int length = 44;
        Nat64Prefix.Parse({|ISA0001:$"{network}/{length}"|});
        """);

    [Fact]
    public Task Concatenation_of_constants() => Run("""Nat64Prefix.Parse({|ISA0001:"2001:db8::/" + 44|});""");

    [Fact]
    public Task Normalize_mode_still_checks_the_length()
        => Run("""Nat64Prefix.TryParse({|ISA0001:"2001:db8::/44"|}, PrefixParseMode.Normalize, out _, out _);""");

    [Fact]
    public Task Construction_from_a_parsed_IPv6_prefix() => Run("""Nat64Prefix.Create(IPv6Prefix.Parse({|ISA0001:"2001:db8::/44"|}));""");

    [Fact]
    public Task Construction_from_a_well_known_prefix() => Run("""Nat64Prefix.TryCreate({|ISA0001:SixToFour.Prefix|}, out _, out _);""");

    [Fact]
    public Task Client_method_prefix_parameter() => Run("""await client.DeriveNat64AddressAsync({|ISA0001:"64:ff9b::/95"|}, "192.0.2.33");""");

    [Fact]
    public Task Client_method_named_arguments_in_any_order()
        => Run("""await client.DeriveNat64AddressAsync(ipv4: "192.0.2.33", prefix: {|ISA0001:"2001:db8::/44"|});""");

    [Fact]
    public Task Client_nat64Prefix_parameter() => Run("""await client.InspectAsync("2001:db8::1", nat64Prefix: {|ISA0001:"2001:db8::/44"|});""");

    [Fact]
    public Task Sub_client_type_says_Nat64() => Run("""await client.Nat64.DeriveAsync({|ISA0001:"2001:db8::/44"|}, "192.0.2.1");""");

    [Fact]
    public Task Request_object_initializer() => Run("""_ = new Nat64DeriveRequest { Prefix = {|ISA0001:"2001:db8::/44"|}, Ipv4 = "192.0.2.1" };""");

    [Fact]
    public Task With_expression() => Run("""
        var request = new Nat64DeriveRequest();
        _ = request with { Prefix = {|ISA0001:"2001:db8::/44"|} };
        """);

    [Theory]
    [InlineData("2001:db8::/32")]
    [InlineData("2001:db8:100::/40")]
    [InlineData("2001:db8:122::/48")]
    [InlineData("2001:db8:122:300::/56")]
    [InlineData("2001:db8:122:344::/64")]
    [InlineData("2001:db8:122:344::/96")]
    [InlineData("64:ff9b::/96")]
    public Task Allowed_lengths_are_silent(string prefix) => Run($"""
        Nat64Prefix.Parse("{prefix}");
        await client.DeriveNat64AddressAsync("{prefix}", "8.8.8.8");
        """);

    [Fact]
    public Task Non_constant_values_are_silent() => Run("""
        Nat64Prefix.Parse(NotConstant());
        string p = "2001:db8::/44";
        Nat64Prefix.Parse(p);
        Nat64Prefix.Parse(Field);
        await client.DeriveNat64AddressAsync(NotConstant(), "192.0.2.33");
        Nat64Prefix.Create(IPv6Prefix.Parse(NotConstant()));
        """, "static readonly string Field = \"2001:db8::/44\";");

    [Fact]
    public Task Other_prefix_types_allow_any_length() => Run("""
        IPv6Prefix.Parse("2001:db8::/44");
        await client.ExtractAsync("2001:db8::1", prefix: "2001:db8::/44");
        """);

    [Fact]
    public Task Interpolation_with_a_non_constant_hole_is_silent() => Run("""
        int length = 44;
        Nat64Prefix.Parse($"2001:db8::/{length}");
        """);
}
