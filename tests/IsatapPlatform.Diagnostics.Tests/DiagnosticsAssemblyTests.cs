namespace IsatapPlatform.Diagnostics.Tests;

public class DiagnosticsAssemblyTests
{
    [Fact]
    public void Engine_assembly_is_named_after_its_feature()
        => Assert.Equal("IsatapPlatform.Diagnostics", typeof(DiagnosticsAssembly).Assembly.GetName().Name);
}
