using Azure.Data.Tables;
using Serverless.Activities.Storage;

namespace Serverless.Activities.Transfers;

public sealed partial class Ledger
{
    /// <summary>Holds <paramref name="amount"/> on an account under <paramref name="holdId"/>; holding the same id again changes nothing.</summary>
    /// <param name="holdId">The hold's id.</param>
    /// <param name="account">The account.</param>
    /// <param name="amount">How much; positive.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when this call placed the hold.</returns>
    /// <exception cref="KeyNotFoundException">No such account.</exception>
    /// <exception cref="InsufficientFundsException">Not enough available; nothing is held.</exception>
    public async Task<bool> HoldAsync(string holdId, string account, decimal amount, string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        Amounts.RequirePositive(amount, nameof(amount));
        var store = await StoreAsync(cancellationToken);
        return await Contention.RetryAsync($"Hold {holdId}", async () =>
        {
            if (await store.GetAsync(ActivityTables.Ledger, Partition, MoveRow(holdId), cancellationToken) is not null)
            {
                return false;
            }

            var row = await RequireAccountAsync(store, account, cancellationToken);
            var (balance, held) = (Amounts.Read(row, "Balance"), Amounts.Read(row, "Held"));
            if (balance - held < amount)
            {
                throw new InsufficientFundsException($"Account '{account}' has {balance - held} available; {amount} requested.");
            }

            var hold = new TableEntity(Partition, MoveRow(holdId))
            {
                ["Kind"] = "hold", ["Account"] = account, ["Amount"] = Amounts.Write(amount), ["State"] = "Held", ["InstanceId"] = instanceId,
            };
            await store.SubmitTransactionAsync(ActivityTables.Ledger, [new(TableTransactionActionType.Add, hold), AccountUpdate(row, balance, held + amount)], cancellationToken);
            return true;
        });
    }

    /// <summary>Books a hold as a debit (commit); debiting again changes nothing.</summary>
    /// <param name="account">The account the hold is on.</param>
    /// <param name="holdId">The hold.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when this call debited.</returns>
    /// <exception cref="InvalidOperationException">The hold is unknown, on another account, or was released.</exception>
    public Task<bool> DebitAsync(string account, string holdId, CancellationToken cancellationToken = default) =>
        SettleHoldAsync(account, holdId, "Debited", cancellationToken);

    /// <summary>Releases a hold (abort); releasing again, or an unknown hold, changes nothing.</summary>
    /// <param name="account">The account the hold is on.</param>
    /// <param name="holdId">The hold.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when this call released it.</returns>
    /// <exception cref="InvalidOperationException">The hold is on another account or was already debited.</exception>
    public Task<bool> ReleaseHoldAsync(string account, string holdId, CancellationToken cancellationToken = default) =>
        SettleHoldAsync(account, holdId, "Released", cancellationToken);

    private async Task<bool> SettleHoldAsync(string account, string holdId, string target, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(holdId);
        var store = await StoreAsync(cancellationToken);
        return await Contention.RetryAsync($"Hold {holdId}", async () =>
        {
            var hold = await store.GetAsync(ActivityTables.Ledger, Partition, MoveRow(holdId), cancellationToken);
            if (hold is null)
            {
                return target == "Released" ? false : throw new InvalidOperationException($"Hold '{holdId}' does not exist; nothing to debit.");
            }

            if (!string.Equals(hold.GetString("Account"), account.Trim(), StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Hold '{holdId}' is on account '{hold.GetString("Account")}', not '{account}'.");
            }

            var state = hold.GetString("State");
            if (state == target)
            {
                return false;
            }

            if (state != "Held")
            {
                throw new InvalidOperationException($"Hold '{holdId}' is {state}; it cannot become {target}.");
            }

            var amount = Amounts.Read(hold, "Amount");
            var row = await RequireAccountAsync(store, account, cancellationToken);
            var (balance, held) = (Amounts.Read(row, "Balance"), Amounts.Read(row, "Held"));
            var update = target == "Debited" ? AccountUpdate(row, balance - amount, held - amount) : AccountUpdate(row, balance, held - amount);
            await store.SubmitTransactionAsync(ActivityTables.Ledger, [MoveState(hold, target), update], cancellationToken);
            return true;
        });
    }
}
