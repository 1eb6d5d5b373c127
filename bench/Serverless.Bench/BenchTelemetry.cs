using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Serverless.Telemetry;

namespace Serverless.Bench;

/// <summary>
/// <c>BENCH_TELEMETRY=on</c>: subscribes the OpenTelemetry SDK to our source and meter as a host with an exporter
/// would (always-on sampling, batch span processor, periodic metric reader), with exporters that count and drop, so
/// a run measures what recording costs and not a network. <c>traces</c> or <c>metrics</c> subscribes only one of
/// them. Unset or <c>off</c>: nothing subscribes.
/// </summary>
internal sealed class BenchTelemetry : IDisposable
{
    private readonly TracerProvider? _tracing;
    private readonly MeterProvider? _metrics;
    private readonly CountingSpanExporter _spans = new();

    private BenchTelemetry(bool traces, bool metrics)
    {
        _tracing = traces
            ? Sdk.CreateTracerProviderBuilder().AddSource(ServerlessTelemetry.Name).AddProcessor(new BatchActivityExportProcessor(_spans)).Build()
            : null;
        _metrics = metrics
            ? Sdk.CreateMeterProviderBuilder()
                .AddMeter(ServerlessTelemetry.Name)
                .AddReader(new PeriodicExportingMetricReader(new CountingMetricExporter(), exportIntervalMilliseconds: 1000))
                .Build()
            : null;
    }

    /// <summary>Starts telemetry when <c>BENCH_TELEMETRY</c> asks for it; null otherwise.</summary>
    public static BenchTelemetry? StartIfAsked() => Environment.GetEnvironmentVariable("BENCH_TELEMETRY")?.ToLowerInvariant() switch
    {
        "on" or "1" or "true" => new BenchTelemetry(traces: true, metrics: true),
        "traces" => new BenchTelemetry(traces: true, metrics: false),
        "metrics" => new BenchTelemetry(traces: false, metrics: true),
        _ => null,
    };

    /// <summary>Flushes and reports how many spans were exported (on stderr, so the summary stays the last stdout line).</summary>
    public void Dispose()
    {
        _tracing?.ForceFlush();
        _tracing?.Dispose();
        _metrics?.Dispose();
        Console.Error.WriteLine($"telemetry=on spans_exported={_spans.Exported}");
    }

    private sealed class CountingSpanExporter : BaseExporter<Activity>
    {
        private long _exported;

        public long Exported => Interlocked.Read(ref _exported);

        public override ExportResult Export(in Batch<Activity> batch)
        {
            Interlocked.Add(ref _exported, batch.Count);
            return ExportResult.Success;
        }
    }

    private sealed class CountingMetricExporter : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }
}
