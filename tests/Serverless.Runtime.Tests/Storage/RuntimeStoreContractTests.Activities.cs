using Microsoft.DurableTask.Client;
using Serverless.Runtime.History;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Tests.Storage;

public abstract partial class RuntimeStoreContractTests
{
    [Fact]
    public async Task CommitOrchestrationAsync_NewActivities_ReturnsThemLeasedToOwnerWithIds()
    {
        await CreateAndAcquireAsync("a");

        var result = await Store.CommitOrchestrationAsync(
            Commit("a") with { NewActivities = [new(0, "First", "1"), new(1, "Second", null)] }, None);

        Assert.Equal(
            [new ActivityWorkItem(result.Activities[0].Id, "a", "exec-1", 0, "First", "1", Now.AddMinutes(5), 1),
             new ActivityWorkItem(result.Activities[1].Id, "a", "exec-1", 1, "Second", null, Now.AddMinutes(5), 1)],
            result.Activities);
        Assert.True(result.Activities[1].Id > result.Activities[0].Id);
        Assert.Empty(await Store.LeaseActivitiesAsync(OtherOwner, Now.AddMinutes(1), Now.AddMinutes(2), 10, None));
    }

    [Fact]
    public async Task LeaseActivitiesAsync_TracedActivityReleased_KeepsItsTraceParent()
    {
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        await CreateAndAcquireAsync("a");
        await Store.CommitOrchestrationAsync(Commit("a") with { NewActivities = [new(0, "Traced", "1", traceParent)] }, None);

        var leased = await Store.LeaseActivitiesAsync(OtherOwner, Now.AddMinutes(5), Now.AddMinutes(10), 10, None);

        Assert.Equal(traceParent, Assert.Single(leased).TraceParent);
    }

    [Fact]
    public async Task LeaseActivitiesAsync_LeaseExpired_LeasesAgainWithHigherDequeueCount()
    {
        var scheduled = await ScheduleActivitiesAsync(3);

        var leased = await Store.LeaseActivitiesAsync(OtherOwner, Now.AddMinutes(5), Now.AddMinutes(10), 2, None);

        Assert.Equal(scheduled.Take(2).Select(a => a with { LockedUntil = Now.AddMinutes(10), DequeueCount = 2 }), leased);
        Assert.Equal([scheduled[2].Id], (await Store.LeaseActivitiesAsync(OtherOwner, Now.AddMinutes(5), Now.AddMinutes(10), 10, None)).Select(a => a.Id));
        Assert.Empty(await Store.LeaseActivitiesAsync(Owner, Now.AddMinutes(9), Now.AddMinutes(12), 10, None));
        Assert.All(await Store.LeaseActivitiesAsync(Owner, Now.AddMinutes(10), Now.AddMinutes(12), 10, None), a => Assert.Equal(3, a.DequeueCount));
    }

    [Fact]
    public async Task CompleteActivityAsync_Twice_StoresOneResultMessage()
    {
        var activity = (await ScheduleActivitiesAsync(1)).Single();
        var result = new InstanceMessage(0, "a", "exec-1", new TaskCompleted(Now.UtcDateTime, activity.TaskId, "\"ok\""), Now);

        var first = await Store.CompleteActivityAsync(activity.Id, result, None);
        var second = await Store.CompleteActivityAsync(activity.Id, result, None);

        Assert.NotNull(first);
        Assert.Equal(result with { Id = first.Id }, first);
        Assert.Null(second);
        Assert.Single(await Store.GetVisibleMessagesAsync("a", Now, 10, None), m => m.Event is TaskCompleted);
        Assert.Empty(await Store.LeaseActivitiesAsync(OtherOwner, Now.AddHours(1), Now.AddHours(2), 10, None));
    }

    [Fact]
    public async Task CompleteActivityAsync_InstancePurged_ReturnsNull()
    {
        var activity = (await ScheduleActivitiesAsync(1, OrchestrationRuntimeStatus.Failed)).Single();
        Assert.Equal(1, await Store.PurgeInstancesAsync(["a"], None));

        var stored = await Store.CompleteActivityAsync(
            activity.Id, new InstanceMessage(0, "a", "exec-1", new TaskCompleted(Now.UtcDateTime, 0, null), Now), None);

        Assert.Null(stored);
    }

    [Fact]
    public async Task PurgeInstancesAsync_MixedStatuses_DeletesOnlyFinishedWithEverything()
    {
        await ScheduleActivitiesAsync(2, OrchestrationRuntimeStatus.Completed);
        await Store.EnqueueMessageAsync(EventMessage("a", "late", Now.AddMinutes(1)), requireActive: false, None);
        await CreateAsync("running");
        await CreateAsync("failed");
        await FinishAsync("failed", OrchestrationRuntimeStatus.Failed);

        var purged = await Store.PurgeInstancesAsync(["a", "running", "failed", "missing"], None);

        Assert.Equal(2, purged);
        Assert.Null(await Store.GetInstanceAsync("a", None));
        Assert.Null(await Store.GetInstanceAsync("failed", None));
        Assert.NotNull(await Store.GetInstanceAsync("running", None));
        Assert.Empty(await Store.GetHistoryAsync("a", None));
        Assert.Empty(await Store.GetVisibleMessagesAsync("a", Now.AddDays(1), 10, None));
        Assert.Empty(await Store.GetFutureMessagesAsync(Now, DateTimeOffset.MaxValue, 10, None));
        Assert.Empty(await Store.LeaseActivitiesAsync(OtherOwner, Now.AddDays(1), Now.AddDays(2), 10, None));
    }

    [Fact]
    public async Task ReadsAndLeases_NegativeMaxCount_ReturnNothing()
    {
        await ScheduleActivitiesAsync(1);
        await Store.ReleaseInstanceAsync("a", Owner, None);
        await Store.EnqueueMessageAsync(EventMessage("a", "later", Now.AddHours(1)), requireActive: true, None);

        Assert.Empty(await Store.GetVisibleMessagesAsync("a", Now, -1, None));
        Assert.Empty(await Store.FindReadyInstancesAsync(Owner, Now, -1, None));
        Assert.Empty(await Store.GetFutureMessagesAsync(Now, DateTimeOffset.MaxValue, -1, None));
        Assert.Empty(await Store.LeaseActivitiesAsync(OtherOwner, Now.AddHours(1), Now.AddHours(2), -1, None));
    }

    private async Task<IReadOnlyList<ActivityWorkItem>> ScheduleActivitiesAsync(int count, OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.Running)
    {
        await CreateAndAcquireAsync("a");
        var activities = Enumerable.Range(0, count).Select(i => new NewActivity(i, "Activity", $"{i}")).ToList();
        var history = Enumerable.Range(0, count).Select(i => (HistoryEvent)Scheduled(i)).ToList();
        var result = await Store.CommitOrchestrationAsync(Commit("a", status) with { NewActivities = activities, NewHistory = history }, None);
        return result.Activities;
    }
}
