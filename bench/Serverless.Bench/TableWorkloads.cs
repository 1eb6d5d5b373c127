using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Serverless.Storage;

namespace Serverless.Bench;

/// <summary>
/// Entities per second written through the table-store port: single inserts or 100-entity transactions,
/// against Azurite (<c>AZURITE_TABLE_ENDPOINT</c>, default 127.0.0.1:10002) or a SQLite file in a temp folder.
/// <c>TABLES_BENCH_CONCURRENCY</c> (default 1) sets how many writers run at once, each on its own partition.
/// </summary>
internal abstract class TableWorkload(bool sqlite, bool batch) : IWorkload
{
    public string Name => "tables-" + (batch ? "batch" : "insert") + (sqlite ? "-sqlite" : string.Empty);

    public string Description =>
        $"n entities via {(batch ? "100-entity transactions" : "single inserts")} into {(sqlite ? "SQLite (temp file)" : "Azurite")}";

    public async Task<BenchResult> RunAsync(int n, CancellationToken cancellationToken)
    {
        var concurrency = int.TryParse(Environment.GetEnvironmentVariable("TABLES_BENCH_CONCURRENCY"), CultureInfo.InvariantCulture, out var c) && c > 0 ? c : 1;
        var (store, table, cleanup) = await OpenAsync();
        try
        {
            await WriteAsync(store, table, "warmup", Math.Min(n, 200), 1, new List<double>(), cancellationToken);
            var latencies = new List<double>();
            var total = Stopwatch.StartNew();
            await WriteAsync(store, table, "run", n, concurrency, latencies, cancellationToken);
            total.Stop();
            latencies.Sort();
            return new BenchResult(
                Name + (concurrency > 1 ? $"-c{concurrency}" : string.Empty), n, total.Elapsed.TotalSeconds, n / total.Elapsed.TotalSeconds,
                Percentile(latencies, 0.50), Percentile(latencies, 0.99));
        }
        finally
        {
            await cleanup();
        }
    }

    private async Task WriteAsync(ITableStore store, string table, string prefix, int n, int writers, List<double> latencies, CancellationToken ct)
    {
        var perWriter = (n + writers - 1) / writers;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var partition = $"{prefix}-{w}";
            var count = Math.Min(perWriter, n - (w * perWriter));
            var step = batch ? 100 : 1;
            for (var i = 0; i < count; i += step)
            {
                var size = Math.Min(step, count - i);
                var op = Stopwatch.StartNew();
                if (batch)
                {
                    var actions = Enumerable.Range(i, size).Select(j => new TableTransactionAction(TableTransactionActionType.Add, Entity(partition, j))).ToList();
                    await store.SubmitTransactionAsync(table, actions, ct);
                }
                else
                {
                    await store.AddAsync(table, Entity(partition, i), ct);
                }

                lock (latencies)
                {
                    latencies.Add(op.Elapsed.TotalMilliseconds);
                }
            }
        }, ct)));
    }

    private static TableEntity Entity(string partition, int i) => new(partition, i.ToString("D9", CultureInfo.InvariantCulture))
    {
        ["Name"] = "entity " + i,
        ["Count"] = i,
        ["Big"] = (long)i << 20,
        ["At"] = DateTimeOffset.UnixEpoch.AddSeconds(i),
    };

    private async Task<(ITableStore Store, string Table, Func<Task> Cleanup)> OpenAsync()
    {
        var table = "bench" + Guid.NewGuid().ToString("N")[..12];
        if (sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "serverless-bench-" + Guid.NewGuid().ToString("N"));
            var store = new SqliteTableStore(Path.Combine(folder, "tables.db"));
            await store.CreateTableIfNotExistsAsync(table);
            return (store, table, () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            });
        }

        // Azurite's development account (its key is public); AZURITE_TABLE_ENDPOINT names any port, as .ci/run sets it.
        var connection = Environment.GetEnvironmentVariable("AZURITE_TABLE_ENDPOINT") is { Length: > 0 } endpoint
            ? "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
              + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=" + endpoint
            : "UseDevelopmentStorage=true";
        var service = TableStorageConnection.FromConnectionString(connection).CreateServiceClient();
        var azure = new AzureTableStore(service);
        await azure.CreateTableIfNotExistsAsync(table);
        return (azure, table, async () => await service.DeleteTableAsync(table));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

/// <summary><c>tables-insert</c>: single inserts into Azurite.</summary>
internal sealed class TablesInsertWorkload() : TableWorkload(sqlite: false, batch: false);

/// <summary><c>tables-batch</c>: 100-entity transactions into Azurite.</summary>
internal sealed class TablesBatchWorkload() : TableWorkload(sqlite: false, batch: true);

/// <summary><c>tables-insert-sqlite</c>: single inserts into SQLite.</summary>
internal sealed class TablesInsertSqliteWorkload() : TableWorkload(sqlite: true, batch: false);

/// <summary><c>tables-batch-sqlite</c>: 100-entity transactions into SQLite.</summary>
internal sealed class TablesBatchSqliteWorkload() : TableWorkload(sqlite: true, batch: true);
