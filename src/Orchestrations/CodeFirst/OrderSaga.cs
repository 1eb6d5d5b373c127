using Microsoft.DurableTask;
using Serverless.Activities.Inventory;
using Serverless.Activities.Payments;
using Serverless.Activities.Reliability;
using Serverless.Activities.Shipping;
using Serverless.Activities.Storage;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>
/// The order saga: reserve inventory → charge payment → create shipment. When a step fails (after its retries),
/// the completed steps are undone in reverse order (cancel shipment, refund, release), each compensation retried by
/// policy; a compensation that still fails is recorded and the remaining ones run anyway.
/// </summary>
public sealed class OrderSaga : TaskOrchestrator<OrderSagaInput, OrderSagaOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = nameof(OrderSaga);

    private const int TotalSteps = 3;

    /// <inheritdoc />
    public override async Task<OrderSagaOutput> RunAsync(TaskOrchestrationContext context, OrderSagaInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        Validate(input);
        var stepOptions = input.StepRetry?.ToTaskOptions();
        var undo = new Stack<(string Step, string Activity, object Input)>();
        string? reservationId = null, paymentId = null, shipmentId = null, tracking = null;
        var step = "reserve";
        try
        {
            context.SetCustomStatus(new OrchestrationProgress("running", step, 0, TotalSteps));
            var reserved = await context.CallActivityAsync<ReserveInventoryOutput>(
                ReserveInventory.Name, Faulted(input, ReserveInventory.Name, new ReserveInventoryInput { OrderId = input.OrderId, Items = input.Items }), stepOptions);
            reservationId = reserved.ReservationId;
            undo.Push((step, ReleaseInventory.Name, Faulted(input, ReleaseInventory.Name, new ReleaseInventoryInput { ReservationId = reservationId })));

            step = "charge";
            context.SetCustomStatus(new OrchestrationProgress("running", step, 1, TotalSteps));
            var charged = await context.CallActivityAsync<ChargePaymentOutput>(
                ChargePayment.Name, Faulted(input, ChargePayment.Name, new ChargePaymentInput { CustomerId = input.CustomerId, Amount = input.Amount, Reference = "order " + input.OrderId }), stepOptions);
            paymentId = charged.PaymentId;
            undo.Push((step, RefundPayment.Name, Faulted(input, RefundPayment.Name, new RefundPaymentInput { PaymentId = paymentId, Amount = input.Amount })));

            step = "ship";
            context.SetCustomStatus(new OrchestrationProgress("running", step, 2, TotalSteps));
            var shipped = await context.CallActivityAsync<CreateShipmentOutput>(
                CreateShipment.Name, Faulted(input, CreateShipment.Name, new CreateShipmentInput { OrderId = input.OrderId, ReservationId = reservationId }), stepOptions);
            (shipmentId, tracking) = (shipped.ShipmentId, shipped.TrackingNumber);
        }
        catch (TaskFailedException e)
        {
            var completedSteps = undo.Count;
            var compensations = await CompensateAsync(context, undo, (input.CompensationRetry ?? RetrySpec.Default).ToTaskOptions());
            var status = compensations.All(c => c.Succeeded) ? "compensated" : "compensationFailed";
            context.SetCustomStatus(new OrchestrationProgress(status, step, completedSteps, TotalSteps));
            return new OrderSagaOutput(status, step, StepError.From(e), reservationId, paymentId, null, null, compensations);
        }

        context.SetCustomStatus(new OrchestrationProgress("completed", null, TotalSteps, TotalSteps));
        return new OrderSagaOutput("completed", null, null, reservationId, paymentId, shipmentId, tracking, []);
    }

    /// <summary>Runs every compensation in reverse order; one failing (after its retries) does not stop the rest.</summary>
    private static async Task<List<CompensationOutcome>> CompensateAsync(
        TaskOrchestrationContext context, Stack<(string Step, string Activity, object Input)> undo, TaskOptions? options)
    {
        var outcomes = new List<CompensationOutcome>();
        var total = undo.Count;
        while (undo.TryPop(out var compensation))
        {
            context.SetCustomStatus(new OrchestrationProgress("compensating", compensation.Step, outcomes.Count, total));
            try
            {
                await context.CallActivityAsync<ChangeOutput>(compensation.Activity, compensation.Input, options);
                outcomes.Add(new CompensationOutcome(compensation.Step, compensation.Activity, true, null));
            }
            catch (TaskFailedException e)
            {
                outcomes.Add(new CompensationOutcome(compensation.Step, compensation.Activity, false, StepError.From(e)));
            }
        }

        return outcomes;
    }

    private static void Validate(OrderSagaInput? input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.OrderId) || string.IsNullOrWhiteSpace(input.CustomerId))
        {
            throw new ArgumentException("An order needs an OrderId and a CustomerId.", nameof(input));
        }

        if (input.Items is not { Count: > 0 } || input.Items.Any(i => i is null || string.IsNullOrWhiteSpace(i.Sku) || i.Quantity <= 0))
        {
            throw new ArgumentException("An order needs at least one item, each with a sku and a positive quantity.", nameof(input));
        }

        if (input.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Amount, "The amount must be positive.");
        }
    }

    private static T Faulted<T>(OrderSagaInput input, string activity, T call)
        where T : DomainActivityInput =>
        input.Faults?.GetValueOrDefault(activity) is { } fault ? call with { FailTimes = fault.FailTimes, FailAlways = fault.FailAlways } : call;
}
