using IsatapPlatform.Analyzers.Tests.Infrastructure;
using static IsatapPlatform.Analyzers.Tests.Infrastructure.Src;

namespace IsatapPlatform.Analyzers.Tests.Rules;

public class ISA0004Tests
{
    private static Task Run(string body, string members = "") => Verify.Analyzers(Method(body, members), withClient: true);

    [Fact]
    public Task SDK_address_types() => Run("""
        IPv4Address.Parse({|ISA0004:"256.1.1.1"|});
        IPv4Address.Parse({|ISA0004:"010.0.0.1"|});
        IPv4Address.Parse({|ISA0004:"10.0.0.0/8"|});
        IPv6Address.Parse({|ISA0004:"2001:db8:::1"|});
        IPv6Address.Parse({|ISA0004:"fe80::1%eth 0"|});
        IPv6Address.TryParse({|ISA0004:"64:ff9b::/96"|}, out _);
        """);

    [Fact]
    public Task SDK_prefix_types() => Run("""
        IPv6Prefix.Parse({|ISA0004:"2001:db8::"|});
        IPv6Prefix.Parse({|ISA0004:"2001:db8::/129"|});
        IPv6Prefix.Parse({|ISA0004:"2001:db8::/032"|});
        IPv6Prefix.Parse({|ISA0004:"fe80::%1/64"|});
        IPv4Prefix.Parse({|ISA0004:"10.0.0.0/33"|});
        Nat64Prefix.Parse({|ISA0004:"64:ff9b::"|});
        """);

    [Fact]
    public Task System_Net_types() => Run("""
        IPAddress.Parse({|ISA0004:"not an address"|});
        IPAddress.TryParse({|ISA0004:"1.2.3.4.5"|}, out _);
        IPNetwork.Parse({|ISA0004:"10.0.0.0"|});
        IPNetwork.Parse({|ISA0004:"10.0.0.0/33"|});
        IPNetwork.Parse({|ISA0004:"2001:db8::/1x"|});
        """);

    [Fact]
    public Task Named_argument_const_and_interpolation() => Run("""
        IPv4Address.TryParse(result: out _, s: {|ISA0004:"1.2.3"|});
        IPv4Address.Parse({|ISA0004:Bad|});
        const int octet = 300;
        IPv4Address.Parse({|ISA0004:$"10.0.0.{octet}"|});
        """, """const string Bad = "1.2.3.4 ";""");

    [Fact]
    public Task Span_overloads() => Run("""
        IPv4Address.Parse({|ISA0004:"1.2.3"|}.AsSpan());
        IPv6Prefix.TryParse({|ISA0004:"2001:db8::/200"u8|}, PrefixParseMode.Strict, out _, out _);
        """);

    [Fact]
    public Task Client_string_parameters() => Run("""
        await client.CreateSixToFourPrefixAsync({|ISA0004:"999.1.1.1"|});
        await client.CreateIsatapAddressAsync({|ISA0004:"2001:db8:1:2::"|}, "10.0.0.1");
        _ = new DirectAccessPrefixesRequest({|ISA0004:"131.107.0"|});
        """);

    [Fact]
    public Task System_Net_leniency_is_respected() => Run("""
        IPAddress.Parse("10.1");
        IPAddress.Parse("0x7f.1");
        IPAddress.Parse("[::1]");
        IPAddress.Parse("fe80::1%eth0");
        IPNetwork.Parse("010.0.0.0/8");
        IPNetwork.Parse("10.0.0.0/08");
        IPNetwork.Parse("[::]/0");
        """);

    [Fact]
    public Task Valid_text_is_silent() => Run("""
        IPv4Address.Parse("192.0.2.1");
        IPv6Address.Parse("fe80::5efe:10.0.0.5%12");
        IPv6Address.Parse("2001:DB8:0:0:1:0:0:1");
        IPv6Prefix.Parse("2001:db8::/32");
        IPv4Prefix.Parse("192.168.99.0/24");
        IPAddress.Parse("::ffff:192.0.2.1");
        """);

    [Fact]
    public Task Non_constant_is_silent() => Run("""
        string text = "not an address";
        IPAddress.Parse(text);
        IPv4Address.Parse(NotConstant());
        IPv4Address.Parse($"10.0.0.{DateTime.Now.Second}");
        """);

    [Fact]
    public Task Methods_named_Parse_elsewhere_are_ignored() => Run("""
        int.Parse("not a number, not ours");
        Guid.TryParse("nope", out _);
        """);
}
