using IsatapPlatform.Analyzers.Tests.Infrastructure;
using static IsatapPlatform.Analyzers.Tests.Infrastructure.Src;

namespace IsatapPlatform.Analyzers.Tests;

/// <summary>An analyzer exception is AD0001, which breaks the user's build under TreatWarningsAsErrors.
/// In Debug builds (these tests) the analyzers let exceptions through, so any of these would fail.</summary>
public class RobustnessTests
{
    [Fact]
    public Task Code_that_does_not_compile() => Verify.Analyzers("""
        using System.Net;
        using IsatapPlatform.Addressing;
        using IsatapPlatform.Client;
        class C
        {
            void M(IsatapPlatformClient client)
            {
                IPv6Prefix.Parse(;
                Nat64Prefix.Parse("2001:db8::/44", );
                IPAddress.Parse(Missing);
                client.DeriveNat64AddressAsync(prefix: , ipv4: "10.0.0.1");
                client.CreateIsatapAddressAsync(42, null);
                _ = new Nat64DeriveRequest { Prefix = 5, Unknown = "x" };
                var x = IPAddress.Parse("1.2.3.4") == ;
                _ = "Set-NetIsatapConfiguration -Router " + ;
                _ = $"{}";
                IPv6Prefix.TryParse("2001:db8::/32", (PrefixParseMode)7, out _, out _);
            }
        """, withClient: true, withAddressing: true, ignoreCompilerErrors: true);

    [Fact]
    public Task Odd_but_valid_code() => Verify.Analyzers(Method("""
        IPAddress.Parse((string)null!);
        Nat64Prefix.TryParse(default(string), out _);
        IPv6Prefix.TryParse(default(ReadOnlySpan<char>), out _);
        IPv6Prefix.TryParse("2001:db8::1/32", (PrefixParseMode)7, out _, out _);
        IPAddress.Parse({|ISA0004:"" + null|});
        const string empty = "";
        IPv6Address.TryParse({|ISA0004:empty|}, out _);
        _ = $"{1,5}{2:x}{DateTime.Now}Set-NetIsatapConfiguration -Router {"isatap",10}";
        _ = "Set-NetIsatapConfiguration -Router " + 1 + 'x' + 2.5 + null + true;
        Func<string, IPv6Prefix> parse = IPv6Prefix.Parse;
        System.Linq.Expressions.Expression<Func<IPAddress, IPAddress, bool>> same = (a, b) => {|ISA0009:a == b|};
        var huge = IPv6Prefix.TryParse(new string(':', 100000), out _);
        """, """
        const string Deep = "a" + "b" + "c" + "d" + "e" + "f" + "g" + "h" + "i" + "j" + "k" + "l" + "m" + "n" + "o" + "p" + "q" + "r" + "s" + "t" + "u" + "v" + "w" + "x" + "y" + "z" + "a" + "b" + "c" + "d" + "e" + "f" + "g" + "h" + "i" + "j" + "k" + "l" + "m" + "n" + "o" + "p" + "q" + "r" + "s" + "t" + "isatap";
        string NotConstantDeep(string s) => {|ISA0007:s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + "Set-NetIsatapConfiguration -Router isatap"|};
        """), withClient: true);

    [Fact]
    public Task Without_any_address_type_nothing_runs() => Verify.Analyzers("""
        class C { int M(int a, int b) => a == b ? 1 : 0; }
        """, withClient: false, withAddressing: false);
}
