using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RetentionSweepHandler = Serverless.Api.Retention.RetentionSweep;
using ScheduleTickHandler = Serverless.Api.Schedules.ScheduleTick;

namespace Serverless.Functions.Bindings;

/// <summary>
/// One timer function per <see cref="Serverless.Api.Routing.TimerSchedules.All"/> entry, its cron read
/// from the same app setting the local host reads (<c>%Setting%</c>).
/// </summary>
/// <param name="scheduleTick">The schedule tick handler.</param>
/// <param name="retentionSweep">The retention sweep handler.</param>
/// <param name="time">The clock the handlers read.</param>
public sealed class TimerFunctions(ScheduleTickHandler scheduleTick, RetentionSweepHandler retentionSweep, TimeProvider time)
{
    /// <summary>Starts due scheduled workflow runs.</summary>
    /// <param name="timer">The timer's schedule status.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>When the tick is done.</returns>
    [Function("ScheduleTick")]
    public Task ScheduleTick([TimerTrigger("%ScheduleTickCron%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        scheduleTick.RunAsync(time, client, function.CancellationToken);

    /// <summary>Purges finished instances and audit rows past their retention, and audits what it purged.</summary>
    /// <param name="timer">The timer's schedule status.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>When the sweep is done.</returns>
    [Function("RetentionSweep")]
    public Task RetentionSweep([TimerTrigger("%RetentionSweepCron%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        retentionSweep.RunAsync(time, client, function.CancellationToken);
}
