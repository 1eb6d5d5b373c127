using Microsoft.DurableTask.Client;

namespace Serverless.Runtime.Tests.Storage;

public abstract partial class RuntimeStoreContractTests
{
    [Fact]
    public async Task TryAcquireInstanceAsync_HeldByAnother_ReturnsFalseUntilExpired()
    {
        await CreateAndAcquireAsync("a");

        Assert.False(await Store.TryAcquireInstanceAsync("a", OtherOwner, Now.AddMinutes(1), Now.AddMinutes(6), None));
        Assert.True(await Store.TryAcquireInstanceAsync("a", OtherOwner, Now.AddMinutes(5), Now.AddMinutes(10), None));
        Assert.False(await Store.TryAcquireInstanceAsync("a", Owner, Now.AddMinutes(6), Now.AddMinutes(11), None));
    }

    [Fact]
    public async Task TryAcquireInstanceAsync_AlreadyOurs_ReturnsTrue()
    {
        await CreateAndAcquireAsync("a");

        Assert.True(await Store.TryAcquireInstanceAsync("a", Owner, Now.AddMinutes(1), Now.AddMinutes(6), None));
    }

    [Fact]
    public async Task TryAcquireInstanceAsync_UnknownInstance_ReturnsFalse()
    {
        Assert.False(await Store.TryAcquireInstanceAsync("missing", Owner, Now, Now.AddMinutes(1), None));
    }

    [Fact]
    public async Task ReleaseInstanceAsync_ByHolder_FreesTheLease()
    {
        await CreateAndAcquireAsync("a");

        await Store.ReleaseInstanceAsync("a", Owner, None);

        Assert.True(await Store.TryAcquireInstanceAsync("a", OtherOwner, Now.AddSeconds(1), Now.AddMinutes(1), None));
    }

    [Fact]
    public async Task ReleaseInstanceAsync_ByNonHolder_KeepsTheLease()
    {
        await CreateAndAcquireAsync("a");

        await Store.ReleaseInstanceAsync("a", OtherOwner, None);

        Assert.False(await Store.TryAcquireInstanceAsync("a", OtherOwner, Now.AddSeconds(1), Now.AddMinutes(1), None));
    }

    [Fact]
    public async Task CommitOrchestrationAsync_LeaseUntil_ExtendsTheInstanceLease()
    {
        await CreateAndAcquireAsync("a");

        await Store.CommitOrchestrationAsync(Commit("a") with { LeaseUntil = Now.AddMinutes(30) }, None);

        Assert.False(await Store.TryAcquireInstanceAsync("a", OtherOwner, Now.AddMinutes(20), Now.AddMinutes(40), None));
    }

    [Fact]
    public async Task RenewLeasesAsync_Owner_ExtendsItsInstanceAndActivityLeasesOnly()
    {
        await CreateAndAcquireAsync("a");
        await Store.CommitOrchestrationAsync(Commit("a") with { NewActivities = [new(0, "Activity", null)] }, None);
        await CreateAsync("b");
        Assert.True(await Store.TryAcquireInstanceAsync("b", OtherOwner, Now, Now.AddMinutes(5), None));

        await Store.RenewLeasesAsync(Owner, Now.AddHours(1), DateTimeOffset.MaxValue, None);

        var later = Now.AddMinutes(30);
        Assert.False(await Store.TryAcquireInstanceAsync("a", OtherOwner, later, later.AddMinutes(1), None));
        Assert.Empty(await Store.LeaseActivitiesAsync(OtherOwner, later, later.AddMinutes(1), 10, None));
        Assert.True(await Store.TryAcquireInstanceAsync("b", Owner, later, later.AddMinutes(1), None));
    }

    [Fact]
    public async Task RenewLeasesAsync_LeaseEndingAfterThreshold_LeftAsItIs()
    {
        await CreateAndAcquireAsync("a");
        await Store.CommitOrchestrationAsync(Commit("a") with { NewActivities = [new(0, "Activity", null)] }, None);
        await CreateAsync("b");
        Assert.True(await Store.TryAcquireInstanceAsync("b", Owner, Now, Now.AddMinutes(20), None));

        // "a" and its activity are leased for 5 minutes, "b" for 20: only the leases ending within 10 minutes move.
        await Store.RenewLeasesAsync(Owner, Now.AddHours(1), Now.AddMinutes(10), None);

        var later = Now.AddMinutes(30);
        Assert.False(await Store.TryAcquireInstanceAsync("b", OtherOwner, Now.AddMinutes(19), Now.AddMinutes(25), None));
        Assert.False(await Store.TryAcquireInstanceAsync("a", OtherOwner, later, later.AddMinutes(1), None));
        Assert.Empty(await Store.LeaseActivitiesAsync(OtherOwner, later, later.AddMinutes(1), 10, None));
        Assert.True(await Store.TryAcquireInstanceAsync("b", OtherOwner, later, later.AddMinutes(1), None));
    }

    [Fact]
    public async Task FindReadyInstancesAsync_Messages_ReturnsInstancesWithVisibleMessagesAndFreeLease()
    {
        await CreateAsync("free");
        await CreateAsync("ours");
        Assert.True(await Store.TryAcquireInstanceAsync("ours", Owner, Now, Now.AddMinutes(5), None));
        await CreateAsync("theirs");
        Assert.True(await Store.TryAcquireInstanceAsync("theirs", OtherOwner, Now, Now.AddMinutes(5), None));
        await Store.CreateInstanceAsync(Record("delayed"), StartMessage("delayed", Now.AddMinutes(1)), null, default, null, None);

        var ready = await Store.FindReadyInstancesAsync(Owner, Now, 10, None);

        Assert.Equal(["free", "ours"], ready.Order(StringComparer.Ordinal));
        Assert.Single(await Store.FindReadyInstancesAsync(Owner, Now, 1, None));
        Assert.Contains("theirs", await Store.FindReadyInstancesAsync(Owner, Now.AddMinutes(5), 10, None));
        Assert.Contains("delayed", await Store.FindReadyInstancesAsync(Owner, Now.AddMinutes(1), 10, None));
    }

    [Fact]
    public async Task FindReadyInstancesAsync_InboxEmpty_ReturnsNothing()
    {
        var start = await CreateAndAcquireAsync("a");
        await Store.CommitOrchestrationAsync(Commit("a") with { ConsumedMessageIds = [start] }, None);

        Assert.Empty(await Store.FindReadyInstancesAsync(Owner, Now, 10, None));
    }

    [Fact]
    public async Task CreateInstanceAsync_WithOwner_IsLeasedToItUntilExpiry()
    {
        await Store.CreateInstanceAsync(Record("mine"), StartMessage("mine"), Owner, Now.AddMinutes(5), null, None);

        var stolen = await Store.TryAcquireInstanceAsync("mine", OtherOwner, Now, Now.AddMinutes(5), None);
        var afterExpiry = await Store.TryAcquireInstanceAsync("mine", OtherOwner, Now.AddMinutes(6), Now.AddMinutes(10), None);

        Assert.False(stolen);
        Assert.True(afterExpiry);
    }

    [Fact]
    public async Task CreateInstanceAsync_ReplacingFinished_ClearsItsLease()
    {
        await CreateAndAcquireAsync("a");
        await Store.CommitOrchestrationAsync(Commit("a", OrchestrationRuntimeStatus.Terminated), None);

        await CreateAsync("a");

        Assert.True(await Store.TryAcquireInstanceAsync("a", OtherOwner, Now, Now.AddMinutes(1), None));
    }
}
