using Microsoft.DurableTask;
using Serverless.Activities.Reliability;
using Serverless.Activities.Storage;

namespace Serverless.Activities.Transfers;

/// <summary>Input of <see cref="ReleaseHold"/>.</summary>
public sealed record ReleaseHoldInput : DomainActivityInput
{
    /// <summary>The account.</summary>
    public string Account { get; init; } = string.Empty;
    /// <summary>The hold from <c>holdFunds</c>.</summary>
    public string HoldId { get; init; } = string.Empty;
}

/// <summary>Activity <c>releaseHold</c>: releases a hold (abort of the source).</summary>
public sealed class ReleaseHold(Ledger ledger, ActivityRuns runs) : TaskActivity<ReleaseHoldInput, ChangeOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = "releaseHold";

    /// <inheritdoc />
    public override async Task<ChangeOutput> RunAsync(TaskActivityContext context, ReleaseHoldInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var key = OperationKeys.For(context, input.IdempotencyKey, input);
        await runs.ThrowIfInjectedAsync(context, input, key);
        return new ChangeOutput(await ledger.ReleaseHoldAsync(input.Account, input.HoldId));
    }
}
