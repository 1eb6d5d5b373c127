using Microsoft.DurableTask.Client;
using Serverless.Runtime.History;
using Serverless.Runtime.Telemetry;

namespace Serverless.Runtime.Execution;

/// <content>Starting the orchestrator and delivering results and events to what it awaits.</content>
internal sealed partial class OrchestrationExecutor
{
    private void Start(ExecutionStarted started)
    {
        if (_started)
        {
            return;
        }

        _started = true;
        SerializedInput = started.Input;
        Parent = started.Parent;
        Trace = started.Trace;
        Tags = started.Tags;
        StartedAt = started.Timestamp;
        _context.VersionValue = started.Version ?? string.Empty;
        
        _sync.Run(() => _orchestratorTask = InvokeOrchestrator(started.Input));
        CheckCompletion();
    }

    private Task<object?> InvokeOrchestrator(string? serializedInput)
    {
        try
        {
            var input = Converter.Deserialize(serializedInput, _orchestrator.InputType);
            return _orchestrator.RunAsync(_context, input);
        }
        catch (Exception ex)
        {
            return Task.FromException<object?>(ex);
        }
    }

    private void Deliver(HistoryEvent historyEvent)
    {
        if (Outcome is not null)
        {
            // Events after the orchestrator returned are kept for ContinueAsNew to carry over.
            if (historyEvent is EventRaised late)
            {
                _bufferedEvents.Add(late);
            }

            return;
        }

        switch (historyEvent)
        {
            case TaskCompleted c:
                CompleteOpenTask(c.TaskScheduledId, t => t.Complete(c.Result));
                break;
            case TaskFailed f:
                CompleteOpenTask(f.TaskScheduledId, t => t.Fail(f.FailureDetails));
                break;
            case SubOrchestrationCompleted c:
                CompleteOpenTask(c.TaskScheduledId, t => t.Complete(c.Result));
                break;
            case SubOrchestrationFailed f:
                CompleteOpenTask(f.TaskScheduledId, t => t.Fail(f.FailureDetails));
                break;
            case TimerFired fired:
                if (!_context.Replaying && _openTasks.TryGetValue(fired.TimerId, out var timer))
                {
                    _observations.Add(new TimerObservation(fired.TimerId, timer.Since, _context.CurrentTime, fired.FireAt));
                }

                CompleteOpenTask(fired.TimerId, t => t.Complete(null));
                break;
            case EventRaised raised:
                DeliverEvent(raised);
                break;
        }

        CheckCompletion();
    }

    private void CompleteOpenTask(int taskId, Action<OpenTask> complete)
    {
        // A result for a task nobody awaits (a cancelled timer, a stale retry) is recorded and ignored.
        if (_openTasks.Remove(taskId, out var task))
        {
            _sync.Run(() => complete(task));
        }
    }

    private void DeliverEvent(EventRaised raised)
    {
        if (_waiters.TryGetValue(raised.Name, out var queue))
        {
            while (queue.TryDequeue(out var waiter))
            {
                if (!waiter.IsDone)
                {
                    if (!_context.Replaying)
                    {
                        _observations.Add(new EventWaitObservation(raised.Name, waiter.Since, _context.CurrentTime));
                    }

                    _sync.Run(() => waiter.Deliver(raised.Input));
                    return;
                }
            }
        }

        _bufferedEvents.Add(raised);
    }

    private void CheckCompletion()
    {
        if (Outcome is not null || _orchestratorTask is not { IsCompleted: true } task)
        {
            return;
        }

        if (task.IsCompletedSuccessfully)
        {
            if (ContinueAsNewRequest is { } request)
            {
                Outcome = new ExecutionOutcome(RuntimeStatus.ContinuedAsNew, request.Input, null);
                return;
            }

            string? output;
            try
            {
                output = Converter.Serialize(task.Result);
                Limits.CheckPayload(output, "The orchestration output");
            }
            catch (Exception ex)
            {
                Outcome = ExecutionOutcome.Failed(ex);
                return;
            }

            Outcome = new ExecutionOutcome(OrchestrationRuntimeStatus.Completed, output, null);
            return;
        }

        var exception = task.Exception?.InnerExceptions.Count == 1 ? task.Exception.InnerException! : (Exception?)task.Exception
            ?? new TaskCanceledException("The orchestrator was cancelled.");
        Outcome = ExecutionOutcome.Failed(exception);
    }
}
