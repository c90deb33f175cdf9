using IsatapPlatform.Analyzers.CodeFixes;
using IsatapPlatform.Analyzers.Tests.Infrastructure;

namespace IsatapPlatform.Analyzers.Tests.Fixes;

public class IPAddressEqualityCodeFixTests
{
    private static Task Fix(string before, string after) => Verify.CodeFix<IPAddressReferenceEqualityAnalyzer, IPAddressEqualityCodeFixProvider>(before, after);

    [Fact]
    public Task Equals_and_not_equals() => Fix(
        """
        using System.Net;
        class C
        {
            bool Same(IPAddress a, IPAddress b) => {|ISA0009:a == b|};
            bool Different(IPAddress a, IPAddress b) => {|ISA0009:a != b|};
        }
        """,
        """
        using System.Net;
        class C
        {
            bool Same(IPAddress a, IPAddress b) => object.Equals(a, b);
            bool Different(IPAddress a, IPAddress b) => !object.Equals(a, b);
        }
        """);

    [Fact]
    public Task Inside_conditions_and_lambdas() => Fix(
        """
        using System.Linq;
        using System.Net;
        class C
        {
            int Count(IPAddress[] all, IPAddress gateway)
            {
                if ({|ISA0009:all[0] != gateway|} && all.Length > 1) return 0;
                return all.Count(a => {|ISA0009:a == gateway|});
            }
        }
        """,
        """
        using System.Linq;
        using System.Net;
        class C
        {
            int Count(IPAddress[] all, IPAddress gateway)
            {
                if (!object.Equals(all[0], gateway) && all.Length > 1) return 0;
                return all.Count(a => object.Equals(a, gateway));
            }
        }
        """);

    // Inside an IEqualityComparer<IPAddress>, an unqualified Equals(x, y) would call the comparer itself.
    [Fact]
    public Task Inside_an_equality_comparer() => Fix(
        """
        using System.Collections.Generic;
        using System.Net;
        class Comparer : IEqualityComparer<IPAddress>
        {
            public bool Equals(IPAddress? x, IPAddress? y) => {|ISA0009:x == y|};
            public int GetHashCode(IPAddress obj) => obj.GetHashCode();
        }
        """,
        """
        using System.Collections.Generic;
        using System.Net;
        class Comparer : IEqualityComparer<IPAddress>
        {
            public bool Equals(IPAddress? x, IPAddress? y) => object.Equals(x, y);
            public int GetHashCode(IPAddress obj) => obj.GetHashCode();
        }
        """);
}
