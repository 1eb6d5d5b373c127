namespace Serverless.Orchestrations.CodeFirst;

/// <summary>Output of <see cref="OrderSaga"/>.</summary>
/// <param name="Status"><c>completed</c>; <c>compensated</c> when a step failed and every compensation succeeded;
/// <c>compensationFailed</c> when at least one compensation still failed after its retries.</param>
/// <param name="FailedStep">The forward step that failed (<c>reserve</c>, <c>charge</c>, <c>ship</c>), if any.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="ReservationId">The reservation, once made.</param>
/// <param name="PaymentId">The charge, once made.</param>
/// <param name="ShipmentId">The shipment, once made.</param>
/// <param name="TrackingNumber">The tracking number, once shipped.</param>
/// <param name="Compensations">Each compensation run, in the order run (reverse of completion).</param>
public sealed record OrderSagaOutput(
    string Status,
    string? FailedStep,
    StepError? Error,
    string? ReservationId,
    string? PaymentId,
    string? ShipmentId,
    string? TrackingNumber,
    IReadOnlyList<CompensationOutcome> Compensations);

/// <summary>One compensation's result.</summary>
/// <param name="Step">The forward step it undoes.</param>
/// <param name="Activity">The compensating activity.</param>
/// <param name="Succeeded">True when it completed (possibly after retries).</param>
/// <param name="Error">Why it failed after its retries.</param>
public sealed record CompensationOutcome(string Step, string Activity, bool Succeeded, StepError? Error);
