using Microsoft.DurableTask;

namespace Serverless.Runtime.Execution;

/// <content>The actions the orchestration context asks for.</content>
internal sealed partial class OrchestrationExecutor
{
    private int _nextTaskId;

    /// <summary>Schedules an activity.</summary>
    internal Task<T> ScheduleActivity<T>(string name, object? input)
    {
        var serialized = SerializePayload(input, $"The input of activity '{name}'");
        var id = _nextTaskId++;
        var open = new OpenTask<T>(id, name, Converter);
        _openTasks.Add(id, open);
        _pendingActions.Add(id, new ScheduleTaskAction(id, name, serialized));
        return open.Task;
    }

    /// <summary>Starts a sub-orchestration.</summary>
    internal Task<T> ScheduleSubOrchestration<T>(TaskName name, string? version, string instanceId, object? input)
    {
        var serialized = SerializePayload(input, $"The input of sub-orchestration '{name.Name}'");
        var id = _nextTaskId++;
        var open = new OpenTask<T>(id, name.Name, Converter) { ChildInstanceId = instanceId };
        _openTasks.Add(id, open);
        _pendingActions.Add(id, new CreateSubOrchestrationAction(id, name.Name, string.IsNullOrEmpty(version) ? null : version, instanceId, serialized));
        return open.Task;
    }

    /// <summary>Creates a durable timer.</summary>
    internal Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var id = _nextTaskId++;
        var open = new OpenTask<object?>(id, "timer", Converter) { Since = _context.CurrentTime };
        _openTasks.Add(id, open);
        _pendingActions.Add(id, new CreateTimerAction(id, DateTime.SpecifyKind(fireAt, DateTimeKind.Utc)));
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (_openTasks.Remove(id))
                {
                    open.Cancel();
                }
            });
        }

        return open.Task;
    }

    /// <summary>Sends an event to another instance.</summary>
    internal void SendEvent(string instanceId, string eventName, object? payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var serialized = SerializePayload(payload, $"The payload of event '{eventName}'");
        var id = _nextTaskId++;
        _pendingActions.Add(id, new SendEventAction(id, instanceId, eventName, serialized));
    }

    /// <summary>Waits for an external event, taking a buffered one first.</summary>
    internal Task<T> WaitForEvent<T>(string eventName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var waiter = new EventWaiter<T>(eventName, Converter) { Since = _context.CurrentTime };
        var buffered = _bufferedEvents.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (buffered >= 0)
        {
            var raised = _bufferedEvents[buffered];
            _bufferedEvents.RemoveAt(buffered);
            waiter.Deliver(raised.Input);
            return waiter.Task;
        }

        if (!_waiters.TryGetValue(eventName, out var queue))
        {
            queue = new Queue<EventWaiter>();
            _waiters.Add(eventName, queue);
        }

        queue.Enqueue(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(waiter.Cancel);
        }

        return waiter.Task;
    }

    /// <summary>Sets the custom status.</summary>
    internal void SetCustomStatus(object? status)
    {
        var serialized = Converter.Serialize(status);
        Limits.CheckPayload(serialized, "The custom status");
        CustomStatus = serialized;
    }

    /// <summary>Asks for a restart with new input once the orchestrator returns.</summary>
    internal void RequestContinueAsNew(object? input, bool preserveUnprocessedEvents)
    {
        var serialized = SerializePayload(input, "The ContinueAsNew input");
        ContinueAsNewRequest = (serialized, preserveUnprocessedEvents);
    }

    private string? SerializePayload(object? payload, string what)
    {
        var serialized = Converter.Serialize(payload);
        Limits.CheckPayload(serialized, what);
        return serialized;
    }
}
