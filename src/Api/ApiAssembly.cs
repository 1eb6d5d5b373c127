namespace Serverless.Api;

/// <summary>Marker for this assembly (the Functions drift guard and tests find the handlers through it).</summary>
public static class ApiAssembly;
