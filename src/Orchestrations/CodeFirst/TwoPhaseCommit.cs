using System.Text.Json.Nodes;
using Serverless.Orchestration;

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
        var prepares = participants.Select(p => CallAsync(context, p.Prepare, TemplateInputs.Evaluate(context, p.Prepare.Input, input.Input))).ToList();
        await Task.WhenAll(prepares);
        var prepared = prepares.Select(p => p.Result).ToList();
        var commit = prepared.All(p => p.Error is null);

        context.SetCustomStatus(new OrchestrationProgress(commit ? "committing" : "aborting", null, 0, participants.Count));
        var retry = input.PhaseTwoRetry ?? RetrySpec.Default;
        var phaseTwo = participants.Select((p, i) =>
        {
            if (prepared[i].Error is not null)
            {
                return Task.FromResult<(JsonNode?, StepError?)?>(null);
            }

            var call = commit ? p.Commit : p.Abort;
            var callInput = TemplateInputs.Evaluate(context, call.Input, input.Input, item: prepared[i].Output);
            return WrapAsync(CallAsync(context, call with { Retry = call.Retry ?? retry }, callInput));
        }).ToList();
        await Task.WhenAll(phaseTwo);

        var outcomes = participants.Select((p, i) =>
        {
            var second = phaseTwo[i].Result;
            var phase = second switch
            {
                null => "notPrepared",
                { Item2: not null } => "failed",
                _ => commit ? "committed" : "aborted",
            };
            return new ParticipantOutcome(p.Name, prepared[i].Error is null, prepared[i].Output, prepared[i].Error, phase, second?.Item2);
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

    private static async Task<(JsonNode? Output, StepError? Error)> CallAsync(TaskOrchestrationContext context, ActivityCall call, JsonNode? input)
    {
        try
        {
            return (await context.CallActivityAsync<JsonNode?>(call.Activity, input, call.Retry?.ToTaskOptions()), null);
        }
        catch (TaskFailedException e)
        {
            return (null, StepError.From(e));
        }
    }

    private static async Task<(JsonNode?, StepError?)?> WrapAsync(Task<(JsonNode? Output, StepError? Error)> call) => await call;

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
        }
    }
}
