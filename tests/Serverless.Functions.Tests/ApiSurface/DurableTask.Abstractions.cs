// Microsoft.DurableTask.Abstractions 1.25 (AZURE_API.md §1), members src/Functions uses.
using Microsoft.Extensions.Logging;

namespace Microsoft.DurableTask;

public readonly struct TaskName
{
    public TaskName(string name) => throw null!;
    public TaskName(string name, string version) => throw null!;
    public string Name => throw null!;
    public string Version => throw null!;
    public static implicit operator TaskName(string value) => throw null!;
    public static implicit operator string(TaskName value) => throw null!;
}

// Public source: src/Abstractions/ParentOrchestrationInstance.cs.
public record ParentOrchestrationInstance(TaskName Name, string InstanceId);

public abstract class TaskOrchestrationContext
{
    public abstract TaskName Name { get; }
    public abstract string InstanceId { get; }
    public abstract ParentOrchestrationInstance? Parent { get; }
    public abstract DateTime CurrentUtcDateTime { get; }
    public abstract bool IsReplaying { get; }
    public virtual string Version => throw null!;
    public abstract T? GetInput<T>();
    public virtual Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null) => throw null!;
    public abstract Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null);
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null);
    public virtual Task CallSubOrchestratorAsync(TaskName orchestratorName, object? input = null, TaskOptions? options = null) => throw null!;
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);
    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) => throw null!;
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);
    public virtual Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout) => throw null!;
    public virtual Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken) => throw null!;
    public abstract void SendEvent(string instanceId, string eventName, object payload);
    public abstract void SetCustomStatus(object? customStatus);
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);
    public abstract Guid NewGuid();
    public virtual ILogger CreateReplaySafeLogger(string categoryName) => throw null!;
    public virtual ILogger CreateReplaySafeLogger<T>() => throw null!;
}

// Public source: src/Abstractions/TaskOptions.cs (the tags parameter differs between versions: not used).
public record TaskOptions
{
    public TaskOptions(TaskRetryOptions? retry = null) => throw null!;
    public TaskRetryOptions? Retry { get; init; }
}

public record SubOrchestrationOptions : TaskOptions
{
    public SubOrchestrationOptions(TaskRetryOptions? retry = null, string? instanceId = null) => throw null!;
    public string? InstanceId { get; init; }
}

// Public source: src/Abstractions/TaskRetryOptions.cs and RetryHandler.cs.
public sealed class TaskRetryOptions
{
    public TaskRetryOptions(RetryPolicy policy) => throw null!;
    public TaskRetryOptions(AsyncRetryHandler handler) => throw null!;
    public RetryPolicy? Policy => throw null!;
    public AsyncRetryHandler? Handler => throw null!;
    public static implicit operator TaskRetryOptions(RetryPolicy policy) => throw null!;
}

public delegate Task<bool> AsyncRetryHandler(RetryContext retryContext);

public record RetryContext(
    TaskOrchestrationContext OrchestrationContext,
    int LastAttemptNumber,
    TaskFailureDetails LastFailure,
    TimeSpan TotalRetryTime,
    CancellationToken CancellationToken);

public class RetryPolicy
{
    public RetryPolicy(int maxNumberOfAttempts, TimeSpan firstRetryInterval, double backoffCoefficient = 1.0, TimeSpan? maxRetryInterval = null, TimeSpan? retryTimeout = null) => throw null!;
    public int MaxNumberOfAttempts => throw null!;
    public TimeSpan FirstRetryInterval => throw null!;
    public double BackoffCoefficient => throw null!;
    public TimeSpan MaxRetryInterval => throw null!;
    public TimeSpan RetryTimeout => throw null!;
    public Func<TaskFailureDetails, bool> HandleFailure { get => throw null!; init => throw null!; }
}

public record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace, TaskFailureDetails? InnerFailure);

public sealed class TaskFailedException : Exception
{
    public string TaskName => throw null!;
    public int TaskId => throw null!;
    public TaskFailureDetails FailureDetails => throw null!;
}

// Public source: src/Abstractions/StartOrchestrationOptions lives in TaskOptions.cs, namespace Microsoft.DurableTask.
public record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);

// Public source: src/Abstractions/AsyncPageable.cs and Page.cs.
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
    where T : notnull
{
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = default, int? pageSizeHint = default);
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => throw null!;
}

public sealed class Page<T>
    where T : notnull
{
    public Page(IReadOnlyList<T> values, string? continuationToken = null) => throw null!;
    public IReadOnlyList<T> Values => throw null!;
    public string? ContinuationToken => throw null!;
}
