using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Durable;
using Serverless.Runtime.Execution;
using Serverless.Runtime.History;
using Serverless.Runtime.Storage;
using Serverless.Runtime.Telemetry;

namespace Serverless.Runtime.Dispatch;

/// <content>Turning an episode into a commit, and handing out its work after the commit.</content>
internal sealed partial class OrchestrationDispatcher
{
    private async Task<PlannedCommit?> BuildCommitAsync(
        CachedInstance cached, IReadOnlyList<InstanceMessage> messages, DateTimeOffset now, CancellationToken stopping)
    {
        var record = cached.Record;
        var consumed = messages.Select(m => m.Id).ToList();
        if (messages.Any(m => m.Event is ExecutionStarted && m.ExecutionId != record.ExecutionId))
        {
            // The instance was re-created (restart, or a finished id reused) since it was cached.
            record = await _store.GetInstanceAsync(record.InstanceId, stopping) ?? record;
            cached = new CachedInstance(record, null);
        }

        if (record.Status.IsTerminal())
        {
            // Late results and events for a finished instance are consumed and dropped.
            return new PlannedCommit(BaseCommit(record, now) with { ConsumedMessageIds = consumed }, cached, record.Status);
        }

        var current = messages.Where(m => m.ExecutionId is null || m.ExecutionId == record.ExecutionId).ToList();
        var executor = cached.Executor;
        if (executor is null)
        {
            IReadOnlyList<HistoryEvent> history = cached.HistoryIsEmpty ? [] : await _store.GetHistoryAsync(record.InstanceId, stopping);
            if (history.Count == 0 && !current.Any(m => m.Event is ExecutionStarted))
            {
                return null;
            }

            var orchestrator = _registry.CreateOrchestrator(record.Name, _services);
            if (orchestrator is null)
            {
                return Fail(record, current, consumed, now, new InvalidOperationException($"No orchestrator named '{record.Name}' is registered."));
            }

            executor = new OrchestrationExecutor(
                record.InstanceId, record.ExecutionId, new TaskName(record.Name), record.Version, orchestrator,
                _options.DataConverter, _options.Limits, _options.LoggerFactory) { ParentLink = record.Parent };
            try
            {
                executor.Replay(history);
            }
            catch (NonDeterministicOrchestrationException ex)
            {
                return Fail(record, current, consumed, now, ex, history);
            }
        }

        var events = current.Where(m => m.Event is ExecutionStarted).Take(1)
            .Concat(current.Where(m => m.Event is not ExecutionStarted))
            .Select(m => m.Event)
            .ToList();
        var episode = executor.RunEpisode(events, now.UtcDateTime);
        var telemetry = new EpisodeTelemetry(
            executor.Trace, executor.StartedAt, IsNewInstance(record, events), episode.Observations, episode.Outcome) { Tags = executor.Tags };
        return Plan(record, executor, episode, consumed, now) with { Telemetry = telemetry };
    }

    private static bool IsNewInstance(InstanceRecord record, IEnumerable<HistoryEvent> events) =>
        record.Status != RuntimeStatus.ContinuedAsNew && events.Any(e => e is ExecutionStarted);

    private PlannedCommit Plan(InstanceRecord record, OrchestrationExecutor executor, EpisodeResult episode, List<long> consumed, DateTimeOffset now)
    {
        var updated = record with
        {
            Status = episode.Status,
            LastUpdatedAt = now,
            CustomStatus = episode.CustomStatus,
            Input = executor.SerializedInput ?? record.Input,
        };
        var commit = BaseCommit(updated, now) with
        {
            NewHistory = episode.NewHistory,
            ConsumedMessageIds = consumed,
            NewActivities = episode.Activities,
            NewMessages = episode.Messages,
            NewInstances = episode.NewInstances,
        };

        switch (episode.Outcome)
        {
            case null:
                return new PlannedCommit(commit, new CachedInstance(updated, executor), episode.Status);
            case { Status: RuntimeStatus.ContinuedAsNew } restart:
                return PlanContinueAsNew(commit, executor, restart, now);
            case { } outcome:
                updated = updated with { Output = outcome.Output, FailureDetails = outcome.Failure, CompletedAt = now };
                if (outcome.Failure is not null)
                {
                    Log.InstanceFailed(_logger, record.InstanceId, outcome.Failure.ErrorMessage);
                }

                return new PlannedCommit(commit with { Instance = updated }, new CachedInstance(updated, null), outcome.Status);
        }
    }

    private PlannedCommit PlanContinueAsNew(OrchestrationCommit commit, OrchestrationExecutor executor, ExecutionOutcome restart, DateTimeOffset now)
    {
        var old = commit.Instance;
        var executionId = Guid.NewGuid().ToString("N");
        var parent = old.Parent is { } link ? new ParentOrchestrationInstance(link.Name, link.InstanceId) : null;
        var started = new ExecutionStarted(
            now.UtcDateTime, old.Name, old.Version, restart.Output, executionId, parent, Trace: executor.Trace?.ForNextExecution(), Tags: executor.Tags);
        var carried = executor.ContinueAsNewRequest is { PreserveEvents: true }
            ? executor.UnprocessedEvents.Select(e => new InstanceMessage(0, old.InstanceId, executionId, e, now))
            : [];
        var renewed = old with { ExecutionId = executionId, Input = restart.Output, Output = null, FailureDetails = null, Status = RuntimeStatus.ContinuedAsNew };
        var messages = commit.NewMessages.Where(m => m.InstanceId != old.InstanceId)
            .Append(new InstanceMessage(0, old.InstanceId, executionId, started, now))
            .Concat(carried)
            .ToList();
        var next = commit with { Instance = renewed, ResetHistory = true, NewHistory = [], NewMessages = messages };
        return new PlannedCommit(next, new CachedInstance(renewed, null, HistoryIsEmpty: true), renewed.Status);
    }

