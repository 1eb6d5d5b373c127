using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Serverless.Telemetry;

namespace Serverless.Tests.Telemetry;

/// <summary>Subscribes OpenTelemetry (in-memory exporters) to our source and meter for one test.</summary>
internal sealed class TelemetryCapture : IDisposable
{
    /// <summary>Where tests start the "request" span an orchestration is started under.</summary>
    public static readonly ActivitySource Requests = new("Serverless.Tests.Requests");

    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metrics;
    private readonly List<MetricSnapshot> _snapshots = [];

    public TelemetryCapture()
    {
        _tracing = Sdk.CreateTracerProviderBuilder().AddSource(ServerlessTelemetry.Name, Requests.Name).AddProcessor(Spans).Build();
        _metrics = Sdk.CreateMeterProviderBuilder().AddMeter(ServerlessTelemetry.Name).AddInMemoryExporter(_snapshots).Build();
    }

    public SpanCapture Spans { get; } = new();

    /// <summary>Starts a root span standing for the caller's request, and follows its trace.</summary>
    public Activity StartRequest(string name)
    {
        var request = Requests.StartActivity(name, ActivityKind.Server) ?? throw new InvalidOperationException("The request span was not sampled.");
        Spans.Follow(request.TraceId);
        return request;
    }

    /// <summary>The current points of metric <paramref name="name"/> whose tags include <paramref name="tag"/>.</summary>
    public IReadOnlyList<MetricPoint> Points(string name, KeyValuePair<string, object?> tag)
    {
        _metrics.ForceFlush();
        var latest = _snapshots.LastOrDefault(s => s.Name == name);
        if (latest is null)
        {
            return [];
        }

        return latest.MetricPoints.Where(p =>
        {
            foreach (var t in p.Tags)
            {
                if (t.Key == tag.Key && Equals(t.Value, tag.Value))
                {
                    return true;
                }
            }

            return false;
        }).ToList();
    }

    /// <summary>The sum of a counter over the points tagged <paramref name="tag"/>.</summary>
    public long Count(string name, KeyValuePair<string, object?> tag) => Points(name, tag).Sum(p => p.GetSumLong());

    public void Dispose()
    {
        _tracing.Dispose();
        _metrics.Dispose();
        Spans.Dispose();
    }
}
