using Microsoft.DurableTask;

namespace Serverless.Runtime.Execution;

/// <summary>An awaited task the orchestrator is waiting on: an activity, sub-orchestration or timer.</summary>
internal abstract class OpenTask(int taskId, string name)
{
    /// <summary>The task id.</summary>
    public int TaskId { get; } = taskId;

    /// <summary>The activity or orchestrator name (or "timer").</summary>
    public string Name { get; } = name;

    /// <summary>When the orchestrator asked for it (replay-safe time); a timer's span starts here.</summary>
    public DateTime Since { get; init; }

    /// <summary>The child instance id, for sub-orchestrations.</summary>
    public string? ChildInstanceId { get; init; }

    /// <summary>Completes the task with a serialized result.</summary>
    public abstract void Complete(string? result);

    /// <summary>Fails the task.</summary>
    public abstract void Fail(TaskFailureDetails failure);

    /// <summary>Cancels the task (timer or wait cancelled by the orchestrator).</summary>
    public abstract void Cancel();
}

/// <summary>An <see cref="OpenTask"/> with a typed result.</summary>
internal sealed class OpenTask<T>(int taskId, string name, DataConverter converter) : OpenTask(taskId, name)
{
    // Continuations run synchronously on the orchestration thread: never RunContinuationsAsynchronously.
    private readonly TaskCompletionSource<T> _completion = new();

    /// <summary>The task the orchestrator awaits.</summary>
    public Task<T> Task => _completion.Task;

    /// <inheritdoc />
    public override void Complete(string? result)
    {
        T value;
        try
        {
            value = result is null ? default! : converter.Deserialize<T>(result)!;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            _completion.TrySetException(new TaskFailedException(Name, TaskId, FailureDetails.From(ex)));
            return;
        }

        _completion.TrySetResult(value);
    }

    /// <inheritdoc />
    public override void Fail(TaskFailureDetails failure) =>
        _completion.TrySetException(new TaskFailedException(Name, TaskId, failure));

    /// <inheritdoc />
    public override void Cancel() => _completion.TrySetCanceled();
}
