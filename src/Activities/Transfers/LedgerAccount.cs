namespace Serverless.Activities.Transfers;

/// <summary>An account of the ledger.</summary>
/// <param name="Account">Its name.</param>
/// <param name="Balance">The booked balance.</param>
/// <param name="Held">The part of the balance held for pending debits.</param>
public sealed record LedgerAccount(string Account, decimal Balance, decimal Held)
{
    /// <summary>What can still be held: balance minus holds.</summary>
    public decimal Available => Balance - Held;
}
