using Microsoft.DurableTask;
using Serverless.Activities.Reliability;
using Serverless.Activities.Storage;

namespace Serverless.Activities.Transfers;

/// <summary>Input of <see cref="CancelCredit"/>.</summary>
public sealed record CancelCreditInput : DomainActivityInput
{
    /// <summary>The pending credit from <c>prepareCredit</c>.</summary>
    public string CreditId { get; init; } = string.Empty;
}

/// <summary>Activity <c>cancelCredit</c>: cancels a pending credit (abort of the target).</summary>
public sealed class CancelCredit(Ledger ledger, ActivityRuns runs) : TaskActivity<CancelCreditInput, ChangeOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = "cancelCredit";

    /// <inheritdoc />
    public override async Task<ChangeOutput> RunAsync(TaskActivityContext context, CancelCreditInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var key = OperationKeys.For(context, input.IdempotencyKey, input);
        await runs.ThrowIfInjectedAsync(context, input, key);
        return new ChangeOutput(await ledger.CancelCreditAsync(input.CreditId));
    }
}
