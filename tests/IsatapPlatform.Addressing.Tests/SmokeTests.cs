namespace IsatapPlatform.Addressing.Tests;

public class SmokeTests
{
    [Fact]
    public void Embeds_the_worked_DirectAccess_example()
        => Assert.Equal("fd03:b402:e10c:7777::ac10:1e1",
            Nat64Prefix.Parse("fd03:b402:e10c:7777::/96").Embed(IPv4Address.Parse("172.16.1.225")).ToString());
}
