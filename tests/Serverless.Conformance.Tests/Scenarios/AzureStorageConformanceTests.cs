using Serverless.Conformance.Tests.Engines;

namespace Serverless.Conformance.Tests.Scenarios;

/// <summary>The conformance scenarios on the AzureStorage provider (the Durable extension's default in Azure) over Azurite.</summary>
public sealed class AzureStorageConformanceTests(AzureStorageEngineFixture fixture) : ConformanceSuite(fixture), IClassFixture<AzureStorageEngineFixture>;
