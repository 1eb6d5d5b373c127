using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Activities;
using Serverless.Audit;
using Serverless.Orchestrations.Workflows;
using Serverless.Runtime;
using Serverless.Runtime.Registration;
using Serverless.Runtime.Storage.Sqlite;
using Serverless.Storage;
using Serverless.Workflows.Versioning;

namespace Serverless.Bench.Workloads;

/// <summary>
/// The interpreter on a runtime over a SQLite file, with the product activity catalog and the audit trail on a
/// SQLite table store in the same temp folder, as the local host runs it.
/// </summary>
internal sealed class WorkflowBenchHost : IAsyncDisposable
{
    private readonly string _folder;
    private readonly WorkflowCatalog _catalog = new();

    private WorkflowBenchHost(string folder, DurableRuntime runtime)
    {
        _folder = folder;
        Runtime = runtime;
    }

    public DurableRuntime Runtime { get; }

    public static async Task<WorkflowBenchHost> StartAsync(bool audit)
    {
        var folder = Path.Combine(Path.GetTempPath(), "serverless-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var services = new ServiceCollection()
            .AddSingleton<ITableStore>(new SqliteTableStore(Path.Combine(folder, "tables.db")))
            .AddServerlessActivities()
            .BuildServiceProvider();
        await services.GetRequiredService<AuditTrail>().EnsureCreatedAsync();
        var options = new WorkflowInterpreterOptions { AuditEnabled = audit };
        var registry = new TaskRegistry().AddOrchestrator(WorkflowRunInput.OrchestratorName, _ => new WorkflowOrchestrator(options));
        foreach (var activity in ActivityCatalog.All)
            registry.AddActivity(activity.Name, activity.ActivityType);
        var runtime = await DurableRuntime.StartAsync(
            new DurableRuntimeOptions
            {
                Store = new SqliteRuntimeStore(new SqliteStoreOptions { DatabasePath = Path.Combine(folder, "bench.db") }),
                Limits = new RuntimeLimits { MaxHistoryEvents = 1_000_000, MaxActionsPerEpisode = 1_000_000 },
            },
            registry,
            services);
        return new WorkflowBenchHost(folder, runtime);
    }

    public PublishedWorkflow Publish(string json) => _catalog.Publish(json);

    public Task<string> StartAsync(PublishedWorkflow workflow, string instanceId) =>
        Runtime.Client.ScheduleNewOrchestrationInstanceAsync(
            WorkflowRunInput.OrchestratorName,
            WorkflowRunInputFactory.Create(workflow, _catalog.Get, JsonSerializer.SerializeToElement(new { n = 1 }), "bench"),
            new StartOrchestrationOptions(instanceId));

    public async Task<OrchestrationMetadata> WaitAsync(string instanceId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var result = await Runtime.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: false, limit.Token);
        return result.RuntimeStatus == OrchestrationRuntimeStatus.Completed
            ? result
            : throw new InvalidOperationException($"{instanceId} ended {result.RuntimeStatus}: {result.FailureDetails}");
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; best effort.
        }
    }
}
