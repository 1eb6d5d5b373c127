using Microsoft.DurableTask.Client;
using Serverless.Durable;
using Serverless.Runtime.History;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Tests.Storage;

/// <summary>
/// The contract every <see cref="IRuntimeStore"/> passes. Concrete classes supply the store; the tests in the
/// other partial files cover one concern each.
/// </summary>
public abstract partial class RuntimeStoreContractTests : IAsyncLifetime
{
    protected const string Owner = "worker-a";
    protected const string OtherOwner = "worker-b";
    protected static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    protected static readonly CancellationToken None = CancellationToken.None;

    protected IRuntimeStore Store { get; private set; } = null!;

    /// <summary>Creates a fresh, empty, not yet initialized store.</summary>
    protected abstract IRuntimeStore CreateStore();

    public async Task InitializeAsync()
    {
        Store = CreateStore();
        await Store.InitializeAsync(None);
    }

    public virtual async Task DisposeAsync() => await Store.DisposeAsync();

    protected static InstanceRecord Record(
        string id, OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.Pending, DateTimeOffset? createdAt = null, ParentLink? parent = null) => new()
        {
            InstanceId = id,
            Name = "Orchestrator",
            ExecutionId = "exec-1",
            Status = status,
            CreatedAt = createdAt ?? Now,
            LastUpdatedAt = createdAt ?? Now,
            Input = "\"input\"",
            Parent = parent,
            CompletedAt = status.IsTerminal() ? Now : null,
        };

    protected static InstanceMessage StartMessage(string id, DateTimeOffset? visibleAt = null) =>
        new(0, id, "exec-1", new ExecutionStarted(Now.UtcDateTime, "Orchestrator", null, "\"input\"", "exec-1"), visibleAt ?? Now);

    protected static InstanceMessage EventMessage(string id, string name = "Approved", DateTimeOffset? visibleAt = null) =>
        new(0, id, null, new EventRaised(Now.UtcDateTime, name, "true"), visibleAt ?? Now);

    protected Task CreateAsync(string id, OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.Pending, DateTimeOffset? createdAt = null, ParentLink? parent = null) =>
        Store.CreateInstanceAsync(Record(id, status, createdAt, parent), StartMessage(id), null, default, null, None);

    /// <summary>Creates an instance and takes its lease for <see cref="Owner"/>; returns its start message id.</summary>
    protected async Task<long> CreateAndAcquireAsync(string id)
    {
        await CreateAsync(id);
        Assert.True(await Store.TryAcquireInstanceAsync(id, Owner, Now, Now.AddMinutes(5), None));
        return (await Store.GetVisibleMessagesAsync(id, Now, 10, None)).Single().Id;
    }

    protected static OrchestrationCommit Commit(string id, OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.Running, string owner = Owner) => new()
    {
        Owner = owner,
        Instance = Record(id, status) with { LastUpdatedAt = Now.AddSeconds(1) },
        LeaseUntil = Now.AddMinutes(5),
    };

    /// <summary>Moves an instance to <paramref name="status"/> through a commit (it must hold no lease of another owner).</summary>
    protected async Task FinishAsync(string id, OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.Completed)
    {
        Assert.True(await Store.TryAcquireInstanceAsync(id, Owner, Now, Now.AddMinutes(5), None));
        await Store.CommitOrchestrationAsync(Commit(id, status), None);
        await Store.ReleaseInstanceAsync(id, Owner, None);
    }

    protected static TaskScheduled Scheduled(int taskId) => new(taskId, Now.UtcDateTime, "Activity", $"\"{taskId}\"");
}
