using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Serverless.Activities.General;
using Serverless.Activities.Workflows;

namespace Serverless.Orchestrations.Workflows;

internal sealed partial class WorkflowRun
{
    // Audit writes are retried by the runtime; the trail's content-derived row keys make a retry a no-op.
    private static readonly TaskOptions AuditRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2.0));

    private readonly List<WorkflowEvent> _pendingEvents = [];
    private Task _eventsWritten = Task.CompletedTask;
    private long _nextSequence;

    /// <summary>Records a domain event (numbered, replay-safe time); written in batches.</summary>
    private void Emit(string type, string? step, JsonObject? details)
    {
        Measure(type, step);
        _pendingEvents.Add(new WorkflowEvent(_nextSequence++, type, new DateTimeOffset(Now), step, details));
        if (_pendingEvents.Count >= _options.AuditBatchSize)
            StartWritingEvents();
    }

    /// <summary>
    /// The <c>audit</c> activity appends to the trail itself; what happened before it (<c>WorkflowStarted</c>, the
    /// step's <c>StepScheduled</c>) is written first, so sequence numbers follow cause and effect.
    /// </summary>
    private Task FlushBeforeAuditAsync(string activity) =>
        string.Equals(activity, RecordAudit.Name, StringComparison.Ordinal) ? FlushEventsAsync() : Task.CompletedTask;

    /// <summary>Writes every pending event and waits until all earlier batches are written too.</summary>
    private Task FlushEventsAsync()
    {
        StartWritingEvents();
        return _eventsWritten;
    }

    // Batches are chained so they reach the trail in sequence order, one activity call at a time.
    private void StartWritingEvents()
    {
        if (_pendingEvents.Count == 0)
            return;
        if (!_options.AuditEnabled)
        {
            _pendingEvents.Clear();
            return;
        }

        var batch = new WorkflowEventBatch(
            _context.InstanceId, Definition.Name, Definition.Version, _input.StartedBy ?? "system", _input.CorrelationId, [.. _pendingEvents]);
        _pendingEvents.Clear();
        _eventsWritten = WriteAfterAsync(_eventsWritten, batch);
    }

    private async Task WriteAfterAsync(Task previous, WorkflowEventBatch batch)
    {
        await previous;
        await _context.CallActivityAsync<int>(RecordWorkflowEventsActivity.Name, batch, AuditRetry);
    }
}
