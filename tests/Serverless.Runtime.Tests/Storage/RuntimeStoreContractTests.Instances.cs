using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Durable;
using Serverless.Runtime.History;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Tests.Storage;

public abstract partial class RuntimeStoreContractTests
{
    [Fact]
    public async Task CreateInstanceAsync_NewId_StoresRecordAndStartMessage()
    {
        await CreateAsync("a");

        Assert.Equal(Record("a"), await Store.GetInstanceAsync("a", None));
        var message = Assert.Single(await Store.GetVisibleMessagesAsync("a", Now, 10, None));
        Assert.True(message.Id > 0);
        Assert.Equal(StartMessage("a") with { Id = message.Id }, message);
    }

    [Fact]
    public async Task CreateInstanceAsync_ActiveExists_ThrowsAlreadyExists()
    {
        await CreateAsync("a");

        var error = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => CreateAsync("a"));

        Assert.Equal(OrchestrationRuntimeStatus.Pending, error.Status);
        Assert.Single(await Store.GetVisibleMessagesAsync("a", Now, 10, None));
    }

    [Fact]
    public async Task CreateInstanceAsync_FinishedExists_ReplacesHistoryInboxAndActivities()
    {
        var start = await CreateAndAcquireAsync("a");
        await Store.CommitOrchestrationAsync(
            Commit("a", OrchestrationRuntimeStatus.Completed) with
            {
                ConsumedMessageIds = [start],
                NewHistory = [Scheduled(0)],
                NewActivities = [new NewActivity(0, "Activity", null)],
                NewMessages = [EventMessage("a")],
            },
            None);

        await Store.CreateInstanceAsync(Record("a") with { ExecutionId = "exec-2" }, StartMessage("a"), null, default, null, None);

        Assert.Equal("exec-2", (await Store.GetInstanceAsync("a", None))!.ExecutionId);
        Assert.Empty(await Store.GetHistoryAsync("a", None));
        Assert.IsType<ExecutionStarted>(Assert.Single(await Store.GetVisibleMessagesAsync("a", Now, 10, None)).Event);
        Assert.Empty(await Store.LeaseActivitiesAsync(OtherOwner, Now.AddHours(1), Now.AddHours(2), 10, None));
        Assert.True(await Store.TryAcquireInstanceAsync("a", OtherOwner, Now, Now.AddMinutes(1), None));
    }

    [Fact]
    public async Task GetInstanceAsync_UnknownId_ReturnsNull()
    {
        Assert.Null(await Store.GetInstanceAsync("missing", None));
        Assert.Empty(await Store.GetHistoryAsync("missing", None));
    }

    [Fact]
    public async Task GetInstanceAsync_EveryField_RoundTrips()
    {
        await CreateAndAcquireAsync("a");
        var failure = new TaskFailureDetails("System.InvalidOperationException", "boom", "at X", new TaskFailureDetails("Inner", "inner", null, null, null), null);
        var record = Record("a", OrchestrationRuntimeStatus.Failed, parent: new ParentLink("p", "Parent", "exec-p", 7)) with
        {
            Version = "2",
            LastUpdatedAt = Now.AddSeconds(3),
            CompletedAt = Now.AddSeconds(3),
            Output = "\"out\"",
            CustomStatus = "{\"step\":2}",
            FailureDetails = failure,
        };

        await Store.CommitOrchestrationAsync(Commit("a") with { Instance = record }, None);

        Assert.Equal(record, await Store.GetInstanceAsync("a", None));
    }

    [Fact]
    public async Task EnqueueMessageAsync_UnknownInstance_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<OrchestrationNotFoundException>(
            () => Store.EnqueueMessageAsync(EventMessage("missing"), requireActive: false, None));

        Assert.Equal("missing", error.InstanceId);
    }

    [Fact]
    public async Task EnqueueMessageAsync_FinishedInstanceAndRequireActive_ThrowsStateError()
    {
        await CreateAsync("a");
        await FinishAsync("a");

        var error = await Assert.ThrowsAsync<OrchestrationStateException>(
            () => Store.EnqueueMessageAsync(EventMessage("a"), requireActive: true, None));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, error.Status);
    }

    [Fact]
    public async Task EnqueueMessageAsync_FinishedInstanceWithoutRequireActive_StoresMessage()
    {
        await CreateAsync("a");
        await FinishAsync("a");

        var stored = await Store.EnqueueMessageAsync(EventMessage("a"), requireActive: false, None);

        Assert.Contains(stored, await Store.GetVisibleMessagesAsync("a", Now, 10, None));
    }

    [Fact]
    public async Task EnqueueMessageAsync_ActiveInstance_ReturnsMessageWithIncreasingId()
    {
        await CreateAsync("a");

        var first = await Store.EnqueueMessageAsync(EventMessage("a", "one"), requireActive: true, None);
        var second = await Store.EnqueueMessageAsync(EventMessage("a", "two"), requireActive: true, None);

        Assert.True(second.Id > first.Id);
        Assert.Equal(EventMessage("a", "one") with { Id = first.Id }, first);
    }

    [Fact]
    public async Task GetVisibleMessagesAsync_FutureMessage_HiddenUntilDueAndListedAsFuture()
    {
        await CreateAsync("a");
        var timer = await Store.EnqueueMessageAsync(EventMessage("a", "timer", Now.AddMinutes(10)), requireActive: true, None);

        Assert.Single(await Store.GetVisibleMessagesAsync("a", Now, 10, None));
        Assert.Equal<(string, DateTimeOffset)>([("a", Now.AddMinutes(10))], await Store.GetFutureMessagesAsync(Now, DateTimeOffset.MaxValue, 10, None));
        Assert.Contains(timer, await Store.GetVisibleMessagesAsync("a", Now.AddMinutes(10), 10, None));
        Assert.Empty(await Store.GetFutureMessagesAsync(Now.AddMinutes(10), DateTimeOffset.MaxValue, 10, None));
    }

    [Fact]
    public async Task GetFutureMessagesAsync_SeveralInstances_EarliestFirstUpToMax()
    {
        await CreateAsync("a");
        await CreateAsync("b");
        await Store.EnqueueMessageAsync(EventMessage("a", "late", Now.AddMinutes(30)), requireActive: true, None);
        await Store.EnqueueMessageAsync(EventMessage("b", "soon", Now.AddMinutes(5)), requireActive: true, None);
        await Store.EnqueueMessageAsync(EventMessage("a", "mid", Now.AddMinutes(10)), requireActive: true, None);

        var future = await Store.GetFutureMessagesAsync(Now, DateTimeOffset.MaxValue, 2, None);

        Assert.Equal<(string, DateTimeOffset)>([("b", Now.AddMinutes(5)), ("a", Now.AddMinutes(10))], future);
    }

    [Fact]
    public async Task GetFutureMessagesAsync_Range_OnlyDueTimesAfterStartUpToEnd()
    {
        await CreateAsync("a");
        await CreateAsync("b");
        await Store.EnqueueMessageAsync(EventMessage("a", "soon", Now.AddMinutes(5)), requireActive: true, None);
        await Store.EnqueueMessageAsync(EventMessage("b", "edge", Now.AddMinutes(10)), requireActive: true, None);
        await Store.EnqueueMessageAsync(EventMessage("a", "next week", Now.AddDays(7)), requireActive: true, None);

        var near = await Store.GetFutureMessagesAsync(Now.AddMinutes(5), Now.AddMinutes(10), 10, None);

        Assert.Equal<(string, DateTimeOffset)>([("b", Now.AddMinutes(10))], near);
        Assert.Empty(await Store.GetFutureMessagesAsync(Now.AddMinutes(10), Now.AddDays(1), 10, None));
    }

    [Fact]
    public async Task GetVisibleMessagesAsync_MaxCount_ReturnsOldestFirst()
    {
        await CreateAsync("a");
        var first = await Store.EnqueueMessageAsync(EventMessage("a", "one"), requireActive: true, None);
        await Store.EnqueueMessageAsync(EventMessage("a", "two"), requireActive: true, None);

        var visible = await Store.GetVisibleMessagesAsync("a", Now, 2, None);

        Assert.Equal(2, visible.Count);
        Assert.IsType<ExecutionStarted>(visible[0].Event);
        Assert.Equal(first, visible[1]);
    }
}
