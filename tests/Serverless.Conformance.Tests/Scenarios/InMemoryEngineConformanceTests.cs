using Serverless.Conformance.Tests.Engines;

namespace Serverless.Conformance.Tests.Scenarios;

/// <summary>The conformance scenarios on Microsoft's in-memory engine behind the Durable Task gRPC sidecar.</summary>
public sealed class InMemoryEngineConformanceTests(InMemoryEngineFixture fixture) : ConformanceSuite(fixture), IClassFixture<InMemoryEngineFixture>;
