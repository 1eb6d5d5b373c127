namespace Serverless.Orchestration;

/// <summary>Options for scheduling an activity or sub-orchestration.</summary>
/// <param name="Retry">How failures are retried, or null for no retry.</param>
/// <param name="Tags">Free-form tags carried with the task.</param>
public record TaskOptions(TaskRetryOptions? Retry = null, IDictionary<string, string>? Tags = null)
{
    /// <summary>Options that retry with <paramref name="policy"/>.</summary>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(new TaskRetryOptions(policy));

    /// <summary>Options that retry as <paramref name="handler"/> decides.</summary>
    public static TaskOptions FromRetryHandler(AsyncRetryHandler handler) => new(new TaskRetryOptions(handler));

    /// <summary>Options for a sub-orchestration with a given instance id.</summary>
    public SubOrchestrationOptions WithInstanceId(string instanceId) => new(this, instanceId);
}

/// <summary>Options for a sub-orchestration: task options plus its instance id.</summary>
public record SubOrchestrationOptions : TaskOptions
{
    /// <summary>Creates sub-orchestration options.</summary>
    public SubOrchestrationOptions(TaskRetryOptions? retry = null, string? instanceId = null)
        : base(retry) => InstanceId = instanceId;

    /// <summary>Copies task options and adds an instance id.</summary>
    public SubOrchestrationOptions(TaskOptions options, string? instanceId = null)
        : base(options) => InstanceId = instanceId;

    /// <summary>The sub-orchestration's instance id, or null for a deterministic generated one.</summary>
    public string? InstanceId { get; init; }
}

/// <summary>Decides, after a failed attempt, whether to try again; waits it needs must be durable timers.</summary>
/// <param name="retryContext">The failed attempt.</param>
/// <returns>True to retry.</returns>
public delegate Task<bool> AsyncRetryHandler(RetryContext retryContext);

/// <summary>What a custom retry handler knows about the failed attempt.</summary>
/// <param name="OrchestrationContext">The orchestration, for durable timers.</param>
/// <param name="LastAttemptNumber">The attempt that just failed (1 for the first).</param>
/// <param name="LastFailure">Why it failed.</param>
/// <param name="TotalRetryTime">Orchestration time since the first attempt.</param>
/// <param name="CancellationToken">Cancels the retry loop.</param>
public sealed record RetryContext(
    TaskOrchestrationContext OrchestrationContext,
    int LastAttemptNumber,
    TaskFailureDetails LastFailure,
    TimeSpan TotalRetryTime,
    CancellationToken CancellationToken);

/// <summary>Retry options: a declarative policy or a custom handler.</summary>
public sealed class TaskRetryOptions
{
    /// <summary>Retry by policy.</summary>
    public TaskRetryOptions(RetryPolicy policy) => Policy = policy ?? throw new ArgumentNullException(nameof(policy));

    /// <summary>Retry by handler.</summary>
    public TaskRetryOptions(AsyncRetryHandler handler) => Handler = handler ?? throw new ArgumentNullException(nameof(handler));

    /// <summary>The declarative policy, when given.</summary>
    public RetryPolicy? Policy { get; }

    /// <summary>The custom handler, when given.</summary>
    public AsyncRetryHandler? Handler { get; }

    /// <summary>Converts a policy.</summary>
    public static implicit operator TaskRetryOptions(RetryPolicy policy) => new(policy);

    /// <summary>Converts a handler.</summary>
    public static implicit operator TaskRetryOptions(AsyncRetryHandler handler) => new(handler);

    /// <summary>Retry by policy.</summary>
    public static TaskRetryOptions FromRetryPolicy(RetryPolicy policy) => new(policy);

    /// <summary>Retry by handler.</summary>
    public static TaskRetryOptions FromRetryHandler(AsyncRetryHandler handler) => new(handler);
}