    private PlannedCommit Fail(
        InstanceRecord record, List<InstanceMessage> current, List<long> consumed, DateTimeOffset now, Exception error, IEnumerable<HistoryEvent>? stored = null)
    {
        Log.InstanceFailed(_logger, record.InstanceId, error.Message);
        var failure = FailureDetails.From(error);
        var history = new List<HistoryEvent> { new OrchestratorStarted(now.UtcDateTime) };
        history.AddRange(current.Select(m => m.Event));
        history.Add(new ExecutionCompleted(now.UtcDateTime, OrchestrationRuntimeStatus.Failed, null, failure));
        var failed = record with { Status = OrchestrationRuntimeStatus.Failed, FailureDetails = failure, LastUpdatedAt = now, CompletedAt = now };
        var messages = record.Parent is { } parent
            ? [new InstanceMessage(0, parent.InstanceId, parent.ExecutionId, new SubOrchestrationFailed(now.UtcDateTime, parent.TaskId, failure), now)]
            : new List<InstanceMessage>();
        var commit = BaseCommit(failed, now) with { NewHistory = history, ConsumedMessageIds = consumed, NewMessages = messages };
        var started = (stored ?? []).Concat(current.Select(m => m.Event)).OfType<ExecutionStarted>().FirstOrDefault();
        var telemetry = new EpisodeTelemetry(
            started?.Trace, started?.Timestamp ?? record.CreatedAt.UtcDateTime, IsNewInstance(record, current.Select(m => m.Event)), [],
            new ExecutionOutcome(OrchestrationRuntimeStatus.Failed, null, failure)) { Tags = started?.Tags };
        return new PlannedCommit(commit, new CachedInstance(failed, null), failed.Status) { Telemetry = telemetry };
    }

    private OrchestrationCommit BaseCommit(InstanceRecord record, DateTimeOffset now) => new()
    {
        Owner = _options.WorkerId,
        Instance = record,
        LeaseUntil = now + _options.LeaseDuration,
    };

    private void AfterCommit(PlannedCommit plan, CommitResult result, DateTimeOffset now)
    {
        PutBack(plan.Next);
        if (result.Activities.Count > 0)
        {
            ScheduleActivities(result.Activities);
        }

        foreach (var message in result.Messages)
        {
            Deliver(message);
        }

        foreach (var child in plan.Commit.NewInstances.Except(result.RejectedInstances))
        {
            // Its start message id is not returned: its first episode reads the store.
            Adopt(child.Instance);
            SignalFromStore(child.Instance.InstanceId);
        }

        foreach (var rejected in result.RejectedInstances)
        {
            RejectChild(plan.Commit.Instance, rejected, now);
        }

        // Reported before waiters wake, so whoever waits for the outcome also finds its span and counts.
        Report(plan.Commit.Instance, plan.Telemetry, now);
        _watchers.Notify(plan.Commit.Instance.InstanceId, plan.Commit.Instance.Status);
    }

    private void RejectChild(InstanceRecord parent, NewInstance rejected, DateTimeOffset now)
    {
        var childId = rejected.Instance.InstanceId;
        Log.ChildRejected(_logger, parent.InstanceId, childId);
        var failure = new TaskFailureDetails(
            typeof(OrchestrationAlreadyExistsException).FullName!, $"An active orchestration instance with id '{childId}' already exists.", null, null, null);
        var message = new InstanceMessage(0, parent.InstanceId, parent.ExecutionId, new SubOrchestrationFailed(now.UtcDateTime, rejected.Instance.Parent!.TaskId, failure), now);
        _ = EnqueueAndSignalAsync(message);
    }

    private async Task EnqueueAndSignalAsync(InstanceMessage message)
    {
        try
        {
            Deliver(await _store.EnqueueMessageAsync(message, requireActive: false, CancellationToken.None));
        }
        catch (Exception ex) when (ex is OrchestrationNotFoundException or ObjectDisposedException)
        {
            Log.EpisodeFailed(_logger, message.InstanceId, ex);
        }
    }

    /// <summary>
    /// Takes on an instance this process just created, leased to itself: the first episode then needs no
    /// lease write and no reads of the row or the (empty) history.
    /// </summary>
    public void Adopt(InstanceRecord created)
    {
        _cache.Take(created.InstanceId);
        PutBack(new CachedInstance(created, null, HistoryIsEmpty: true));
    }

    private sealed record PlannedCommit(OrchestrationCommit Commit, CachedInstance Next, OrchestrationRuntimeStatus Status)
    {
        /// <summary>What to report once the commit succeeded.</summary>
        public EpisodeTelemetry? Telemetry { get; init; }
    }
}
