using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Runtime.History;
using Serverless.Runtime.Registration;
using Serverless.Runtime.Telemetry;
using Serverless.Telemetry;
using Serverless.Tests.Telemetry;

namespace Serverless.Runtime.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class TracingTests : IDisposable
{
    private readonly TelemetryCapture _telemetry = new();

    [Fact]
    public async Task Saga_StartedUnderARequest_OneTraceWithEveryStepCompensationWaitAndChildUnderTheOrchestration()
    {
        var clock = RuntimeHarness.NewClock();
        // Cache size 0: every episode replays the whole history, so a span from replay would show as a duplicate.
        await using var runtime = await RuntimeHarness.StartAsync(SagaRegistry(), time: clock, cacheSize: 0);
        string id;
        ActivityContext request;
        using (var span = _telemetry.StartRequest("POST /orders"))
        {
            request = span.Context;
            id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("TracedSaga", "order-1");
        }

        await runtime.WaitForTimersAsync(id);
        clock.Advance(TimeSpan.FromMinutes(1));
        await runtime.WaitForHistoryAsync(id, h => h.OfType<TimerFired>().Any());
        await runtime.Client.RaiseEventAsync(id, "go", "now");
        var done = await runtime.CompleteAsync(id);
        var spans = await _telemetry.Spans.WaitForAsync(s => s.Any(a => a.DisplayName == "orchestration:TracedSaga"));

        Assert.Equal("compensated", done.ReadOutputAs<string>());
        var orchestration = Assert.Single(spans, s => s.DisplayName == "orchestration:TracedSaga");
        Assert.Equal(request.TraceId, orchestration.TraceId);
        Assert.Equal(request.SpanId, orchestration.ParentSpanId);
        Assert.Equal(id, orchestration.GetTagItem(TelemetryAttributes.InstanceId));
        var child = Assert.Single(spans, s => s.DisplayName == "orchestration:TracedChild");
        Assert.Equal(orchestration.SpanId, child.ParentSpanId);
        Assert.Equal(child.SpanId, Assert.Single(spans, s => s.DisplayName == "activity:Ship").ParentSpanId);
        foreach (var name in new[] { "activity:Reserve", "activity:Charge", "activity:Release", "timer", "wait:go" })
        {
            Assert.Equal(orchestration.SpanId, Assert.Single(spans, s => s.DisplayName == name).ParentSpanId);
        }

        Assert.Equal(9, spans.Count);
        Assert.Equal(spans.Count, spans.Select(s => s.SpanId).Distinct().Count());
        Assert.All(spans, s => Assert.Equal(request.TraceId, s.TraceId));
    }

    [Fact]
    public async Task FailedActivity_Traced_SpanCarriesTheErrorByTheConventions()
    {
        await using var runtime = await RuntimeHarness.StartAsync(SagaRegistry());
        using (_telemetry.StartRequest("POST /charge"))
        {
            await runtime.Client.ScheduleNewOrchestrationInstanceAsync("ChargeOnly", "order-2");
        }

        var spans = await _telemetry.Spans.WaitForAsync(s => s.Any(a => a.DisplayName == "orchestration:ChargeOnly"));

        var charge = Assert.Single(spans, s => s.DisplayName == "activity:Charge");
        Assert.Equal(ActivityStatusCode.Error, charge.Status);
        Assert.Equal("card declined for order-2", charge.StatusDescription);
        Assert.Equal(typeof(InvalidOperationException).FullName, charge.GetTagItem(TelemetryAttributes.ErrorType));
        var exception = Assert.Single(charge.Events, e => e.Name == "exception");
        Assert.Contains(exception.Tags, t => t.Key == "exception.message" && (string?)t.Value == "card declined for order-2");
        var orchestration = Assert.Single(spans, s => s.DisplayName == "orchestration:ChargeOnly");
        Assert.Equal(ActivityStatusCode.Error, orchestration.Status);
        Assert.Equal("Failed", orchestration.GetTagItem(TelemetryAttributes.Status));
        Assert.Equal(typeof(TaskFailedException).FullName, orchestration.GetTagItem(TelemetryAttributes.ErrorType));
    }

