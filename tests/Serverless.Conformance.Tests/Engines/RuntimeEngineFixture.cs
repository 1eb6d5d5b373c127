namespace Serverless.Conformance.Tests.Engines;

/// <summary>Our runtime on SQLite, started once for a test class.</summary>
public sealed class RuntimeEngineFixture : EngineFixture
{
    protected override async Task<IConformanceEngine> StartAsync() => await RuntimeEngine.StartAsync();
}
