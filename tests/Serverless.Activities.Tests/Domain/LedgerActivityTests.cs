using Serverless.Activities.Storage;
using Serverless.Activities.Tests.Infrastructure;
using Serverless.Activities.Transfers;

namespace Serverless.Activities.Tests.Domain;

public sealed class LedgerActivityTests : IDisposable
{
    private readonly ActivityHost _host = new();

    public LedgerActivityTests()
    {
        Ledger.OpenAccountAsync("alice", 100m).GetAwaiter().GetResult();
        Ledger.OpenAccountAsync("bob", 20m).GetAwaiter().GetResult();
    }

    private Ledger Ledger => _host.Get<Ledger>();

    public void Dispose() => _host.Dispose();

    private async Task<decimal> TotalAsync() => (await Ledger.GetAccountAsync("alice"))!.Balance + (await Ledger.GetAccountAsync("bob"))!.Balance;

    private Task<HoldFundsOutput> HoldAsync(decimal amount) =>
        _host.RunAsync<HoldFunds, HoldFundsInput, HoldFundsOutput>(new HoldFundsInput { Account = "alice", Amount = amount });

    private Task<PrepareCreditOutput> PrepareAsync(decimal amount) =>
        _host.RunAsync<PrepareCredit, PrepareCreditInput, PrepareCreditOutput>(new PrepareCreditInput { Account = "bob", Amount = amount });

    [Fact]
    public async Task Transfer_Committed_MovesMoneyAndConservesTotal()
    {
        var hold = await HoldAsync(30m);
        var credit = await PrepareAsync(30m);

        await _host.RunAsync<DebitAccount, DebitAccountInput, ChangeOutput>(new DebitAccountInput { Account = "alice", HoldId = hold.HoldId });
        await _host.RunAsync<CreditAccount, CreditAccountInput, ChangeOutput>(new CreditAccountInput { Account = "bob", CreditId = credit.CreditId });
        var redelivered = await _host.RunAsync<CreditAccount, CreditAccountInput, ChangeOutput>(new CreditAccountInput { Account = "bob", CreditId = credit.CreditId });

        Assert.False(redelivered.Changed);
        Assert.Equal(new LedgerAccount("alice", 70m, 0m), await Ledger.GetAccountAsync("alice"));
        Assert.Equal(new LedgerAccount("bob", 50m, 0m), await Ledger.GetAccountAsync("bob"));
        Assert.Equal(120m, await TotalAsync());
    }

    [Fact]
    public async Task Transfer_Aborted_ReleasesHoldCancelsCreditAndChangesNoBalance()
    {
        var hold = await HoldAsync(30m);
        var credit = await PrepareAsync(30m);
        Assert.Equal(70m, (await Ledger.GetAccountAsync("alice"))!.Available);

        await _host.RunAsync<ReleaseHold, ReleaseHoldInput, ChangeOutput>(new ReleaseHoldInput { Account = "alice", HoldId = hold.HoldId });
        await _host.RunAsync<CancelCredit, CancelCreditInput, ChangeOutput>(new CancelCreditInput { CreditId = credit.CreditId });

        Assert.Equal(new LedgerAccount("alice", 100m, 0m), await Ledger.GetAccountAsync("alice"));
        Assert.Equal(new LedgerAccount("bob", 20m, 0m), await Ledger.GetAccountAsync("bob"));
        Assert.Equal(("Released", "Cancelled"), (await Ledger.GetStateAsync(hold.HoldId), await Ledger.GetStateAsync(credit.CreditId)));
    }

    [Fact]
    public async Task HoldFunds_Redelivered_HoldsOnce()
    {
        var first = await HoldAsync(40m);
        var again = await HoldAsync(40m);

        Assert.Equal(first.HoldId, again.HoldId);
        Assert.Equal(40m, (await Ledger.GetAccountAsync("alice"))!.Held);
    }

    [Fact]
    public async Task HoldFunds_MoreThanAvailable_ThrowsAndHoldsNothing()
    {
        await Assert.ThrowsAsync<InsufficientFundsException>(() => HoldAsync(100.01m));

        Assert.Equal(0m, (await Ledger.GetAccountAsync("alice"))!.Held);
    }

    [Fact]
    public async Task PrepareCredit_UnknownAccount_Throws()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            _host.RunAsync<PrepareCredit, PrepareCreditInput, PrepareCreditOutput>(new PrepareCreditInput { Account = "nobody", Amount = 1m }));
    }

    [Fact]
    public async Task DebitAccount_ReleasedHold_ThrowsAndKeepsBalance()
    {
        var hold = await HoldAsync(30m);
        await Ledger.ReleaseHoldAsync("alice", hold.HoldId);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _host.RunAsync<DebitAccount, DebitAccountInput, ChangeOutput>(new DebitAccountInput { Account = "alice", HoldId = hold.HoldId }));

        Assert.Equal(new LedgerAccount("alice", 100m, 0m), await Ledger.GetAccountAsync("alice"));
    }

    [Fact]
    public async Task CancelCredit_CommittedCredit_Throws()
    {
        var credit = await PrepareAsync(5m);
        await Ledger.CreditAsync("bob", credit.CreditId);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _host.RunAsync<CancelCredit, CancelCreditInput, ChangeOutput>(new CancelCreditInput { CreditId = credit.CreditId }));
    }
}
