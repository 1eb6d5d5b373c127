using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Serverless.Host.Tests.Infrastructure;
using Serverless.Runtime.History;
using Serverless.Telemetry;
using Serverless.Tests.Infrastructure;
using Serverless.Tests.Telemetry;

namespace Serverless.Host.Tests;

public sealed class TelemetryTests
{
    private const string TracedSaga = """
        { "name": "traced-saga", "version": 1, "onFailure": "compensate",
          "steps": [
            { "id": "reserve", "kind": "activity", "activity": "reserveInventory",
              "input": { "orderId": "{{input.orderId}}", "items": [ { "sku": "widget", "quantity": 1 } ] },
              "compensate": { "activity": "releaseInventory", "input": { "reservationId": "{{steps.reserve.output.reservationId}}" } } },
            { "id": "go", "kind": "wait", "event": "go" },
            { "id": "charge", "kind": "activity", "activity": "fail", "input": { "message": "card declined" } } ] }
        """;

    private const string MeteredSaga = """
        { "name": "metered-saga", "version": 3, "onFailure": "compensate",
          "steps": [
            { "id": "reserve", "kind": "activity", "activity": "reserveInventory",
              "input": { "orderId": "{{input.orderId}}", "items": [ { "sku": "widget", "quantity": 1 } ] },
              "compensate": { "activity": "releaseInventory", "input": { "reservationId": "{{steps.reserve.output.reservationId}}" } } },
            { "id": "charge", "kind": "activity", "activity": "fail", "input": { "message": "card declined" } } ] }
        """;

    [Fact]
    public async Task Saga_ThroughTheHostRestartedMidRun_OneTraceFromTheRequestThroughEveryStepAndCompensation()
    {
        using var data = new TempFolder("telemetry");
        var caller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        using var beforeRestart = new SpanCapture();
        using var afterRestart = new SpanCapture();
        beforeRestart.Follow(caller.TraceId);
        afterRestart.Follow(caller.TraceId);
        string id;

        await using (var first = Host(data.Path, beforeRestart))
        {
            await first.PublishOkAsync(TracedSaga);
            using var start = new HttpRequestMessage(HttpMethod.Post, "/api/workflows/traced-saga/instances") { Content = JsonContent.Create(new { orderId = "o-traced" }) };
            start.Headers.Add("traceparent", $"00-{caller.TraceId}-{caller.SpanId}-01");
            var response = await first.Client.SendAsync(start);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            id = (string)(await TestHost.ReadJsonAsync(response))["id"]!;
            await first.WaitForActivityAsync(id, "reserveInventory");

            // Restart while the instance waits for "go", once the audit batch after the reservation is done: a span
            // of an activity that runs while the host is stopping can be lost (see docs/operations.md, Telemetry).
            await first.WaitForActivityAsync(id, "recordWorkflowEvents");
        }

        await using var second = Host(data.Path, afterRestart);
        await second.Durable.RaiseEventAsync(id, "go");
        var done = await second.WaitForCompletionAsync(id);
        await afterRestart.WaitForAsync(s => s.Any(a => a.DisplayName.StartsWith("orchestration:", StringComparison.Ordinal)));
        var spans = beforeRestart.Spans.Concat(afterRestart.Spans).ToList();
        var history = await second.Runtime.GetHistoryAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        var request = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        Assert.Equal(caller.SpanId, request.ParentSpanId);
        Assert.Equal("POST", request.GetTagItem("http.request.method"));
        var orchestration = Assert.Single(spans, s => s.DisplayName == "orchestration:RunWorkflow");
        Assert.Equal(request.SpanId, orchestration.ParentSpanId);
        Assert.Equal("traced-saga", orchestration.GetTagItem(TelemetryAttributes.Workflow));
        Assert.Equal("1", orchestration.GetTagItem(TelemetryAttributes.Version));
        Assert.Equal(ActivityStatusCode.Error, orchestration.Status);
        Assert.Equal(orchestration.SpanId, Assert.Single(spans, s => s.DisplayName == "activity:reserveInventory").ParentSpanId);
        Assert.Equal(orchestration.SpanId, Assert.Single(spans, s => s.DisplayName == "wait:go").ParentSpanId);
        var charge = Assert.Single(spans, s => s.DisplayName == "activity:fail");
        Assert.Equal(orchestration.SpanId, charge.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Error, charge.Status);
        var compensation = Assert.Single(spans, s => s.DisplayName == "activity:releaseInventory");
        Assert.Equal(orchestration.SpanId, compensation.ParentSpanId);
        Assert.True(compensation.StartTimeUtc >= charge.StartTimeUtc);

        // No duplicates: one span per activity the history scheduled, whichever host ran it, and no span twice.
        foreach (var scheduled in history.OfType<TaskScheduled>().GroupBy(t => t.Name))
        {
            var emitted = spans.Count(s => s.DisplayName == $"activity:{scheduled.Key}");
            Assert.True(scheduled.Count() == emitted, $"activity {scheduled.Key}: scheduled {scheduled.Count()} times, {emitted} spans (before: {string.Join(", ", beforeRestart.Spans.Select(s => s.DisplayName))}; after: {string.Join(", ", afterRestart.Spans.Select(s => s.DisplayName))}; history: {string.Join(", ", history.Select(h => h.GetType().Name + (h is TaskScheduled t ? ":" + t.Name : "")))})");
        }

        Assert.Equal(spans.Count, spans.Select(s => s.SpanId).Distinct().Count());
        Assert.All(spans.Where(s => s != request), s => Assert.Equal(orchestration == s ? request.SpanId : orchestration.SpanId, s.ParentSpanId));
    }

