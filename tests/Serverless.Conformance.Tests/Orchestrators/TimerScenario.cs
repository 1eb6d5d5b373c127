using Microsoft.DurableTask;

namespace Serverless.Conformance.Tests.Orchestrators;

/// <summary>Waits on a durable timer, then marks; reports whether replay time had reached the fire time.</summary>
public sealed class TimerScenario : TaskOrchestrator<int, TimerScenarioOutput>
{
    public const string Name = "conformance.timer";

    public override async Task<TimerScenarioOutput> RunAsync(TaskOrchestrationContext context, int delayMs)
    {
        var fireAt = context.CurrentUtcDateTime.AddMilliseconds(delayMs);
        await context.CreateTimer(fireAt, CancellationToken.None);
        var after = context.CurrentUtcDateTime;
        await context.CallActivityAsync<string>(Mark.Name, "after-timer");
        return new TimerScenarioOutput(after >= fireAt, context.IsReplaying);
    }
}

/// <summary>What <see cref="TimerScenario"/> saw.</summary>
public sealed record TimerScenarioOutput(bool ReachedFireTime, bool ReplayingAtEnd);
