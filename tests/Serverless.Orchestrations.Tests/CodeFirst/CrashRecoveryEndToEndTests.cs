using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Activities.Inventory;
using Serverless.Activities.Payments;
using Serverless.Orchestrations.CodeFirst;
using Serverless.Orchestrations.Tests.Infrastructure;
using Serverless.Runtime;
using Serverless.Runtime.History;
using Serverless.Tests.Infrastructure;

namespace Serverless.Orchestrations.Tests.CodeFirst;

/// <summary>A process dies mid-saga; a new runtime on the same files finishes it without applying any effect twice.</summary>
public sealed class CrashRecoveryEndToEndTests : IDisposable
{
    private readonly TempFolder _folder = new("crash");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task OrderSaga_ProcessDiesAfterChargeBeforeItsResultIsStored_CompletesOnRestartWithOneCharge()
    {
        var charged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = await CodeFirstRuntime.StartAsync(
            _folder,
            except: new HashSet<string> { ChargePayment.Name },
            extra: registry => registry.AddActivity(ChargePayment.Name, sp => new GatedActivity(ActivatorUtilities.CreateInstance<ChargePayment>(sp), charged)));
        await first.Get<Warehouse>().SetStockAsync("sku-1", 5);
        var input = new OrderSagaInput { OrderId = "o-9", CustomerId = "c-9", Items = [new InventoryLine("sku-1", 2)], Amount = 15m };
        await first.Client.ScheduleNewOrchestrationInstanceAsync(OrderSaga.Name, input, new StartOrchestrationOptions("saga-crash"));
        await charged.Task.WaitAsync(CodeFirstRuntime.WaitLimit);
        await first.AbandonAsync();

        await using var second = await CodeFirstRuntime.StartAsync(_folder);
        var result = await second.CompleteAsync("saga-crash");

        Assert.Equal("completed", result.ReadOutputAs<OrderSagaOutput>()!.Status);
        Assert.Single(await second.Get<PaymentBook>().PaymentsOfAsync("saga-crash"));
        Assert.Equal(3, await second.Get<Warehouse>().GetAvailableAsync("sku-1"));
        var history = await second.Runtime.GetHistoryAsync("saga-crash");
        Assert.Single(history.OfType<TaskScheduled>(), t => t.Name == ChargePayment.Name);
        OrchestrationReplayer.Replay(new OrderSaga(), history);
    }
}
