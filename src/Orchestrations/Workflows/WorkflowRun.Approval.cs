using System.Text.Json.Nodes;
using Serverless.Activities.Approvals;
using Serverless.Approvals;
using Serverless.Durable;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Model;

namespace Serverless.Orchestrations.Workflows;

internal sealed partial class WorkflowRun
{
    // One loop of "wait for a decision or the next timer": decisions by listed, distinct approvers count toward the
    // quorum; an escalation timer widens the approver list; the deadline applies onTimeout.
    private async Task<StepResult> RunApprovalAsync(ApprovalStep step, StepScope scope)
    {
        var request = Evaluate(step.Request, scope);
        var state = new ApprovalTally(step.Approvers, step.Quorum);
        var startedAt = Now;
        DateTime? deadline = step.Timeout is { } timeout ? startedAt.Add(timeout) : null;
        var level = 0;
        await RequestApprovalAsync(step, request, state, level, deadline);
        var eventName = ApprovalEvents.EventName(step.Id);
        while (true)
        {
            DateTime? escalateAt = level < step.Escalation.Count ? startedAt.Add(step.Escalation[level].After) : null;
            var wakeAt = Earliest(escalateAt, deadline);
            using var cancel = new CancellationTokenSource();
            var decisionTask = _context.WaitForExternalEvent<ApprovalDecision?>(eventName, cancel.Token);
            var timer = wakeAt is { } at ? _context.CreateTimer(at, cancel.Token) : null;
            var winner = timer is null ? decisionTask : await Task.WhenAny(decisionTask, timer);
            if (winner == decisionTask)
            {
                var decision = await decisionTask;
                cancel.Cancel();
                if (await RecordDecisionAsync(step, state, decision) is { } outcome)
                    return await CloseApprovalAsync(step, state, outcome, timedOut: false);
                continue;
            }

            cancel.Cancel();
            if (escalateAt is { } escalation && wakeAt == escalation && (deadline is null || escalation < deadline))
            {
                var next = step.Escalation[level++];
                state.Widen(next.Approvers);
                Emit(WorkflowEventTypes.ApprovalEscalated, step.Id, new JsonObject
                {
                    ["level"] = level,
                    ["added"] = new JsonArray([.. next.Approvers.Select(a => JsonValue.Create(a))]),
                });
                await RequestApprovalAsync(step, request, state, level, deadline);
                continue;
            }

            Emit(WorkflowEventTypes.ApprovalTimedOut, step.Id, new JsonObject { ["onTimeout"] = step.OnTimeout.ToString().ToLowerInvariant() });
            if (step.OnTimeout == ApprovalTimeoutAction.Fail)
            {
                await CloseInboxAsync(step, "timedOut");
                throw new StepFailedException(step.Id, $"no decision within {IsoDuration.Format(step.Timeout!.Value)}.", nameof(TimeoutException));
            }

            return await CloseApprovalAsync(step, state, step.OnTimeout == ApprovalTimeoutAction.Approve ? "approved" : "rejected", timedOut: true);
        }
    }

    // The event only signals that a decision may have been made: what counts is the decision the inbox recorded
    // (the decide route records before it raises), so a raw approval:<step> event cannot decide in anyone's name.
    private async Task<string?> RecordDecisionAsync(ApprovalStep step, ApprovalTally state, ApprovalDecision? signal)
    {
        if (signal is null || string.IsNullOrWhiteSpace(signal.Approver))
            return null;
        var reason = !state.IsAllowed(signal.Approver) ? "not a listed approver"
            : state.HasDecided(signal.Approver) ? "already decided"
            : null;
        var decision = reason is null
            ? await _context.CallActivityAsync<ApprovalDecision?>(ConfirmApprovalDecision.Name, new ConfirmDecisionInput(_context.InstanceId, step.Id, signal.Approver))
            : null;
        if (decision is null || !state.Record(decision))
        {
            Emit(WorkflowEventTypes.ApprovalIgnored, step.Id, new JsonObject
            {
                ["approver"] = signal.Approver,
                ["reason"] = reason ?? "not recorded in the approvals inbox (decide through POST /api/approvals/{instanceId}/{stepId})",
            });
            return null;
        }

        Emit(WorkflowEventTypes.ApprovalDecided, step.Id, new JsonObject
        {
            ["approver"] = decision.Approver,
            ["approved"] = decision.Approved,
            ["comment"] = decision.Comment,
            ["decidedAt"] = decision.DecidedAt is { } decidedAt ? UtcTimeText.Write(decidedAt) : null,
        });
        return state.Outcome;
    }

    private async Task RequestApprovalAsync(ApprovalStep step, JsonNode? request, ApprovalTally state, int level, DateTime? deadline)
    {
        Emit(WorkflowEventTypes.ApprovalRequested, step.Id, new JsonObject
        {
            ["approvers"] = new JsonArray([.. state.Allowed.Select(a => JsonValue.Create(a))]),
            ["quorum"] = step.Quorum,
            ["level"] = level,
            ["dueAt"] = deadline is { } dueAt ? UtcTimeText.Write(dueAt) : null,
        });
        await FlushEventsAsync();
        await _context.CallActivityAsync<ApprovalRecord>(RequestApproval.Name, new ApprovalRequest
        {
            InstanceId = _context.InstanceId,
            StepId = step.Id,
            Workflow = Definition.Name,
            Title = (request as JsonObject)?["subject"] is JsonValue subject && subject.TryGetValue<string>(out var title) ? title : step.Description ?? step.Id,
            Approvers = [.. state.Allowed],
            Quorum = step.Quorum,
            Level = level,
            RequestedAt = new DateTimeOffset(Now),
            DueAt = deadline is { } due ? new DateTimeOffset(due) : null,
            DetailsJson = request?.ToJsonString(),
        });
    }

    private async Task<StepResult> CloseApprovalAsync(ApprovalStep step, ApprovalTally state, string outcome, bool timedOut)
    {
        var decidedBy = outcome == "approved" ? state.Approvals : state.Rejections;
        Emit(outcome == "approved" ? WorkflowEventTypes.ApprovalGranted : WorkflowEventTypes.ApprovalRejected, step.Id, new JsonObject
        {
            ["decidedBy"] = new JsonArray([.. decidedBy.Select(a => JsonValue.Create(a))]),
            ["timedOut"] = timedOut,
        });
        await CloseInboxAsync(step, outcome);
        return new StepResult(new JsonObject
        {
            ["decision"] = outcome,
            ["decidedBy"] = new JsonArray([.. (timedOut ? [] : decidedBy).Select(a => JsonValue.Create(a))]),
            ["timedOut"] = timedOut,
        });
    }

    private Task CloseInboxAsync(ApprovalStep step, string outcome) =>
        _context.CallActivityAsync<bool>(CloseApproval.Name, new CloseApprovalInput(_context.InstanceId, step.Id, outcome));

    private static DateTime? Earliest(DateTime? a, DateTime? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        _ => a < b ? a : b,
    };
}
