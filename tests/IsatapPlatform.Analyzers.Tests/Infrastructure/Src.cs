namespace IsatapPlatform.Analyzers.Tests.Infrastructure;

/// <summary>Wraps test statements in a compilable class that has the SDK, System.Net and the fake
/// client in scope. Members (const fields, helpers) go in <c>members</c>.</summary>
internal static class Src
{
    public static string Method(string body, string members = "") => $$"""
        using System;
        using System.Net;
        using System.Threading.Tasks;
        using IsatapPlatform.Addressing;
        using IsatapPlatform.Client;

        class C
        {
            static string NotConstant() => "2001:db8::/44";
        {{members}}

            async Task M(IsatapPlatformClient client)
            {
                await Task.Yield();
        {{body}}
            }
        }
        """;
}
