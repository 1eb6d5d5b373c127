using System.Text.Json.Nodes;
using Serverless.Activities.Transfers;
using Serverless.Orchestrations.CodeFirst;
using Serverless.Orchestrations.Tests.Infrastructure;
using Serverless.Tests.Infrastructure;

namespace Serverless.Orchestrations.Tests.CodeFirst;

/// <summary>A money transfer as a two-phase commit on the real runtime and ledger: money is conserved whatever happens.</summary>
public sealed class TwoPhaseCommitEndToEndTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new("2pc");
    private CodeFirstRuntime _runtime = null!;

    private Ledger Ledger => _runtime.Get<Ledger>();

    public async Task InitializeAsync()
    {
        _runtime = await CodeFirstRuntime.StartAsync(_folder);
        await Ledger.OpenAccountAsync("alice", 100m);
        await Ledger.OpenAccountAsync("bob", 20m);
    }

    public async Task DisposeAsync()
    {
        await _runtime.DisposeAsync();
        _folder.Dispose();
    }

    private static TwoPhaseCommitInput Transfer(string from, string to, decimal amount, JsonObject? creditFault = null, JsonObject? commitFault = null)
    {
        var prepareCredit = With(JsonNode.Parse("""{"account":"{{input.to}}","amount":"{{input.amount}}"}""")!.AsObject(), creditFault);
        var creditAccount = With(JsonNode.Parse("""{"account":"{{input.to}}","creditId":"{{item.creditId}}"}""")!.AsObject(), commitFault);

        return new TwoPhaseCommitInput
        {
            Input = new JsonObject { ["from"] = from, ["to"] = to, ["amount"] = amount },
            PhaseTwoRetry = new RetrySpec(3, TimeSpan.FromMilliseconds(20)),
            Participants =
            [
                new TransactionParticipant(
                    "source",
                    new ActivityCall("holdFunds", JsonNode.Parse("""{"account":"{{input.from}}","amount":"{{input.amount}}"}""")),
                    new ActivityCall("debitAccount", JsonNode.Parse("""{"account":"{{input.from}}","holdId":"{{item.holdId}}"}""")),
                    new ActivityCall("releaseHold", JsonNode.Parse("""{"account":"{{input.from}}","holdId":"{{item.holdId}}"}"""))),
                new TransactionParticipant(
                    "target",
                    new ActivityCall("prepareCredit", prepareCredit),
                    new ActivityCall("creditAccount", creditAccount),
                    new ActivityCall("cancelCredit", JsonNode.Parse("""{"creditId":"{{item.creditId}}"}"""))),
            ],
        };
    }

    private static JsonObject With(JsonObject call, JsonObject? fault)
    {
        foreach (var (key, value) in fault ?? [])
        {
            call[key] = value?.DeepClone();
        }

        return call;
    }

    private async Task<decimal> TotalAsync() => (await Ledger.GetAccountAsync("alice"))!.Balance + (await Ledger.GetAccountAsync("bob"))!.Balance;

    [Fact]
    public async Task TwoPhaseCommit_AllPrepared_CommitsAndConservesMoney()
    {
        var result = await _runtime.RunAsync(TwoPhaseCommit.Name, Transfer("alice", "bob", 30m), "transfer-ok");

        var output = result.ReadOutputAs<TwoPhaseCommitOutput>()!;
        Assert.Equal("committed", output.Outcome);
        Assert.Equal(["committed", "committed"], output.Participants.Select(p => p.PhaseTwo));
        Assert.Equal(new LedgerAccount("alice", 70m, 0m), await Ledger.GetAccountAsync("alice"));
        Assert.Equal(new LedgerAccount("bob", 50m, 0m), await Ledger.GetAccountAsync("bob"));
        Assert.Equal(120m, await TotalAsync());
    }

    [Fact]
    public async Task TwoPhaseCommit_SourceCannotHold_AbortsPreparedCreditAndChangesNoBalance()
    {
        var result = await _runtime.RunAsync(TwoPhaseCommit.Name, Transfer("alice", "bob", 500m), "transfer-insufficient");

        var output = result.ReadOutputAs<TwoPhaseCommitOutput>()!;
        Assert.Equal("aborted", output.Outcome);
        Assert.Equal([("source", false, "notPrepared"), ("target", true, "aborted")], output.Participants.Select(p => (p.Name, p.Prepared, p.PhaseTwo)));
        Assert.EndsWith(nameof(InsufficientFundsException), output.Participants[0].PrepareError!.ErrorType, StringComparison.Ordinal);
        Assert.Equal("Cancelled", await Ledger.GetStateAsync(output.Participants[1].PrepareOutput!["creditId"]!.GetValue<string>()));
        Assert.Equal(new LedgerAccount("alice", 100m, 0m), await Ledger.GetAccountAsync("alice"));
        Assert.Equal(new LedgerAccount("bob", 20m, 0m), await Ledger.GetAccountAsync("bob"));
    }

    [Fact]
    public async Task TwoPhaseCommit_TargetPrepareFails_ReleasesSourceHold()
    {
        var result = await _runtime.RunAsync(TwoPhaseCommit.Name, Transfer("alice", "bob", 30m, new JsonObject { ["failAlways"] = true }), "transfer-target-fails");

        var output = result.ReadOutputAs<TwoPhaseCommitOutput>()!;
        Assert.Equal("aborted", output.Outcome);
        Assert.Equal("Released", await Ledger.GetStateAsync(output.Participants[0].PrepareOutput!["holdId"]!.GetValue<string>()));
        Assert.Equal(new LedgerAccount("alice", 100m, 0m), await Ledger.GetAccountAsync("alice"));
        Assert.Equal(120m, await TotalAsync());
    }

    [Fact]
    public async Task TwoPhaseCommit_CommitFailsTwice_RetriedUntilCommittedAndConservesMoney()
    {
        var result = await _runtime.RunAsync(TwoPhaseCommit.Name, Transfer("alice", "bob", 30m, commitFault: new JsonObject { ["failTimes"] = 2 }), "transfer-commit-retried");

        Assert.Equal("committed", result.ReadOutputAs<TwoPhaseCommitOutput>()!.Outcome);
        Assert.Equal(new LedgerAccount("bob", 50m, 0m), await Ledger.GetAccountAsync("bob"));
        Assert.Equal(120m, await TotalAsync());
    }

    [Fact]
    public async Task TwoPhaseCommit_CommitFailsEveryRetry_ReportsIncompleteWithTheCreditStillPending()
    {
        var result = await _runtime.RunAsync(TwoPhaseCommit.Name, Transfer("alice", "bob", 30m, commitFault: new JsonObject { ["failAlways"] = true }), "transfer-commit-fails");

        var output = result.ReadOutputAs<TwoPhaseCommitOutput>()!;
        Assert.Equal("commitIncomplete", output.Outcome);
        Assert.Equal(["committed", "failed"], output.Participants.Select(p => p.PhaseTwo));
        Assert.Equal("Pending", await Ledger.GetStateAsync(output.Participants[1].PrepareOutput!["creditId"]!.GetValue<string>()));
        Assert.Equal(new LedgerAccount("alice", 70m, 0m), await Ledger.GetAccountAsync("alice"));
    }

    [Fact]
    public async Task TwoPhaseCommit_UnknownTargetAccount_AbortsAndConservesMoney()
    {
        var result = await _runtime.RunAsync(TwoPhaseCommit.Name, Transfer("alice", "nobody", 30m), "transfer-unknown");

        Assert.Equal("aborted", result.ReadOutputAs<TwoPhaseCommitOutput>()!.Outcome);
        Assert.Equal(new LedgerAccount("alice", 100m, 0m), await Ledger.GetAccountAsync("alice"));
    }
}
