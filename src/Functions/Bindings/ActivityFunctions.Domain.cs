using Microsoft.Azure.Functions.Worker;
using Serverless.Activities.Inventory;
using Serverless.Activities.Payments;
using Serverless.Activities.Shipping;
using Serverless.Activities.Storage;
using Serverless.Activities.Transfers;

namespace Serverless.Functions.Bindings;

/// <summary>The demo domain activities: inventory, payments, shipments and the transfer ledger.</summary>
public static partial class ActivityFunctions
{
    /// <summary>Activity <c>reserveInventory</c>: runs <see cref="ReserveInventory"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("reserveInventory")]
    public static Task<ReserveInventoryOutput> ReserveInventory([ActivityTrigger] ReserveInventoryInput input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<ReserveInventory, ReserveInventoryInput, ReserveInventoryOutput>(input, function);

    /// <summary>Activity <c>releaseInventory</c>: runs <see cref="ReleaseInventory"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("releaseInventory")]
    public static Task<ChangeOutput> ReleaseInventory([ActivityTrigger] ReleaseInventoryInput input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<ReleaseInventory, ReleaseInventoryInput, ChangeOutput>(input, function);

    /// <summary>Activity <c>chargePayment</c>: runs <see cref="ChargePayment"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("chargePayment")]
    public static Task<ChargePaymentOutput> ChargePayment([ActivityTrigger] ChargePaymentInput input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<ChargePayment, ChargePaymentInput, ChargePaymentOutput>(input, function);

    /// <summary>Activity <c>refundPayment</c>: runs <see cref="RefundPayment"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("refundPayment")]
    public static Task<ChangeOutput> RefundPayment([ActivityTrigger] RefundPaymentInput input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<RefundPayment, RefundPaymentInput, ChangeOutput>(input, function);

    /// <summary>Activity <c>createShipment</c>: runs <see cref="CreateShipment"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("createShipment")]
    public static Task<CreateShipmentOutput> CreateShipment([ActivityTrigger] CreateShipmentInput input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<CreateShipment, CreateShipmentInput, CreateShipmentOutput>(input, function);

    /// <summary>Activity <c>cancelShipment</c>: runs <see cref="CancelShipment"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("cancelShipment")]
    public static Task<ChangeOutput> CancelShipment([ActivityTrigger] CancelShipmentInput input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<CancelShipment, CancelShipmentInput, ChangeOutput>(input, function);

    /// <summary>Activity <c>holdFunds</c>: runs <see cref="HoldFunds"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("holdFunds")]
    public static Task<HoldFundsOutput> HoldFunds([ActivityTrigger] HoldFundsInput input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<HoldFunds, HoldFundsInput, HoldFundsOutput>(input, function);

    /// <summary>Activity <c>releaseHold</c>: runs <see cref="ReleaseHold"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("releaseHold")]
    public static Task<ChangeOutput> ReleaseHold([ActivityTrigger] ReleaseHoldInput input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<ReleaseHold, ReleaseHoldInput, ChangeOutput>(input, function);

    /// <summary>Activity <c>debitAccount</c>: runs <see cref="DebitAccount"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("debitAccount")]
    public static Task<ChangeOutput> DebitAccount([ActivityTrigger] DebitAccountInput input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<DebitAccount, DebitAccountInput, ChangeOutput>(input, function);

    /// <summary>Activity <c>prepareCredit</c>: runs <see cref="PrepareCredit"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("prepareCredit")]
    public static Task<PrepareCreditOutput> PrepareCredit([ActivityTrigger] PrepareCreditInput input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<PrepareCredit, PrepareCreditInput, PrepareCreditOutput>(input, function);

    /// <summary>Activity <c>creditAccount</c>: runs <see cref="CreditAccount"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("creditAccount")]
    public static Task<ChangeOutput> CreditAccount([ActivityTrigger] CreditAccountInput input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<CreditAccount, CreditAccountInput, ChangeOutput>(input, function);

    /// <summary>Activity <c>cancelCredit</c>: runs <see cref="CancelCredit"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("cancelCredit")]
    public static Task<ChangeOutput> CancelCredit([ActivityTrigger] CancelCreditInput input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<CancelCredit, CancelCreditInput, ChangeOutput>(input, function);
}
