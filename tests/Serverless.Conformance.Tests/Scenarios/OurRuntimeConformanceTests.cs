using Serverless.Conformance.Tests.Engines;

namespace Serverless.Conformance.Tests.Scenarios;

/// <summary>The conformance scenarios on our embedded runtime over SQLite.</summary>
public sealed class OurRuntimeConformanceTests(RuntimeEngineFixture fixture) : ConformanceSuite(fixture), IClassFixture<RuntimeEngineFixture>;