    [Fact]
    public async Task Saga_CompensatedThroughTheHost_WorkflowMetricsCountWhatHappened()
    {
        using var data = new TempFolder("metrics");
        using var spans = new SpanCapture();
        var snapshots = new List<MetricSnapshot>();
        await using var host = Host(data.Path, spans, snapshots);
        await host.PublishOkAsync(MeteredSaga);

        var id = (string)(await host.StartAsync("metered-saga", new { orderId = "o-metered" }))["id"]!;
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await host.WaitForCompletionAsync(id)).RuntimeStatus);
        host.Get<MeterProvider>().ForceFlush();

        var workflow = new KeyValuePair<string, object?>(TelemetryAttributes.Workflow, "metered-saga");
        Assert.Equal(1, Sum(snapshots, "serverless.workflows.started", workflow));
        Assert.Equal(1, Sum(snapshots, "serverless.workflows.failed", workflow));
        Assert.Equal(1, Sum(snapshots, "serverless.workflows.compensated", workflow));
        Assert.Equal(0, Sum(snapshots, "serverless.workflows.completed", workflow));
        var steps = Points(snapshots, "serverless.step.duration", workflow)
            .Select(p => (Step: Tag(p, TelemetryAttributes.StepId), Outcome: Tag(p, TelemetryAttributes.Outcome), Count: p.GetHistogramCount()))
            .OrderBy(s => s.Step, StringComparer.Ordinal)
            .ToList();
        Assert.Equal([("charge", "failed", 1L), ("reserve", "completed", 1L)], steps);
    }

    [Theory]
    [InlineData(null, null, "")]
    [InlineData("none", null, "")]
    [InlineData("Console, otlp", null, "console,otlp")]
    [InlineData(null, "http://127.0.0.1:4317", "otlp")]
    [InlineData("console", "http://127.0.0.1:4317", "console")]
    public void Exporters_Settings_NameTheExportersToUse(string? exporters, string? otlpEndpoint, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [HostTelemetry.ExportersSetting] = exporters,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint,
        }).Build();

        Assert.Equal(expected, string.Join(",", HostTelemetry.Exporters(configuration)));
    }

    [Fact]
    public void Exporters_UnknownName_FailsNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [HostTelemetry.ExportersSetting] = "otlp,zipkin" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => HostTelemetry.Exporters(configuration));

        Assert.Contains("TelemetryExporters", error.Message, StringComparison.Ordinal);
        Assert.Contains("zipkin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_TelemetryNotConfigured_RegistersNoOpenTelemetry()
    {
        await using var host = new TestHost();

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    private static TestHost Host(string dataDirectory, SpanCapture spans, List<MetricSnapshot>? metrics = null) => new(
        settings: new Dictionary<string, string?> { ["DataDirectory"] = dataDirectory, ["TelemetryExporters"] = "console" },
        services: services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(spans));
            if (metrics is not null)
            {
                services.ConfigureOpenTelemetryMeterProvider(meter => meter.AddInMemoryExporter(metrics));
            }
        });

    private static List<MetricPoint> Points(List<MetricSnapshot> snapshots, string name, KeyValuePair<string, object?> tag) =>
        snapshots.LastOrDefault(s => s.Name == name)?.MetricPoints.Where(p => Tag(p, tag.Key) == (string?)tag.Value).ToList() ?? [];

    private static long Sum(List<MetricSnapshot> snapshots, string name, KeyValuePair<string, object?> tag) =>
        Points(snapshots, name, tag).Sum(p => p.GetSumLong());

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }
}
