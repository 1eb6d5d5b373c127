using Microsoft.Azure.Functions.Worker;
using Serverless.Functions.Adapters;
using DurableTaskClient = Microsoft.DurableTask.Client.DurableTaskClient;
using ScheduleTickHandler = Serverless.Api.Schedules.ScheduleTick;

namespace Serverless.Functions.Bindings;

/// <summary>
/// One timer function per <see cref="Serverless.Api.Routing.TimerSchedules.All"/> entry, its cron read
/// from the same app setting the local host reads (<c>%Setting%</c>).
/// </summary>
/// <param name="scheduleTick">The schedule tick handler.</param>
/// <param name="time">The clock the handlers read.</param>
public sealed class TimerFunctions(ScheduleTickHandler scheduleTick, TimeProvider time)
{
    /// <summary>Starts due scheduled workflow runs.</summary>
    /// <param name="timer">The timer's schedule status.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>When the tick is done.</returns>
    [Function("ScheduleTick")]
    public Task ScheduleTick([TimerTrigger("%ScheduleTickCron%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        scheduleTick.RunAsync(time, new AzureDurableTaskClient(client), function.CancellationToken);
}
