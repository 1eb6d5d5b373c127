using Microsoft.DurableTask;
using Serverless.Activities.Reliability;
using Serverless.Activities.Storage;

namespace Serverless.Activities.Transfers;

/// <summary>Input of <see cref="DebitAccount"/>.</summary>
public sealed record DebitAccountInput : DomainActivityInput
{
    /// <summary>The account.</summary>
    public string Account { get; init; } = string.Empty;
    /// <summary>The hold from <c>holdFunds</c>.</summary>
    public string HoldId { get; init; } = string.Empty;
}

/// <summary>Activity <c>debitAccount</c>: books a hold as a debit (commit of the source).</summary>
public sealed class DebitAccount(Ledger ledger, ActivityRuns runs) : TaskActivity<DebitAccountInput, ChangeOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = "debitAccount";

    /// <inheritdoc />
    public override async Task<ChangeOutput> RunAsync(TaskActivityContext context, DebitAccountInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var key = OperationKeys.For(context, input.IdempotencyKey, input);
        await runs.ThrowIfInjectedAsync(context, input, key);
        return new ChangeOutput(await ledger.DebitAsync(input.Account, input.HoldId));
    }
}
