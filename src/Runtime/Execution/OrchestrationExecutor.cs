using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Serverless.Runtime.History;
using Serverless.Runtime.Telemetry;

namespace Serverless.Runtime.Execution;

/// <summary>
/// Runs one execution of one orchestration instance. It is built by replaying the stored history
/// (<see cref="Replay"/>) and then fed new events one episode at a time (<see cref="RunEpisode"/>);
/// kept in a cache, it skips replay entirely on the next episode. All orchestrator code runs on
/// <see cref="ReplaySynchronizationContext"/>, a single logical thread.
/// </summary>
internal sealed partial class OrchestrationExecutor
{
    private readonly ReplaySynchronizationContext _sync = new();
    private readonly ITaskOrchestrator _orchestrator;
    private readonly Dictionary<int, OpenTask> _openTasks = [];
    private readonly SortedDictionary<int, OrchestratorAction> _pendingActions = [];
    private readonly Dictionary<string, Queue<EventWaiter>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EventRaised> _bufferedEvents = [];
    private readonly List<HistoryEvent> _deferredWhileSuspended = [];
    private readonly List<EpisodeObservation> _observations = [];
    private readonly RuntimeOrchestrationContext _context;
    private Task<object?>? _orchestratorTask;
    private int _historyCount;
    private bool _started;

    public OrchestrationExecutor(
        string instanceId, string executionId, TaskName name, string? version, ITaskOrchestrator orchestrator,
        DataConverter converter, RuntimeLimits limits, ILoggerFactory loggerFactory)
    {
        InstanceId = instanceId;
        ExecutionId = executionId;
        _orchestrator = orchestrator;
        Converter = converter;
        Limits = limits;
        _context = new RuntimeOrchestrationContext(this, name, loggerFactory) { VersionValue = version ?? string.Empty };
    }

    /// <summary>The instance id.</summary>
    public string InstanceId { get; }

    /// <summary>The execution this executor runs.</summary>
    public string ExecutionId { get; }

    /// <summary>The payload converter.</summary>
    public DataConverter Converter { get; }

    /// <summary>The limits checked on payloads and history.</summary>
    public RuntimeLimits Limits { get; }

    /// <summary>How many history events the execution holds.</summary>
    public int HistoryCount => _historyCount;

    /// <summary>Set once the execution has ended.</summary>
    public ExecutionOutcome? Outcome { get; private set; }

    /// <summary>True while a suspend request holds the instance.</summary>
    public bool IsSuspended { get; private set; }

    /// <summary>True when a recursive terminate ended the execution.</summary>
    public bool TerminateRecursively { get; private set; }

    /// <summary>The serialized custom status.</summary>
    public string? CustomStatus { get; private set; }

    /// <summary>ContinueAsNew arguments, when the orchestrator asked for it.</summary>
    internal (string? Input, bool PreserveEvents)? ContinueAsNewRequest { get; set; }

    /// <summary>The parent, when this is a sub-orchestration.</summary>
    internal ParentOrchestrationInstance? Parent { get; private set; }

    /// <summary>The execution's trace identity, from its ExecutionStarted event (null when not traced).</summary>
    internal OrchestrationTrace? Trace { get; private set; }

    /// <summary>The start options' tags, from its ExecutionStarted event.</summary>
    internal IReadOnlyDictionary<string, string>? Tags { get; private set; }

    /// <summary>When the execution started (its ExecutionStarted timestamp).</summary>
    internal DateTime StartedAt { get; private set; }

    /// <summary>The serialized input of this execution.</summary>
    internal string? SerializedInput { get; private set; }

    /// <summary>Replays the stored history; the orchestrator must issue exactly the actions it records.</summary>
    /// <exception cref="NonDeterministicOrchestrationException">Replay diverged from history.</exception>
    public void Replay(IReadOnlyList<HistoryEvent> history)
    {
        _context.Replaying = true;
        for (var position = 0; position < history.Count; position++)
        {
            Apply(history[position], position);
        }

        _historyCount = history.Count;
        if (_pendingActions.Count > 0)
        {
            var first = _pendingActions.Values.First();
            throw new NonDeterministicOrchestrationException(InstanceId, history.Count, "no further action", first.Describe());
        }
    }

    private void Apply(HistoryEvent historyEvent, int position)
    {
        switch (historyEvent)
        {
            case OrchestratorStarted started:
                _context.CurrentTime = started.Timestamp;
                break;
            case ExecutionStarted started:
                Start(started);
                break;
            case TaskScheduled or TimerCreated or SubOrchestrationCreated or EventSent:
                MatchRecordedAction(historyEvent, position);
                break;
            case ExecutionSuspended:
                IsSuspended = true;
                break;
            case ExecutionResumed:
                IsSuspended = false;
                foreach (var deferred in _deferredWhileSuspended.ToList())
                {
                    Deliver(deferred);
                }

                _deferredWhileSuspended.Clear();
                break;
            case ExecutionTerminated terminated:
                if (Outcome is null)
                {
                    Outcome = new ExecutionOutcome(OrchestrationRuntimeStatus.Terminated, terminated.Output, null);
                    TerminateRecursively = terminated.Recursive;
                }

                break;
            case ExecutionCompleted or ContinuedAsNew:
                break;
            default:
                if (IsSuspended)
                {
                    _deferredWhileSuspended.Add(historyEvent);
                }
                else
                {
                    Deliver(historyEvent);
                }

                break;
        }
    }

    private void MatchRecordedAction(HistoryEvent recorded, int position)
    {
        if (!_pendingActions.Remove(recorded.EventId, out var action))
        {
            var issued = _pendingActions.Count == 0 ? "issued no action there" : _pendingActions.Values.First().Describe();
            throw new NonDeterministicOrchestrationException(InstanceId, position, Describe(recorded), issued);
        }

        if (!action.Matches(recorded))
        {
            throw new NonDeterministicOrchestrationException(InstanceId, position, Describe(recorded), action.Describe());
        }
    }

    private static string Describe(HistoryEvent recorded) => recorded switch
    {
        TaskScheduled t => $"TaskScheduled '{t.Name}' (task #{t.EventId})",
        TimerCreated t => $"TimerCreated for {t.FireAt:O} (task #{t.EventId})",
        SubOrchestrationCreated s => $"SubOrchestrationCreated '{s.Name}' (task #{s.EventId})",
        EventSent e => $"EventSent '{e.Name}' to '{e.InstanceId}' (task #{e.EventId})",
        _ => recorded.EventType,
    };
}
