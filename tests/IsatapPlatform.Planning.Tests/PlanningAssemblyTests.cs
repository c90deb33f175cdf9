namespace IsatapPlatform.Planning.Tests;

public class PlanningAssemblyTests
{
    [Fact]
    public void Engine_assembly_is_named_after_its_feature()
        => Assert.Equal("IsatapPlatform.Planning", typeof(PlanningAssembly).Assembly.GetName().Name);
}
