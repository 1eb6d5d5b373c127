using Microsoft.DurableTask;

namespace Serverless.Runtime.Execution;

/// <summary>An orchestrator waiting for an external event by name.</summary>
internal abstract class EventWaiter
{
    /// <summary>Delivers the event payload.</summary>
    public abstract void Deliver(string? input);

    /// <summary>True once delivered or cancelled.</summary>
    public abstract bool IsDone { get; }

    /// <summary>When the orchestrator began waiting (replay-safe time).</summary>
    public DateTime Since { get; init; }
}

/// <summary>An <see cref="EventWaiter"/> with a typed payload.</summary>
internal sealed class EventWaiter<T>(string name, DataConverter converter) : EventWaiter
{
    private readonly TaskCompletionSource<T> _completion = new();

    /// <summary>The task the orchestrator awaits.</summary>
    public Task<T> Task => _completion.Task;

    /// <inheritdoc />
    public override bool IsDone => _completion.Task.IsCompleted;

    /// <inheritdoc />
    public override void Deliver(string? input)
    {
        try
        {
            _completion.TrySetResult(input is null ? default! : converter.Deserialize<T>(input)!);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException)
        {
            _completion.TrySetException(new InvalidOperationException($"The payload of event '{name}' is not a {typeof(T).Name}: {ex.Message}", ex));
        }
    }

    /// <summary>Cancels the wait.</summary>
    public void Cancel() => _completion.TrySetCanceled();
}
