using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Runtime.History;
using Serverless.Runtime.Registration;
using Serverless.Runtime.Storage.Sqlite;
using Serverless.Tests.Telemetry;

namespace Serverless.Runtime.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class RestartTracingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "serverless-tests", Guid.NewGuid().ToString("N"));
    private readonly TelemetryCapture _telemetry = new();

    public RestartTracingTests() => Directory.CreateDirectory(_folder);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RestartMidRun_SameSqliteFile_ContinuesTheTraceWithoutDuplicateSpans(bool crash)
    {
        ActivityContext request;
        string id;
        var first = await StartAsync();
        using (var span = _telemetry.StartRequest("POST /flows"))
        {
            request = span.Context;
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("Resumable", "a");
        }

        await first.WaitForHistoryAsync(id, h => h.OfType<TaskCompleted>().Any());
        if (crash)
        {
            await first.AbandonAsync();
        }
        else
        {
            await first.DisposeAsync();
        }

        await using var second = await StartAsync();
        await second.Client.RaiseEventAsync(id, "go", "b");
        var done = await second.CompleteAsync(id);
        var spans = await _telemetry.Spans.WaitForAsync(s => s.Any(a => a.DisplayName == "orchestration:Resumable"));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var orchestration = Assert.Single(spans, s => s.DisplayName == "orchestration:Resumable");
        Assert.Equal(request.SpanId, orchestration.ParentSpanId);
        var stored = Assert.Single((await second.GetHistoryAsync(id)).OfType<ExecutionStarted>()).Trace;
        Assert.Equal(stored!.SpanId, orchestration.SpanId);
        foreach (var name in new[] { "activity:Before", "wait:go", "activity:After" })
        {
            var span = Assert.Single(spans, s => s.DisplayName == name);
            Assert.Equal(orchestration.SpanId, span.ParentSpanId);
        }

        Assert.Equal(5, spans.Count);
        Assert.All(spans, s => Assert.Equal(request.TraceId, s.TraceId));
    }

    public void Dispose()
    {
        _telemetry.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort; the folder is under the temp path.
        }
    }

    private Task<DurableRuntime> StartAsync() => DurableRuntime.StartAsync(
        new DurableRuntimeOptions
        {
            Store = new SqliteRuntimeStore(new SqliteStoreOptions { DatabasePath = Path.Combine(_folder, "hub.db") }),
            LeaseDuration = TimeSpan.FromSeconds(1),
            PollInterval = TimeSpan.FromMilliseconds(50),
        },
        new TaskRegistry()
            .AddActivityFunc<string, string>("Before", (_, x) => x + "1")
            .AddActivityFunc<string, string>("After", (_, x) => x + "2")
            .AddOrchestratorFunc<string, string>("Resumable", async (ctx, x) =>
            {
                var before = await ctx.CallActivityAsync<string>("Before", x);
                var go = await ctx.WaitForExternalEvent<string>("go");
                return await ctx.CallActivityAsync<string>("After", before + go);
            }));
}
