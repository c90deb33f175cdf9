namespace IsatapPlatform.Planning;

/// <summary>Marker for the planning engine assembly.</summary>
public static class PlanningAssembly;
