using Azure.Data.Tables;
using Serverless.Activities.Storage;
using Serverless.Storage;

namespace Serverless.Activities.Transfers;

/// <summary>
/// The money-transfer ledger: accounts, holds (pending debits) and pending credits, all in one partition of
/// <see cref="ActivityTables.Ledger"/> so each move and the account it touches change in one transaction.
/// Holds and credits go Held → Debited | Released and Pending → Credited | Cancelled; every step is idempotent.
/// </summary>
public sealed partial class Ledger(ActivityStorage storage)
{
    private const string Partition = "ledger";

    /// <summary>Opens (or resets) an account with a balance and no holds (seeding for tests and demos).</summary>
    /// <param name="account">The account.</param>
    /// <param name="balance">Its balance.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when stored.</returns>
    public async Task OpenAccountAsync(string account, decimal balance, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentOutOfRangeException.ThrowIfNegative(balance);
        var store = await StoreAsync(cancellationToken);
        await store.UpsertAsync(ActivityTables.Ledger, AccountEntity(account, balance, 0m), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Reads an account, or null.</summary>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The account, or null.</returns>
    public async Task<LedgerAccount?> GetAccountAsync(string account, CancellationToken cancellationToken = default)
    {
        var store = await StoreAsync(cancellationToken);
        var row = await store.GetAsync(ActivityTables.Ledger, Partition, AccountRow(account), cancellationToken);
        return row is null ? null : new LedgerAccount(account, Amounts.Read(row, "Balance"), Amounts.Read(row, "Held"));
    }

    /// <summary>The state of a hold or credit (<c>Held</c>, <c>Debited</c>, <c>Released</c>, <c>Pending</c>, <c>Credited</c>, <c>Cancelled</c>), or null.</summary>
    /// <param name="id">A hold id or credit id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The state, or null when unknown.</returns>
    public async Task<string?> GetStateAsync(string id, CancellationToken cancellationToken = default)
    {
        var store = await StoreAsync(cancellationToken);
        return (await store.GetAsync(ActivityTables.Ledger, Partition, MoveRow(id), cancellationToken))?.GetString("State");
    }

    private static TableEntity AccountEntity(string account, decimal balance, decimal held) =>
        new(Partition, AccountRow(account)) { ["Account"] = account, ["Balance"] = Amounts.Write(balance), ["Held"] = Amounts.Write(held) };

    private static TableTransactionAction AccountUpdate(TableEntity row, decimal balance, decimal held) =>
        new(TableTransactionActionType.UpdateMerge, new TableEntity(Partition, row.RowKey) { ["Balance"] = Amounts.Write(balance), ["Held"] = Amounts.Write(held) }, row.ETag);

    private static TableTransactionAction MoveState(TableEntity row, string state) =>
        new(TableTransactionActionType.UpdateMerge, new TableEntity(Partition, row.RowKey) { ["State"] = state }, row.ETag);

    private static string AccountRow(string account) => "acct:" + TableKeys.Escape(account.Trim());

    private static string MoveRow(string id) => "move:" + TableKeys.Escape(id);

    private async Task<TableEntity> RequireAccountAsync(ITableStore store, string account, CancellationToken cancellationToken) =>
        await store.GetAsync(ActivityTables.Ledger, Partition, AccountRow(account), cancellationToken)
            ?? throw new KeyNotFoundException($"Account '{account}' does not exist.");

    private Task<ITableStore> StoreAsync(CancellationToken cancellationToken) => storage.TableAsync(ActivityTables.Ledger, cancellationToken);
}
