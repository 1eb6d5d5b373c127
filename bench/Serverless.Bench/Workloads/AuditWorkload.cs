using System.Diagnostics;
using Serverless.Audit;
using Serverless.Storage;

namespace Serverless.Bench.Workloads;

/// <summary>
/// The audit trail's write path alone: n workflow-like entries appended in batches of 64 (what
/// <c>recordWorkflowEvents</c> sends) to instances of 200 entries each, on a SQLite table store in a temp folder.
/// per_second is entries/s; p50/p99 are per batch.
/// </summary>
internal sealed class AuditWorkload : IWorkload
{
    private const int BatchSize = 64;
    private const int EntriesPerInstance = 200;

    public string Name => "audit";

    public string Description => "n audit entries appended in batches of 64 to a SQLite table store (entries/s, p50/p99 per batch)";

    public async Task<BenchResult> RunAsync(int n, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("bench-audit-");
        try
        {
            var trail = new AuditTrail(new SqliteTableStore(Path.Combine(folder.FullName, "tables.db")), TimeProvider.System);
            await trail.EnsureCreatedAsync(cancellationToken);
            await AppendAsync(trail, "warmup", 256, [], cancellationToken);
            var latencies = new List<double>();
            var clock = Stopwatch.StartNew();
            await AppendAsync(trail, "run", n, latencies, cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            var (p50, p99) = Percentiles.Of(latencies);
            return new BenchResult(Name, n, seconds, n / seconds, p50, p99);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task AppendAsync(AuditTrail trail, string prefix, int n, List<double> latencies, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        for (var first = 0; first < n; first += BatchSize)
        {
            var batch = Enumerable.Range(first, Math.Min(BatchSize, n - first)).Select(i => new AuditEntry
            {
                InstanceId = $"{prefix}-{i / EntriesPerInstance}",
                WorkflowName = "bench",
                WorkflowVersion = "1",
                Step = $"s{i % EntriesPerInstance}",
                EventType = i % 2 == 0 ? "StepScheduled" : "StepCompleted",
                Actor = "system",
                Time = start.AddMilliseconds(i),
                DetailsJson = $$"""{"attempt":1,"output":{{i}},"sequence":{{i % EntriesPerInstance}}}""",
                CorrelationId = "bench",
            }).ToList();
            foreach (var instance in batch.GroupBy(e => e.InstanceId))
            {
                var watch = Stopwatch.StartNew();
                await trail.AppendBatchAsync([.. instance], cancellationToken);
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
    }
}
