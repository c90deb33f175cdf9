namespace IsatapPlatform.Diagnostics;

/// <summary>Marker for the diagnostics engine assembly.</summary>
public static class DiagnosticsAssembly;
