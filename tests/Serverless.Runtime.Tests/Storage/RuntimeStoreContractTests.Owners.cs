namespace Serverless.Runtime.Tests.Storage;

public abstract partial class RuntimeStoreContractTests
{
    [Fact]
    public async Task ReclaimDeadOwnersAsync_OwnerGone_FreesItsInstanceAndActivityLeasesAtOnce()
    {
        var registration = await Store.RegisterOwnerAsync(Owner, None);
        var scheduled = await ScheduleActivitiesAsync(2);
        await registration.DisposeAsync();

        var reclaimed = await Store.ReclaimDeadOwnersAsync(None);

        Assert.Equal([Owner], reclaimed);
        Assert.True(await Store.TryAcquireInstanceAsync("a", OtherOwner, Now, Now.AddMinutes(1), None));
        Assert.Equal(scheduled.Select(a => a.Id), (await Store.LeaseActivitiesAsync(OtherOwner, Now, Now.AddMinutes(1), 10, None)).Select(a => a.Id));
        Assert.Empty(await Store.ReclaimDeadOwnersAsync(None));
    }

    [Fact]
    public async Task ReclaimDeadOwnersAsync_OwnerAlive_KeepsItsLeases()
    {
        await using var registration = await Store.RegisterOwnerAsync(Owner, None);
        await using var other = await Store.RegisterOwnerAsync(OtherOwner, None);
        await ScheduleActivitiesAsync(2);

        Assert.Empty(await Store.ReclaimDeadOwnersAsync(None));
        Assert.False(await Store.TryAcquireInstanceAsync("a", OtherOwner, Now, Now.AddMinutes(1), None));
        Assert.Empty(await Store.LeaseActivitiesAsync(OtherOwner, Now, Now.AddMinutes(1), 10, None));
    }

    [Fact]
    public async Task ReclaimDeadOwnersAsync_OwnerNeverRegistered_WaitsForTheLeaseToExpire()
    {
        var registration = await Store.RegisterOwnerAsync(OtherOwner, None);
        await ScheduleActivitiesAsync(1);
        await registration.DisposeAsync();

        Assert.Equal([OtherOwner], await Store.ReclaimDeadOwnersAsync(None));
        Assert.False(await Store.TryAcquireInstanceAsync("a", OtherOwner, Now, Now.AddMinutes(1), None));
        Assert.True(await Store.TryAcquireInstanceAsync("a", OtherOwner, Now.AddMinutes(5), Now.AddMinutes(6), None));
    }
}
