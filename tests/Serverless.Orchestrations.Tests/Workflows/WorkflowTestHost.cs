using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serverless.Activities;
using Serverless.Activities.Approvals;
using Serverless.Activities.General;
using Serverless.Activities.Workflows;
using Serverless.Approvals;
using Serverless.Audit;
using Serverless.Orchestrations.Workflows;
using Serverless.Runtime;
using Serverless.Runtime.History;
using Serverless.Runtime.Registration;
using Serverless.Secrets;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;
using Serverless.Workflows;
using Serverless.Workflows.Validation;
using Serverless.Workflows.Versioning;

namespace Serverless.Orchestrations.Tests.Workflows;

/// <summary>
/// The real embedded runtime on SQLite in a temp folder, running the interpreter with test activities, a real
/// audit trail (SQLite table store), the product activities (catalog) and the real approvals inbox. Waits on conditions, never sleeps.
/// </summary>
internal sealed class WorkflowTestHost : IAsyncDisposable
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    private readonly Action<TaskRegistry>? _activities;
    private readonly WorkflowInterpreterOptions _options;
    private readonly Func<HttpRequestMessage, HttpResponseMessage>? _http;
    private IReadOnlyDictionary<string, string>? _secrets;
    private SqliteTableStore? _tables;

    private WorkflowTestHost(
        TempFolder folder, Action<TaskRegistry>? activities, WorkflowInterpreterOptions options, FakeTimeProvider? clock, Func<HttpRequestMessage, HttpResponseMessage>? http)
    {
        _http = http;
        Folder = folder;
        _activities = activities;
        _options = options;
        Clock = clock;
        Catalog = new WorkflowCatalog(new ValidationOptions { ActivityRegistry = null });
    }

    public TempFolder Folder { get; }

    public FakeTimeProvider? Clock { get; }

    public WorkflowCatalog Catalog { get; }

    public DurableRuntime Runtime { get; private set; } = null!;

    /// <summary>The activities' services (stores, inbox, ledger...) for checking side effects.</summary>
    public IServiceProvider Services { get; private set; } = null!;

    public AuditTrail Trail { get; private set; } = null!;

    /// <summary>The approvals inbox the real RequestApproval/CloseApproval activities write to.</summary>
    public ApprovalInbox Inbox { get; private set; } = null!;

    public DurableTaskClient Client => Runtime.Client;

    public static WorkflowInterpreterOptions FastOptions { get; } = new()
    {
        CompensationRetry = new RetryPolicy(2, TimeSpan.FromMilliseconds(10)),
    };

    public static async Task<WorkflowTestHost> StartAsync(
        Action<TaskRegistry>? activities = null,
        WorkflowInterpreterOptions? options = null,
        FakeTimeProvider? clock = null,
        Func<HttpRequestMessage, HttpResponseMessage>? http = null,
        IReadOnlyDictionary<string, string>? secrets = null)
    {
        var folder = new TempFolder("workflows");
        Directory.CreateDirectory(folder.Path);
        var host = new WorkflowTestHost(folder, activities, options ?? FastOptions, clock, http) { _secrets = secrets };
        await host.StartRuntimeAsync();
        return host;
    }

    /// <summary>Stops the runtime as a crash would (nothing in flight commits) and starts a new one on the same files.</summary>
    public async Task CrashAndRestartAsync()
    {
        await Runtime.AbandonAsync();
        await StartRuntimeAsync();
    }

    public PublishedWorkflow Publish(string json) => Catalog.Publish(json);

    /// <summary>A definition from the repository's samples/ folder (found by walking up to Serverless.sln).</summary>
    public static string Sample(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            dir = dir.Parent;
        return File.ReadAllText(Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Serverless.sln not found."), "samples", file));
    }

    public async Task<string> StartAsync(PublishedWorkflow workflow, object? input = null, string? instanceId = null)
    {
        JsonElement? element = input is null ? null : JsonSerializer.SerializeToElement(input);
        var runInput = WorkflowRunInputFactory.Create(workflow, Catalog.Get, element, startedBy: "tester", correlationId: "corr-1");
        return await Client.ScheduleNewOrchestrationInstanceAsync(WorkflowRunInput.OrchestratorName, runInput, new StartOrchestrationOptions(instanceId));
    }

    public async Task<OrchestrationMetadata> RunAsync(string json, object? input = null, string? instanceId = null) =>
        await CompleteAsync(await StartAsync(Publish(json), input, instanceId));

    public async Task<OrchestrationMetadata> CompleteAsync(string instanceId)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, limit.Token);
    }

    public async Task<IReadOnlyList<HistoryEvent>> WaitForHistoryAsync(string instanceId, Func<IReadOnlyList<HistoryEvent>, bool> condition)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        return await Runtime.WaitForHistoryAsync(instanceId, condition, limit.Token);
    }

    /// <summary>Waits until the instance has created <paramref name="count"/> durable timers, then moves the fake clock.</summary>
    public async Task AdvanceAfterTimersAsync(string instanceId, int count, TimeSpan by)
    {
        await WaitForHistoryAsync(instanceId, h => h.OfType<TimerCreated>().Count() >= count);
        Clock!.Advance(by);
    }

    /// <summary>
    /// What the host's decide route does once the request is in the inbox: record the decision (a refusal, such as
    /// an approver not listed, records nothing) and raise <c>approval:&lt;step&gt;</c> naming the approver.
    /// </summary>
    /// <param name="level">The escalation level whose request must be in the inbox first (0 = the first request).</param>
    public async Task DecideAsync(string instanceId, string stepId, string approver, bool approved, string? comment = null, int level = 0)
    {
        await WaitForCompletedAsync(instanceId, RequestApproval.Name, level + 1);
        var decision = new ApprovalDecision(approver, approved, comment, Clock?.GetUtcNow());
        try
        {
            await Inbox.RecordDecisionAsync(instanceId, stepId, decision);
        }
        catch (ApprovalInboxException)
        {
            // The event still goes out: the orchestration must ignore a decision the inbox did not record.
        }

        await Client.RaiseEventAsync(instanceId, ApprovalEvents.EventName(stepId), decision);
    }

    /// <summary>Waits until the instance has completed <paramref name="count"/> calls of <paramref name="activity"/>.</summary>
    public Task<IReadOnlyList<HistoryEvent>> WaitForCompletedAsync(string instanceId, string activity, int count = 1) =>
        WaitForHistoryAsync(instanceId, h =>
        {
            var scheduled = h.OfType<TaskScheduled>().Where(e => e.Name == activity).Select(e => e.EventId).ToHashSet();
            return h.OfType<TaskCompleted>().Count(e => scheduled.Contains(e.TaskScheduledId)) >= count;
        });

    public async Task<IReadOnlyList<AuditRecord>> TrailAsync(string instanceId)
    {
        var records = new List<AuditRecord>();
        await foreach (var record in Trail.ReadTrailAsync(instanceId))
            records.Add(record);
        return records; // the trail reads in sequence order; no sort here, so a test sees what a reader gets
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        Folder.Dispose();
    }

    private async Task StartRuntimeAsync()
    {
        var time = (TimeProvider?)Clock ?? TimeProvider.System;
        _tables = new SqliteTableStore(Folder.File("tables.db"), time);
        var collection = new ServiceCollection()
            .AddSingleton<ITableStore>(_tables)
            .AddSingleton(time)
            .AddSingleton<ISecretSource>(new ConfigurationSecretSource(new ConfigurationBuilder()
                .AddInMemoryCollection((_secrets ?? new Dictionary<string, string>()).Select(s => KeyValuePair.Create<string, string?>($"Secrets:{s.Key}", s.Value)))
                .Build()))
            .AddServerlessActivities();
        if (_http is { } respond)
        {
            // External HTTP endpoints are the one boundary faked here: a scripted handler answers the http activity.
            collection.AddHttpClient(HttpActivityOptions.ClientName).ConfigurePrimaryHttpMessageHandler(() => new ScriptedHttpHandler(respond));
        }

        var services = collection.BuildServiceProvider();
        Services = services;
        Trail = services.GetRequiredService<AuditTrail>();
        await Trail.EnsureCreatedAsync();
        Inbox = services.GetRequiredService<ApprovalInbox>();
        var registry = new TaskRegistry()
            .AddOrchestrator(WorkflowRunInput.OrchestratorName, _ => new WorkflowOrchestrator(_options));
        foreach (var activity in ActivityCatalog.All)
            registry.AddActivity(activity.Name, activity.Create);
        _activities?.Invoke(registry);
        Runtime = await DurableRuntime.StartAsync(
            new DurableRuntimeOptions
            {
                HubName = "workflows",
                DataDirectory = Folder.Path,
                TimeProvider = time,
                MaxConcurrentActivityFunctions = 16,
                MaxConcurrentOrchestratorFunctions = 4,
                LeaseDuration = TimeSpan.FromSeconds(2),
                PollInterval = TimeSpan.FromMilliseconds(100),
            },
            registry,
            services);
    }

    private sealed class ScriptedHttpHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(respond(request));
    }
}
