using System.Text.Json.Nodes;
using Microsoft.DurableTask;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>
/// Two-phase commit over participants: every participant prepares (in parallel); if all prepared, every one commits;
/// otherwise the prepared ones abort. Phase-two calls are retried by policy and all of them run even if one fails,
/// so a failure leaves as little in doubt as possible and the output names it.
/// </summary>
public sealed class TwoPhaseCommit : TaskOrchestrator<TwoPhaseCommitInput, TwoPhaseCommitOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = nameof(TwoPhaseCommit);

    /// <inheritdoc />
    public override async Task<TwoPhaseCommitOutput> RunAsync(TaskOrchestrationContext context, TwoPhaseCommitInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        Validate(input);
        var participants = input.Participants;
        context.SetCustomStatus(new OrchestrationProgress("preparing", null, 0, participants.Count));
        var prepares = participants.Select(p => CallAsync(context, p.Prepare, () => TemplateInputs.Evaluate(context, p.Prepare.Input, input.Input))).ToList();
        await Task.WhenAll(prepares);
        var prepared = prepares.Select(p => p.Result).ToList();
        var commit = prepared.All(p => p.Error is null);

        context.SetCustomStatus(new OrchestrationProgress(commit ? "committing" : "aborting", null, 0, participants.Count));
        var retry = input.PhaseTwoRetry ?? RetrySpec.Default;
        var phaseTwo = participants.Select((p, i) =>
        {
            if (prepared[i].Error is not null)
            {
                return Task.FromResult<CallResult?>(null);
            }

            var call = commit ? p.Commit : p.Abort;
            var output = prepared[i].Output;
            return AsNullableAsync(CallAsync(context, call with { Retry = call.Retry ?? retry }, () => TemplateInputs.Evaluate(context, call.Input, input.Input, item: output)));
        }).ToList();
        await Task.WhenAll(phaseTwo);

        var outcomes = participants.Select((p, i) =>
        {
            var second = phaseTwo[i].Result;
            var phase = second switch
            {
                null => "notPrepared",
                { Error: not null } => "failed",
                _ => commit ? "committed" : "aborted",
            };
            return new ParticipantOutcome(p.Name, prepared[i].Error is null, prepared[i].Output, prepared[i].Error, phase, second?.Error);
        }).ToList();
        var incomplete = outcomes.Any(o => o.PhaseTwo == "failed");
        var outcome = (commit, incomplete) switch
        {
            (true, false) => "committed",
            (true, true) => "commitIncomplete",
            (false, false) => "aborted",
            (false, true) => "abortIncomplete",
        };
        context.SetCustomStatus(new OrchestrationProgress(outcome, null, participants.Count, participants.Count));
        return new TwoPhaseCommitOutput(outcome, outcomes);
    }

    /// <summary>Evaluates the input and calls the activity; a failure of either is returned, never thrown, so every participant gets its turn.</summary>
    private static async Task<CallResult> CallAsync(TaskOrchestrationContext context, ActivityCall call, Func<JsonNode?> input)
    {
        try
        {
            return new CallResult(await context.CallActivityAsync<JsonNode?>(call.Activity, input(), call.Retry?.ToTaskOptions()), null);
        }
        catch (Exception e) when (e is TaskFailedException or ArgumentException)
        {
            return new CallResult(null, StepError.From(e));
        }
    }

    private static async Task<CallResult?> AsNullableAsync(Task<CallResult> call) => await call;

    private static void Validate(TwoPhaseCommitInput? input)
    {
        if (input?.Participants is not { Count: > 0 } participants)
        {
            throw new ArgumentException("A two-phase commit needs at least one participant.", nameof(input));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in participants)
        {
            if (p is null || string.IsNullOrWhiteSpace(p.Name) || !names.Add(p.Name))
            {
                throw new ArgumentException($"Participant names must be present and unique; '{p?.Name}' is not.", nameof(input));
            }

            if (string.IsNullOrWhiteSpace(p.Prepare?.Activity) || string.IsNullOrWhiteSpace(p.Commit?.Activity) || string.IsNullOrWhiteSpace(p.Abort?.Activity))
            {
                throw new ArgumentException($"Participant '{p.Name}' needs prepare, commit and abort activities.", nameof(input));
            }

            TemplateInputs.CheckSyntax(p.Prepare.Input, $"the prepare of '{p.Name}'");
            TemplateInputs.CheckSyntax(p.Commit.Input, $"the commit of '{p.Name}'");
            TemplateInputs.CheckSyntax(p.Abort.Input, $"the abort of '{p.Name}'");
        }
    }

    private sealed record CallResult(JsonNode? Output, StepError? Error);
}
