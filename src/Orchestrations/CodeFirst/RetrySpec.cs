using Microsoft.DurableTask;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>A serializable retry policy for orchestration inputs; waits between attempts are durable timers.</summary>
/// <param name="MaxAttempts">Total attempts including the first (1 = no retry).</param>
/// <param name="FirstRetryInterval">Wait before the first retry.</param>
/// <param name="BackoffCoefficient">Multiplier applied to the wait after each retry.</param>
/// <param name="MaxRetryInterval">Cap on one wait, or null for the policy default (1 hour).</param>
public sealed record RetrySpec(int MaxAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient = 2.0, TimeSpan? MaxRetryInterval = null)
{
    /// <summary>Three attempts, one second then two seconds apart: the default for compensations and commits.</summary>
    public static RetrySpec Default { get; } = new(3, TimeSpan.FromSeconds(1));

    /// <summary>Task options that retry by this policy, or null when only one attempt is allowed.</summary>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value <see cref="RetryPolicy"/> refuses.</exception>
    public TaskOptions? ToTaskOptions() => MaxAttempts <= 1
        ? null
        : TaskOptions.FromRetryPolicy(new RetryPolicy(MaxAttempts, FirstRetryInterval, BackoffCoefficient, MaxRetryInterval));
}
