using Microsoft.DurableTask.Client;
using Serverless.Runtime.History;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Tests.Storage;

public abstract partial class RuntimeStoreContractTests
{
    [Fact]
    public async Task CommitOrchestrationAsync_TwoEpisodes_AppendsHistoryInOrderAndConsumesMessages()
    {
        var start = await CreateAndAcquireAsync("a");
        await Store.CommitOrchestrationAsync(Commit("a") with { ConsumedMessageIds = [start], NewHistory = [Scheduled(0), Scheduled(1)] }, None);
        var raised = await Store.EnqueueMessageAsync(EventMessage("a"), requireActive: true, None);

        await Store.CommitOrchestrationAsync(Commit("a") with { ConsumedMessageIds = [raised.Id], NewHistory = [raised.Event] }, None);

        Assert.Equal([Scheduled(0), Scheduled(1), raised.Event], await Store.GetHistoryAsync("a", None));
        Assert.Empty(await Store.GetVisibleMessagesAsync("a", Now, 10, None));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await Store.GetInstanceAsync("a", None))!.Status);
    }

    [Fact]
    public async Task CommitOrchestrationAsync_ResetHistory_StartsHistoryAfresh()
    {
        await CreateAndAcquireAsync("a");
        await Store.CommitOrchestrationAsync(Commit("a") with { NewHistory = [Scheduled(0)] }, None);
        var restarted = new ExecutionStarted(Now.UtcDateTime, "Orchestrator", null, "\"next\"", "exec-2");

        await Store.CommitOrchestrationAsync(Commit("a") with { ResetHistory = true, NewHistory = [restarted] }, None);

        Assert.Equal([restarted], await Store.GetHistoryAsync("a", None));
    }

    [Fact]
    public async Task CommitOrchestrationAsync_LeaseHeldByOther_ThrowsAndWritesNothing()
    {
        var start = await CreateAndAcquireAsync("a");
        Assert.True(await Store.TryAcquireInstanceAsync("a", OtherOwner, Now.AddMinutes(10), Now.AddMinutes(15), None));

        await Assert.ThrowsAsync<LeaseLostException>(() => Store.CommitOrchestrationAsync(FullCommit("a", start), None));

        await AssertUnchangedAsync("a", start, Record("a"));
    }

    [Fact]
    public async Task CommitOrchestrationAsync_UnknownInstance_ThrowsLeaseLost()
    {
        var error = await Assert.ThrowsAsync<LeaseLostException>(() => Store.CommitOrchestrationAsync(Commit("missing"), None));

        Assert.Equal("missing", error.InstanceId);
        Assert.Null(await Store.GetInstanceAsync("missing", None));
    }

    [Fact]
    public async Task CommitOrchestrationAsync_ConsumedMessageAlreadyGone_ThrowsAndWritesNothing()
    {
        var start = await CreateAndAcquireAsync("a");
        var raised = await Store.EnqueueMessageAsync(EventMessage("a"), requireActive: true, None);
        await Store.CommitOrchestrationAsync(Commit("a") with { ConsumedMessageIds = [raised.Id] }, None);

        await Assert.ThrowsAsync<LeaseLostException>(
            () => Store.CommitOrchestrationAsync(FullCommit("a", start) with { ConsumedMessageIds = [start, raised.Id] }, None));

        await AssertUnchangedAsync("a", start, Commit("a").Instance);
    }

    [Fact]
    public async Task CommitOrchestrationAsync_MessageOfAnotherInstance_ThrowsLeaseLost()
    {
        await CreateAndAcquireAsync("a");
        await CreateAsync("b");
        var other = (await Store.GetVisibleMessagesAsync("b", Now, 10, None)).Single();

        await Assert.ThrowsAsync<LeaseLostException>(
            () => Store.CommitOrchestrationAsync(Commit("a") with { ConsumedMessageIds = [other.Id] }, None));

        Assert.Equal([other], await Store.GetVisibleMessagesAsync("b", Now, 10, None));
    }

    [Fact]
    public async Task CommitOrchestrationAsync_NewMessages_StoresThemAndDropsThoseToUnknownInstances()
    {
        await CreateAndAcquireAsync("a");
        await CreateAsync("b");
        var timer = EventMessage("a", "timer", Now.AddMinutes(1));

        var result = await Store.CommitOrchestrationAsync(
            Commit("a") with { NewMessages = [timer, EventMessage("missing"), EventMessage("b")] }, None);

        Assert.Equal(2, result.Messages.Count);
        Assert.Equal(timer with { Id = result.Messages[0].Id }, result.Messages[0]);
        Assert.Contains(result.Messages[1], await Store.GetVisibleMessagesAsync("b", Now, 10, None));
        Assert.Null(await Store.GetInstanceAsync("missing", None));
    }

    [Fact]
    public async Task CommitOrchestrationAsync_NewInstances_CreatesChildrenAndRejectsActiveOnes()
    {
        await CreateAndAcquireAsync("parent");
        await CreateAsync("busy");
        await CreateAsync("old");
        await FinishAsync("old");
        var link = new ParentLink("parent", "Orchestrator", "exec-1", 3);
        NewInstance Child(string id) => new(Record(id, parent: link), StartMessage(id));

        var result = await Store.CommitOrchestrationAsync(
            Commit("parent") with { NewInstances = [Child("child"), Child("busy"), Child("old")], NewMessages = [EventMessage("child")] }, None);

        Assert.Equal([Child("busy")], result.RejectedInstances);
        Assert.Single(result.Messages);
        Assert.Equal(link, (await Store.GetInstanceAsync("child", None))!.Parent);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await Store.GetInstanceAsync("old", None))!.Status);
        Assert.Null((await Store.GetInstanceAsync("busy", None))!.Parent);
        Assert.Equal(2, (await Store.GetVisibleMessagesAsync("child", Now, 10, None)).Count);
        Assert.Equal(["child", "old"], (await Store.GetChildInstanceIdsAsync("parent", None)).Order(StringComparer.Ordinal));
        Assert.Empty(await Store.GetChildInstanceIdsAsync("child", None));
    }

    private static OrchestrationCommit FullCommit(string id, long consumed) => Commit(id, OrchestrationRuntimeStatus.Completed) with
    {
        ConsumedMessageIds = [consumed],
        NewHistory = [Scheduled(0)],
        NewActivities = [new NewActivity(0, "Activity", "1")],
        NewMessages = [EventMessage(id, "self")],
        NewInstances = [new NewInstance(Record("child-of-" + id), StartMessage("child-of-" + id))],
    };

    private async Task AssertUnchangedAsync(string id, long startMessageId, InstanceRecord expected)
    {
        Assert.Equal(expected, await Store.GetInstanceAsync(id, None));
        Assert.Empty(await Store.GetHistoryAsync(id, None));
        Assert.Equal([startMessageId], (await Store.GetVisibleMessagesAsync(id, Now, 10, None)).Select(m => m.Id));
        Assert.Empty(await Store.LeaseActivitiesAsync("anyone", Now.AddDays(1), Now.AddDays(2), 10, None));
        Assert.Null(await Store.GetInstanceAsync("child-of-" + id, None));
    }
}
