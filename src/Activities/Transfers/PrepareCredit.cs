using Microsoft.DurableTask;
using Serverless.Activities.Reliability;

namespace Serverless.Activities.Transfers;

/// <summary>Input of <see cref="PrepareCredit"/>.</summary>
public sealed record PrepareCreditInput : DomainActivityInput
{
    /// <summary>The account.</summary>
    public string Account { get; init; } = string.Empty;
    /// <summary>How much; positive.</summary>
    public decimal Amount { get; init; }
}

/// <summary>Output of <see cref="PrepareCredit"/>.</summary>
/// <param name="CreditId">The pending credit, the same on every delivery of the same call.</param>
public sealed record PrepareCreditOutput(string CreditId);

/// <summary>Activity <c>prepareCredit</c>: opens a pending credit on the target account (prepare of a transfer).</summary>
public sealed class PrepareCredit(Ledger ledger, ActivityRuns runs) : TaskActivity<PrepareCreditInput, PrepareCreditOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = "prepareCredit";

    /// <inheritdoc />
    public override async Task<PrepareCreditOutput> RunAsync(TaskActivityContext context, PrepareCreditInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var key = OperationKeys.For(context, input.IdempotencyKey, input);
        await runs.ThrowIfInjectedAsync(context, input, key);
        var creditId = "credit-" + key;
        await ledger.PrepareCreditAsync(creditId, input.Account, input.Amount, context.InstanceId);
        return new PrepareCreditOutput(creditId);
    }
}
