using Serverless.Workflows.Templates;

namespace Serverless.Workflows.Model;

/// <summary>
/// Calls an activity with templated input. On failure: retries per <see cref="Retry"/>, then the
/// <see cref="Fallback"/> activity if any, then <see cref="OnError"/>.
/// </summary>
public sealed record ActivityStep : WorkflowStep
{
    /// <inheritdoc />
    public override StepKind Kind => StepKind.Activity;

    /// <summary>The activity to call, with its input template.</summary>
    public required ActivityCall Call { get; init; }

    /// <summary>Retry policy; null means one attempt.</summary>
    public RetryPolicy? Retry { get; init; }

    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Activity that undoes this step when the workflow compensates.</summary>
    public ActivityCall? Compensate { get; init; }

    /// <summary>Activity called when all attempts fail; its output becomes this step's output.</summary>
    public ActivityCall? Fallback { get; init; }

    /// <summary>What happens when the step still fails.</summary>
    public ErrorAction OnError { get; init; }

    /// <summary>Target step id when <see cref="OnError"/> is <see cref="ErrorAction.Goto"/>: a later step of the same sequence.</summary>
    public string? Goto { get; init; }
}

/// <summary>An activity invocation: name plus input template.</summary>
/// <param name="Activity">Registered activity name.</param>
/// <param name="Input">Input template.</param>
/// <param name="Path">JSON path of the element that names the activity.</param>
public sealed record ActivityCall(string Activity, JsonTemplate Input, string Path);

/// <summary>Retry with exponential back-off.</summary>
/// <param name="MaxAttempts">Total attempts including the first, at least 1.</param>
/// <param name="InitialInterval">Wait before the second attempt.</param>
/// <param name="BackoffCoefficient">Multiplier of the wait per attempt, at least 1.</param>
/// <param name="MaxInterval">Upper bound of the wait; null means unbounded.</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan InitialInterval, double BackoffCoefficient = 2.0, TimeSpan? MaxInterval = null)
{
    /// <summary>
    /// The wait before an attempt: <c>InitialInterval × BackoffCoefficient^(attempt − 2)</c>, capped by
    /// <see cref="MaxInterval"/> (and by <see cref="IsoDuration.Maximum"/>). Deterministic, so replay computes the same timers.
    /// </summary>
    /// <param name="attempt">The attempt about to start, 2 … <see cref="MaxAttempts"/> (the first attempt has no wait).</param>
    /// <returns>How long to wait before it.</returns>
    public TimeSpan DelayBefore(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(attempt, MaxAttempts);
        var cap = Math.Min((MaxInterval ?? IsoDuration.Maximum).TotalSeconds, IsoDuration.Maximum.TotalSeconds);
        var seconds = InitialInterval.TotalSeconds * Math.Pow(BackoffCoefficient, attempt - 2);
        return TimeSpan.FromSeconds(double.IsFinite(seconds) ? Math.Min(seconds, cap) : cap);
    }
}

/// <summary>What an activity step does when it still fails after retries and fallback.</summary>
public enum ErrorAction
{
    /// <summary>The failure propagates (the workflow's onFailure applies).</summary>
    Fail,

    /// <summary>The step records its error (<c>steps.&lt;id&gt;.error</c>), its output is null, and the next step runs.</summary>
    Continue,

    /// <summary>Execution jumps forward to <see cref="ActivityStep.Goto"/>; skipped steps have null output.</summary>
    Goto,
}
