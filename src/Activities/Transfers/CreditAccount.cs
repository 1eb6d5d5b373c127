using Microsoft.DurableTask;
using Serverless.Activities.Reliability;
using Serverless.Activities.Storage;

namespace Serverless.Activities.Transfers;

/// <summary>Input of <see cref="CreditAccount"/>.</summary>
public sealed record CreditAccountInput : DomainActivityInput
{
    /// <summary>The account.</summary>
    public string Account { get; init; } = string.Empty;
    /// <summary>The pending credit from <c>prepareCredit</c>.</summary>
    public string CreditId { get; init; } = string.Empty;
}

/// <summary>Activity <c>creditAccount</c>: books a pending credit to the balance (commit of the target).</summary>
public sealed class CreditAccount(Ledger ledger, ActivityRuns runs) : TaskActivity<CreditAccountInput, ChangeOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = "creditAccount";

    /// <inheritdoc />
    public override async Task<ChangeOutput> RunAsync(TaskActivityContext context, CreditAccountInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var key = OperationKeys.For(context, input.IdempotencyKey, input);
        await runs.ThrowIfInjectedAsync(context, input, key);
        return new ChangeOutput(await ledger.CreditAsync(input.Account, input.CreditId));
    }
}
