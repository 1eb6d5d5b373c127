namespace Serverless.Orchestrations;

/// <summary>Marker for this assembly (registration scans and tests find it through this type).</summary>
public static class OrchestrationsAssembly;