    [Fact]
    public async Task HttpCallInAnActivity_Traced_CarriesTheTraceToTheCallee()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}/callee";
        var received = AnswerOneRequestAsync(listener);
        var registry = new TaskRegistry()
            .AddActivityFunc<string, int>("CallOut", async (_, target) =>
            {
                using var http = new HttpClient();
                return (int)(await http.GetAsync(new Uri(target))).StatusCode;
            })
            .AddOrchestratorFunc<string, int>("CallsOut", (ctx, target) => ctx.CallActivityAsync<int>("CallOut", target));
        await using var runtime = await RuntimeHarness.StartAsync(registry);
        ActivityContext request;
        using (var span = _telemetry.StartRequest("POST /call"))
        {
            request = span.Context;
            await runtime.Client.ScheduleNewOrchestrationInstanceAsync("CallsOut", url);
        }

        var traceparent = await received.WaitAsync(RuntimeHarness.WaitLimit);
        var spans = await _telemetry.Spans.WaitForAsync(s => s.Any(a => a.DisplayName == "orchestration:CallsOut"));

        var call = Assert.Single(spans, s => s.DisplayName == "activity:CallOut");
        Assert.True(ActivityContext.TryParse(traceparent, null, out var sent), $"no traceparent header: '{traceparent}'");
        Assert.Equal(request.TraceId, sent.TraceId);
        Assert.Equal(request.TraceId, call.TraceId);
    }

    [Fact]
    public async Task ContinueAsNew_Traced_EachExecutionIsASpanUnderTheSameRequest()
    {
        var registry = new TaskRegistry().AddOrchestratorFunc<int, int>("Looping", (ctx, round) =>
        {
            if (round < 1)
            {
                ctx.ContinueAsNew(round + 1);
            }

            return Task.FromResult(round);
        });
        await using var runtime = await RuntimeHarness.StartAsync(registry);
        ActivityContext request;
        string id;
        using (var span = _telemetry.StartRequest("POST /loop"))
        {
            request = span.Context;
            id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Looping", 0);
        }

        await runtime.CompleteAsync(id);
        var spans = _telemetry.Spans.Spans.Where(s => s.DisplayName == "orchestration:Looping").ToList();

        Assert.Equal(["ContinuedAsNew", "Completed"], spans.Select(s => (string?)s.GetTagItem(TelemetryAttributes.Status)));
        Assert.All(spans, s => Assert.Equal(request.SpanId, s.ParentSpanId));
        Assert.NotEqual(spans[0].SpanId, spans[1].SpanId);
    }

    [Fact]
    public async Task Start_UnderAnUnsampledRequest_RecordsNoSpanOfTheInstance()
    {
        await using var runtime = await RuntimeHarness.StartAsync(SagaRegistry());
        var unsampled = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);
        _telemetry.Spans.Follow(unsampled.TraceId);
        string id;
        using (var caller = new Activity("unsampled caller").SetParentId(unsampled.TraceId, unsampled.SpanId, unsampled.TraceFlags).Start())
        {
            id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("TracedChild", "order-4");
        }

        await runtime.CompleteAsync(id);

        var started = Assert.Single((await runtime.GetHistoryAsync(id)).OfType<ExecutionStarted>());
        Assert.Equal(unsampled.TraceId, started.Trace!.Context.TraceId);
        Assert.Empty(_telemetry.Spans.Spans);
    }

    [Fact]
    public async Task Start_NobodyListening_StoresNoTraceAndEmitsNothing()
    {
        _telemetry.Dispose();
        await using var runtime = await RuntimeHarness.StartAsync(SagaRegistry());

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("ChargeOnly", "order-3");
        await runtime.CompleteAsync(id);

        var started = Assert.Single((await runtime.GetHistoryAsync(id)).OfType<ExecutionStarted>());
        Assert.Null(started.Trace);
    }

    [Fact]
    public void DurableSpan_OnThisRuntime_KeepsTheStoredSpanId()
    {
        using var request = _telemetry.StartRequest("check");
        var trace = OrchestrationTrace.Under(request.Context);

        DurableSpan.Emit("stored-id", trace.ParentContext, trace.SpanId, DateTime.UtcNow, DateTime.UtcNow, []);
        request.Stop();

        Assert.True(DurableSpan.IsSupported);
        var span = Assert.Single(_telemetry.Spans.Spans, s => s.DisplayName == "stored-id");
        Assert.Equal(trace.SpanId, span.SpanId);
        Assert.Equal(request.SpanId, span.ParentSpanId);
    }

    public void Dispose() => _telemetry.Dispose();

    /// <summary>A one-request HTTP server on a socket: returns the request's traceparent header, answers 200.</summary>
    private static async Task<string?> AnswerOneRequestAsync(System.Net.Sockets.TcpListener listener)
    {
        using var connection = await listener.AcceptTcpClientAsync();
        var stream = connection.GetStream();
        using var reader = new StreamReader(stream, leaveOpen: true);
        string? traceparent = null;
        while (await reader.ReadLineAsync() is { Length: > 0 } line)
        {
            if (line.StartsWith("traceparent:", StringComparison.OrdinalIgnoreCase))
            {
                traceparent = line["traceparent:".Length..].Trim();
            }
        }

        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
        return traceparent;
    }

    private static string Decline(string order) => throw new InvalidOperationException($"card declined for {order}");

    private static TaskRegistry SagaRegistry() => new TaskRegistry()
        .AddActivityFunc<string, string>("Reserve", (_, order) => $"reservation-{order}")
        .AddActivityFunc<string, string>("Charge", (_, order) => Decline(order))
        .AddActivityFunc<string, string>("Release", (_, reservation) => $"released {reservation}")
        .AddActivityFunc<string, string>("Ship", (_, order) => $"shipped {order}")
        .AddOrchestratorFunc<string, string>("TracedChild", (ctx, order) => ctx.CallActivityAsync<string>("Ship", order))
        .AddOrchestratorFunc<string, string>("ChargeOnly", (ctx, order) => ctx.CallActivityAsync<string>("Charge", order))
        .AddOrchestratorFunc<string, string>("TracedSaga", async (ctx, order) =>
        {
            var reservation = await ctx.CallActivityAsync<string>("Reserve", order);
            await ctx.CreateTimer(TimeSpan.FromMinutes(1), CancellationToken.None);
            await ctx.WaitForExternalEvent<string>("go");
            await ctx.CallSubOrchestratorAsync<string>("TracedChild", order);
            try
            {
                await ctx.CallActivityAsync<string>("Charge", order);
                return "charged";
            }
            catch (TaskFailedException)
            {
                await ctx.CallActivityAsync<string>("Release", reservation);
                return "compensated";
            }
        });
}
