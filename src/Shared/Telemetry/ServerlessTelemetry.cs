using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Serverless.Telemetry;

/// <summary>
/// The one <see cref="ActivitySource"/> and <see cref="Meter"/> our code reports through, on every host. Our libraries
/// use only System.Diagnostics; a host that wants the data subscribes with OpenTelemetry (<c>AddSource(SourceName)</c>,
/// <c>AddMeter(MeterName)</c>). With no subscriber, starting a span returns null and recording a measurement is a
/// no-op, so telemetry that is off costs next to nothing.
/// </summary>
public static class ServerlessTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "Serverless";

    /// <summary>The version reported with the source and meter (the telemetry schema, not the product).</summary>
    public const string SchemaVersion = "1.0";

    /// <summary>Spans: orchestrations, activity executions, timers and event waits.</summary>
    public static ActivitySource Source { get; } = new(Name, SchemaVersion);

    /// <summary>Metrics: instance counts, step durations, queue backlog, timer lag, approval waits.</summary>
    public static Meter Meter { get; } = new(Name, SchemaVersion);
}
