using Microsoft.DurableTask;
using Serverless.Activities.Reliability;

namespace Serverless.Activities.Payments;

/// <summary>Input of <see cref="ChargePayment"/>.</summary>
public sealed record ChargePaymentInput : DomainActivityInput
{
    /// <summary>Who pays.</summary>
    public string CustomerId { get; init; } = string.Empty;

    /// <summary>How much; positive.</summary>
    public decimal Amount { get; init; }

    /// <summary>The payer's reference, e.g. <c>order 42</c>.</summary>
    public string Reference { get; init; } = string.Empty;
}

/// <summary>Output of <see cref="ChargePayment"/>.</summary>
/// <param name="PaymentId">The charge, the same on every delivery of the same call.</param>
public sealed record ChargePaymentOutput(string PaymentId);

/// <summary>Activity <c>chargePayment</c>: charges a customer once per operation.</summary>
public sealed class ChargePayment(PaymentBook payments, ActivityRuns runs) : TaskActivity<ChargePaymentInput, ChargePaymentOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = "chargePayment";

    /// <inheritdoc />
    public override async Task<ChargePaymentOutput> RunAsync(TaskActivityContext context, ChargePaymentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var key = OperationKeys.For(context, input.IdempotencyKey, input);
        await runs.ThrowIfInjectedAsync(context, input, key);
        var paymentId = "pay-" + key;
        await payments.ChargeAsync(new Payment(paymentId, input.CustomerId, input.Amount, input.Reference, context.InstanceId, false));
        return new ChargePaymentOutput(paymentId);
    }
}
