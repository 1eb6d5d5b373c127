using Azure.Data.Tables;
using Serverless.Activities.Storage;

namespace Serverless.Activities.Transfers;

public sealed partial class Ledger
{
    /// <summary>Opens a pending credit (prepare); preparing the same id again changes nothing. The balance is unchanged until commit.</summary>
    /// <param name="creditId">The credit's id.</param>
    /// <param name="account">The account to credit; it must exist.</param>
    /// <param name="amount">How much; positive.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when this call opened it.</returns>
    /// <exception cref="KeyNotFoundException">No such account.</exception>
    public async Task<bool> PrepareCreditAsync(string creditId, string account, decimal amount, string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        Amounts.RequirePositive(amount, nameof(amount));
        var store = await StoreAsync(cancellationToken);
        return await Contention.RetryAsync($"Credit {creditId}", async () =>
        {
            if (await store.GetAsync(ActivityTables.Ledger, Partition, MoveRow(creditId), cancellationToken) is not null)
            {
                return false;
            }

            await RequireAccountAsync(store, account, cancellationToken);
            await store.AddAsync(ActivityTables.Ledger, new TableEntity(Partition, MoveRow(creditId))
            {
                ["Kind"] = "credit", ["Account"] = account.Trim(), ["Amount"] = Amounts.Write(amount), ["State"] = "Pending", ["InstanceId"] = instanceId,
            }, cancellationToken);
            return true;
        });
    }

    /// <summary>Books a pending credit to the balance (commit); crediting again changes nothing.</summary>
    /// <param name="account">The account the credit is for.</param>
    /// <param name="creditId">The credit.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when this call credited.</returns>
    /// <exception cref="InvalidOperationException">The credit is unknown, for another account, or cancelled.</exception>
    public async Task<bool> CreditAsync(string account, string creditId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(creditId);
        var store = await StoreAsync(cancellationToken);
        return await Contention.RetryAsync($"Credit {creditId}", async () =>
        {
            var credit = await store.GetAsync(ActivityTables.Ledger, Partition, MoveRow(creditId), cancellationToken)
                ?? throw new InvalidOperationException($"Credit '{creditId}' does not exist; nothing to commit.");
            if (!string.Equals(credit.GetString("Account"), account.Trim(), StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Credit '{creditId}' is for account '{credit.GetString("Account")}', not '{account}'.");
            }

            switch (credit.GetString("State"))
            {
                case "Credited":
                    return false;
                case "Cancelled":
                    throw new InvalidOperationException($"Credit '{creditId}' was cancelled; it cannot be committed.");
            }

            var row = await RequireAccountAsync(store, account, cancellationToken);
            var update = AccountUpdate(row, Amounts.Read(row, "Balance") + Amounts.Read(credit, "Amount"), Amounts.Read(row, "Held"));
            await store.SubmitTransactionAsync(ActivityTables.Ledger, [MoveState(credit, "Credited"), update], cancellationToken);
            return true;
        });
    }

    /// <summary>Cancels a pending credit (abort); cancelling again, or an unknown credit, changes nothing.</summary>
    /// <param name="creditId">The credit.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when this call cancelled it.</returns>
    /// <exception cref="InvalidOperationException">The credit was already committed.</exception>
    public async Task<bool> CancelCreditAsync(string creditId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(creditId);
        var store = await StoreAsync(cancellationToken);
        return await Contention.RetryAsync($"Credit {creditId}", async () =>
        {
            var credit = await store.GetAsync(ActivityTables.Ledger, Partition, MoveRow(creditId), cancellationToken);
            switch (credit?.GetString("State"))
            {
                case null or "Cancelled":
                    return false;
                case "Credited":
                    throw new InvalidOperationException($"Credit '{creditId}' was already committed; it cannot be cancelled.");
            }

            await store.SubmitTransactionAsync(ActivityTables.Ledger, [MoveState(credit!, "Cancelled")], cancellationToken);
            return true;
        });
    }
}
