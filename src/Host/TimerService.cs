using Microsoft.DurableTask.Client;
using Serverless.Api.Routing;
using Serverless.Schedules;

namespace Serverless.Host;

/// <summary>
/// Runs one timer function on its cron (from the app setting named by <see cref="TimerSchedule.CronSetting"/>),
/// waiting on the injected <see cref="TimeProvider"/>, like a Functions timer trigger. A failing run is logged and
/// the timer keeps its schedule.
/// </summary>
internal sealed partial class TimerService(
    TimerSchedule timer, string cron, Func<IServiceProvider, TimeProvider, DurableTaskClient, CancellationToken, Task> run,
    IServiceProvider services, TimeProvider time, ILogger<TimerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var calendar = CronCalendar.Parse(cron, "UTC");
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (calendar.Next(now, 1) is not [var next])
            {
                return;
            }

            await Task.Delay(next - now, time, stoppingToken);
            try
            {
                await run(services, time, services.GetRequiredService<DurableTaskClient>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.RunFailed(logger, e, timer.FunctionName);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6301, Level = LogLevel.Error, Message = "Timer {Timer} failed; it runs again at its next time.")]
        public static partial void RunFailed(ILogger logger, Exception exception, string timer);
    }
}
