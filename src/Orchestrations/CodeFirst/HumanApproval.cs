using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Serverless.Activities.Approvals;
using Serverless.Activities.General;
using Serverless.Approvals;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>
/// A human approval with an escalation chain. Each level is recorded in the approvals inbox
/// (<c>RequestApproval</c>), its approvers are notified, and the orchestration races a durable timer against the
/// decisions arriving as <c>approval:&lt;step&gt;</c>. A quorum of distinct listed approvers approves; any listed
/// rejection rejects at once; decisions by anyone not listed at the current level are ignored. A timeout escalates to
/// the next level, and at the last level decides by <see cref="HumanApprovalInput.OnTimeout"/>. The request is
/// closed in the inbox (<c>CloseApproval</c>), and only an approval runs <see cref="HumanApprovalInput.OnApproved"/>.
/// </summary>
public sealed class HumanApproval : TaskOrchestrator<HumanApprovalInput, HumanApprovalOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = nameof(HumanApproval);

    /// <inheritdoc />
    public override async Task<HumanApprovalOutput> RunAsync(TaskOrchestrationContext context, HumanApprovalInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        Validate(input);
        var tally = new Tally();
        var level = 0;
        string? decision;
        while (true)
        {
            var current = input.Levels[level];
            var dueAt = context.CurrentUtcDateTime.Add(current.Timeout);
            await RequestAsync(context, input, level, dueAt);
            context.SetCustomStatus(new OrchestrationProgress("waiting", input.StepId, level, input.Levels.Count));
            decision = await WaitForLevelAsync(context, input.StepId, current, dueAt, tally);
            if (decision is not null || level == input.Levels.Count - 1)
            {
                break;
            }

            level++;
        }

        var timedOut = decision is null;
        decision ??= input.OnTimeout == ApprovalTimeoutOutcome.Approve ? "approved" : "rejected";
        await context.CallActivityAsync<bool>(CloseApproval.Name, new CloseApprovalInput(context.InstanceId, input.StepId, timedOut ? "timedOut" : decision));

        JsonNode? onApproved = null;
        StepError? onApprovedError = null;
        if (decision == "approved" && input.OnApproved is { } next)
        {
            context.SetCustomStatus(new OrchestrationProgress("running", next.Activity, input.Levels.Count, input.Levels.Count));
            try
            {
                onApproved = await context.CallActivityAsync<JsonNode?>(next.Activity, TemplateInputs.Evaluate(context, next.Input, input.Details), next.Retry?.ToTaskOptions());
            }
            catch (Exception e) when (e is TaskFailedException or ArgumentException)
            {
                onApprovedError = StepError.From(e);
            }
        }

        context.SetCustomStatus(new OrchestrationProgress(onApprovedError is null ? decision : "failed", input.StepId, input.Levels.Count, input.Levels.Count));
        return new HumanApprovalOutput(decision, timedOut, level, tally.Counted.Select(d => d.Approver).ToList(), tally.Counted, tally.Ignored, onApproved, onApprovedError);
    }

    /// <summary>Records the level in the inbox (escalating the pending request) and notifies its approvers.</summary>
    private static async Task RequestAsync(TaskOrchestrationContext context, HumanApprovalInput input, int level, DateTime dueAt)
    {
        var current = input.Levels[level];
        await context.CallActivityAsync<ApprovalRecord>(RequestApproval.Name, new ApprovalRequest
        {
            InstanceId = context.InstanceId,
            StepId = input.StepId,
            Workflow = Name,
            Title = input.Title,
            Approvers = current.Approvers,
            Quorum = current.Quorum,
            Level = level,
            RequestedAt = Utc(context.CurrentUtcDateTime),
            DueAt = Utc(dueAt),
            DetailsJson = input.Details?.ToJsonString(),
        });
        if (input.NotifyApprovers)
        {
            await Task.WhenAll(current.Approvers.Distinct(StringComparer.OrdinalIgnoreCase).Select(approver =>
                context.CallActivityAsync<NotifyOutput>(Notify.Name, new NotifyInput
                {
                    To = approver,
                    Subject = $"Approval needed: {input.Title}",
                    Body = $"Instance {context.InstanceId} waits for your decision on '{input.StepId}' until {Utc(dueAt):u}.",
                    IdempotencyKey = $"{input.StepId}:{level}:{approver}",
                })));
        }
    }

    /// <summary>Collects decisions for one level until quorum, a rejection, or the level's timer.</summary>
    /// <returns><c>approved</c>, <c>rejected</c>, or null when the timer fired first.</returns>
    private static async Task<string?> WaitForLevelAsync(TaskOrchestrationContext context, string stepId, ApprovalLevel level, DateTime dueAt, Tally tally)
    {
        using var timerCancel = new CancellationTokenSource();
        var timer = context.CreateTimer(dueAt, timerCancel.Token);
        var decided = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var approvals = 0;
        while (true)
        {
            using var eventCancel = new CancellationTokenSource();
            var next = context.WaitForExternalEvent<ApprovalDecision>(ApprovalEvents.EventName(stepId), eventCancel.Token);
            if (await Task.WhenAny(next, timer) == timer)
            {
                // Cancel the waiter so the next level's waiter, not this abandoned one, receives later decisions.
                eventCancel.Cancel();
                return null;
            }

            ApprovalDecision? decision;
            try
            {
                decision = await next;
            }
            catch (InvalidOperationException)
            {
                decision = null;
            }

            var approver = decision?.Approver?.Trim();
            if (decision is null || string.IsNullOrEmpty(approver) || !Lists(level, approver) || !decided.Add(approver))
            {
                tally.Ignored++;
                continue;
            }

            // The event only signals a decision; what counts is what the inbox recorded (the decide route records
            // first), so a raw approval event cannot decide in an approver's name.
            var recorded = await context.CallActivityAsync<ApprovalDecision?>(
                ConfirmApprovalDecision.Name, new ConfirmDecisionInput(context.InstanceId, stepId, approver));
            if (recorded is null)
            {
                decided.Remove(approver);
                tally.Ignored++;
                continue;
            }

            tally.Counted.Add(recorded with { Approver = approver });
            if (!recorded.Approved || ++approvals >= level.Quorum)
            {
                timerCancel.Cancel();
                return recorded.Approved ? "approved" : "rejected";
            }
        }
    }

    private static bool Lists(ApprovalLevel level, string approver) =>
        level.Approvers.Any(a => string.Equals(a.Trim(), approver, StringComparison.OrdinalIgnoreCase));

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static void Validate(HumanApprovalInput? input)
    {
        if (input is null || string.IsNullOrWhiteSpace(input.StepId))
        {
            throw new ArgumentException("An approval needs a step id.", nameof(input));
        }

        if (input.Levels is not { Count: > 0 })
        {
            throw new ArgumentException("An approval needs at least one level of approvers.", nameof(input));
        }

        foreach (var level in input.Levels)
        {
            var distinct = level.Approvers?.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase).Count() ?? 0;
            if (distinct == 0)
            {
                throw new ArgumentException("Every approval level needs at least one approver.", nameof(input));
            }

            if (level.Quorum < 1 || level.Quorum > distinct)
            {
                throw new ArgumentOutOfRangeException(nameof(input), level.Quorum, $"Quorum must be between 1 and the number of distinct approvers ({distinct}).");
            }

            if (level.Timeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(input), level.Timeout, "Every level needs a positive timeout.");
            }
        }

        if (input.OnApproved is { } next)
        {
            if (string.IsNullOrWhiteSpace(next.Activity))
            {
                throw new ArgumentException("OnApproved needs an activity.", nameof(input));
            }

            TemplateInputs.CheckSyntax(next.Input, "OnApproved");
        }
    }

    private sealed class Tally
    {
        public List<ApprovalDecision> Counted { get; } = [];

        public int Ignored { get; set; }
    }
}
