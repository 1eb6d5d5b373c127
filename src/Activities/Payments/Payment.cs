namespace Serverless.Activities.Payments;

/// <summary>A charge as the payment book keeps it.</summary>
/// <param name="PaymentId">Its id.</param>
/// <param name="CustomerId">Who was charged.</param>
/// <param name="Amount">How much.</param>
/// <param name="Reference">The payer's reference (e.g. the order).</param>
/// <param name="InstanceId">The orchestration that charged.</param>
/// <param name="Refunded">True once refunded.</param>
public sealed record Payment(string PaymentId, string CustomerId, decimal Amount, string Reference, string InstanceId, bool Refunded);
