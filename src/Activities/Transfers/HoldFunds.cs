using Microsoft.DurableTask;
using Serverless.Activities.Reliability;

namespace Serverless.Activities.Transfers;

/// <summary>Input of <see cref="HoldFunds"/>.</summary>
public sealed record HoldFundsInput : DomainActivityInput
{
    /// <summary>The account.</summary>
    public string Account { get; init; } = string.Empty;
    /// <summary>How much; positive.</summary>
    public decimal Amount { get; init; }
}

/// <summary>Output of <see cref="HoldFunds"/>.</summary>
/// <param name="HoldId">The hold, the same on every delivery of the same call.</param>
public sealed record HoldFundsOutput(string HoldId);

/// <summary>Activity <c>holdFunds</c>: holds an amount on the source account (prepare of a transfer).</summary>
public sealed class HoldFunds(Ledger ledger, ActivityRuns runs) : TaskActivity<HoldFundsInput, HoldFundsOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = "holdFunds";

    /// <inheritdoc />
    public override async Task<HoldFundsOutput> RunAsync(TaskActivityContext context, HoldFundsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var key = OperationKeys.For(context, input.IdempotencyKey, input);
        await runs.ThrowIfInjectedAsync(context, input, key);
        var holdId = "hold-" + key;
        await ledger.HoldAsync(holdId, input.Account, input.Amount, context.InstanceId);
        return new HoldFundsOutput(holdId);
    }
}
