using Microsoft.DurableTask;
using Serverless.Activities.Reliability;
using Serverless.Activities.Storage;

namespace Serverless.Activities.Payments;

/// <summary>Input of <see cref="RefundPayment"/>.</summary>
public sealed record RefundPaymentInput : DomainActivityInput
{
    /// <summary>The charge to refund.</summary>
    public string PaymentId { get; init; } = string.Empty;

    /// <summary>When given, must equal the charged amount.</summary>
    public decimal? Amount { get; init; }
}

/// <summary>Activity <c>refundPayment</c>: refunds a charge in full (compensation of <c>chargePayment</c>).</summary>
public sealed class RefundPayment(PaymentBook payments, ActivityRuns runs) : TaskActivity<RefundPaymentInput, ChangeOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = "refundPayment";

    /// <inheritdoc />
    public override async Task<ChangeOutput> RunAsync(TaskActivityContext context, RefundPaymentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.PaymentId, nameof(input.PaymentId));
        await runs.ThrowIfInjectedAsync(context, input, OperationKeys.For(context, input.IdempotencyKey, input));
        return new ChangeOutput(await payments.RefundAsync(input.PaymentId, input.Amount));
    }
}
