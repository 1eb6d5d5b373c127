namespace Serverless.Runtime.Tests.Telemetry;

/// <summary>
/// Telemetry listeners are process-wide: the tests that subscribe run one class at a time, so a test can also check
/// what happens when nobody listens.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry listeners";
}
