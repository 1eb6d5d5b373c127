using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Durable;
using Serverless.Runtime.History;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Execution;

/// <content>Running one episode over new events and turning its actions into history and work.</content>
internal sealed partial class OrchestrationExecutor
{
    /// <summary>
    /// Feeds the new events to the orchestrator (not replaying) and collects what it asked for.
    /// The executor's state moves forward; if the commit fails, the executor must be discarded.
    /// </summary>
    public EpisodeResult RunEpisode(IReadOnlyList<HistoryEvent> newEvents, DateTime now)
    {
        _context.Replaying = false;
        _observations.Clear();
        var history = new List<HistoryEvent>(newEvents.Count + 4);
        Record(history, new OrchestratorStarted(now));
        foreach (var historyEvent in newEvents)
        {
            Record(history, historyEvent);
        }

        var activities = new List<NewActivity>();
        var messages = new List<InstanceMessage>();
        var children = new List<NewInstance>();
        if (Outcome is { Status: OrchestrationRuntimeStatus.Terminated } terminated)
        {
            // Work asked for in the episode that terminated is dropped; running children stop too when asked.
            _pendingActions.Clear();
            if (TerminateRecursively)
            {
                messages.AddRange(OpenChildInstanceIds.Select(child =>
                    new InstanceMessage(0, child, null, new ExecutionTerminated(now, Converter.Serialize("The parent orchestration was terminated."), Recursive: true), now)));
            }

            history.Add(new ExecutionCompleted(now, terminated.Status, terminated.Output, null));
            AddParentNotification(messages, now);
            return Result(history, activities, messages, children);
        }

        if (_pendingActions.Count > Limits.MaxActionsPerEpisode)
        {
            Outcome = ExecutionOutcome.Failed(new DurableLimitExceededException(
                nameof(RuntimeLimits.MaxActionsPerEpisode), _pendingActions.Count, Limits.MaxActionsPerEpisode, "The number of actions in one episode"));
            _pendingActions.Clear();
        }

        foreach (var action in _pendingActions.Values)
        {
            history.Add(action.ToHistoryEvent(now));
            AddSideEffect(action, now, activities, messages, children);
        }

        _pendingActions.Clear();
        if (Outcome is null && _historyCount + history.Count > Limits.MaxHistoryEvents)
        {
            Outcome = ExecutionOutcome.Failed(new DurableLimitExceededException(
                nameof(RuntimeLimits.MaxHistoryEvents), _historyCount + history.Count, Limits.MaxHistoryEvents, "The history of this execution"));
        }

        if (Outcome is { } outcome)
        {
            history.Add(new ExecutionCompleted(now, outcome.Status, outcome.Status == RuntimeStatus.ContinuedAsNew ? null : outcome.Output, outcome.Failure));
            if (outcome.Status != RuntimeStatus.ContinuedAsNew)
            {
                AddParentNotification(messages, now);
            }
        }

        _historyCount += history.Count;
        return Result(history, activities, messages, children);
    }

    /// <summary>Events raised but never awaited, to carry into the next execution on ContinueAsNew.</summary>
    internal IReadOnlyList<EventRaised> UnprocessedEvents => _bufferedEvents;

    /// <summary>Instance ids of sub-orchestrations still running, for recursive terminate.</summary>
    internal IEnumerable<string> OpenChildInstanceIds =>
        _openTasks.Values.Where(t => t.ChildInstanceId is not null).Select(t => t.ChildInstanceId!);

    private void Record(List<HistoryEvent> history, HistoryEvent historyEvent)
    {
        history.Add(historyEvent);
        Apply(historyEvent, _historyCount + history.Count - 1);
    }

    private EpisodeResult Result(List<HistoryEvent> history, List<NewActivity> activities, List<InstanceMessage> messages, List<NewInstance> children) => new()
    {
        NewHistory = history,
        Activities = activities,
        Messages = messages,
        NewInstances = children,
        Outcome = Outcome,
        Status = Outcome?.Status ?? (IsSuspended ? OrchestrationRuntimeStatus.Suspended : OrchestrationRuntimeStatus.Running),
        CustomStatus = CustomStatus,
        Observations = _observations.Count == 0 ? [] : [.. _observations],
    };

    private void AddSideEffect(OrchestratorAction action, DateTime now, List<NewActivity> activities, List<InstanceMessage> messages, List<NewInstance> children)
    {
        switch (action)
        {
            case ScheduleTaskAction task:
                activities.Add(new NewActivity(task.TaskId, task.Name, task.Input, Trace?.TraceParent));
                break;
            case CreateTimerAction timer:
                var due = new DateTimeOffset(timer.FireAt, TimeSpan.Zero);
                messages.Add(new InstanceMessage(0, InstanceId, ExecutionId, new TimerFired(timer.FireAt, timer.TaskId, timer.FireAt), due));
                break;
            case SendEventAction send:
                messages.Add(new InstanceMessage(0, send.InstanceId, null, new EventRaised(now, send.Name, send.Input), now));
                break;
            case CreateSubOrchestrationAction sub:
                children.Add(NewChild(sub, now));
                break;
        }
    }

    private NewInstance NewChild(CreateSubOrchestrationAction sub, DateTime now)
    {
        var executionId = _context.NewGuid().ToString("N");
        var parent = new ParentLink(InstanceId, _context.Name.Name, ExecutionId, sub.TaskId);
        var record = new InstanceRecord
        {
            InstanceId = sub.InstanceId,
            Name = sub.Name,
            Version = sub.Version,
            ExecutionId = executionId,
            Status = OrchestrationRuntimeStatus.Pending,
            CreatedAt = now,
            LastUpdatedAt = now,
            Input = sub.Input,
            Parent = parent,
        };
        var started = new ExecutionStarted(
            now, sub.Name, sub.Version, sub.Input, executionId, new ParentOrchestrationInstance(_context.Name, InstanceId), Trace: Trace?.ForChild());
        return new NewInstance(record, new InstanceMessage(0, sub.InstanceId, executionId, started, now));
    }

    private void AddParentNotification(List<InstanceMessage> messages, DateTime now)
    {
        if (ParentLink is not { } parent || Outcome is not { } outcome)
        {
            return;
        }

        var result = outcome.Status == OrchestrationRuntimeStatus.Completed
            ? (HistoryEvent)new SubOrchestrationCompleted(now, parent.TaskId, outcome.Output)
            : new SubOrchestrationFailed(now, parent.TaskId, outcome.Failure ?? new TaskFailureDetails(
                "Serverless.Runtime.OrchestrationTerminatedException", $"Sub-orchestration '{InstanceId}' was terminated: {outcome.Output}", null, null, null));
        messages.Add(new InstanceMessage(0, parent.InstanceId, parent.ExecutionId, result, now));
    }

    /// <summary>Where to report the outcome, when this is a sub-orchestration.</summary>
    internal ParentLink? ParentLink { get; set; }
}
