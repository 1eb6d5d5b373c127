using Microsoft.DurableTask;

namespace Serverless.Runtime.Execution;

/// <summary>Retries a task per <see cref="TaskRetryOptions"/>; waits between attempts are durable timers.</summary>
internal static class RetryLoop
{
    /// <summary>Runs <paramref name="attempt"/> until it succeeds or the policy gives up (rethrowing the last failure).</summary>
    public static async Task<T> RunAsync<T>(TaskOrchestrationContext context, TaskRetryOptions retry, Func<Task<T>> attempt)
    {
        var firstAttemptAt = context.CurrentUtcDateTime;
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException failure)
            {
                var elapsed = context.CurrentUtcDateTime - firstAttemptAt;
                if (retry.Policy is { } policy)
                {
                    if (!ShouldRetry(policy, attemptNumber, failure, elapsed, out var delay))
                    {
                        throw;
                    }

                    await context.CreateTimer(context.CurrentUtcDateTime.Add(delay), CancellationToken.None);
                }
                else if (!await retry.Handler!(new RetryContext(context, attemptNumber, failure.FailureDetails, elapsed, CancellationToken.None)))
                {
                    throw;
                }
            }
        }
    }

    private static bool ShouldRetry(RetryPolicy policy, int attemptNumber, TaskFailedException failure, TimeSpan elapsed, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;

        // Handle is Durable Task's filter: true unless HandleFailure (or Handle) was set to refuse this failure.
        if (attemptNumber >= policy.MaxNumberOfAttempts || !policy.Handle(failure))
        {
            return false;
        }

        delay = DelayBefore(policy, attemptNumber);
        return policy.RetryTimeout == Timeout.InfiniteTimeSpan || elapsed + delay <= policy.RetryTimeout;
    }

    /// <summary>The wait before retry number <paramref name="retryNumber"/> (1 for the first), as Durable Task computes it.</summary>
    internal static TimeSpan DelayBefore(RetryPolicy policy, int retryNumber)
    {
        var ticks = policy.FirstRetryInterval.Ticks * Math.Pow(policy.BackoffCoefficient, retryNumber - 1);
        return ticks >= policy.MaxRetryInterval.Ticks ? policy.MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }
}
