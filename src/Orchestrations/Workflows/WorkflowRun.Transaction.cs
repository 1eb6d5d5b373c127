using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Model;

namespace Serverless.Orchestrations.Workflows;

internal sealed partial class WorkflowRun
{
    // Prepare all in order; any prepare failure aborts the prepared ones (newest first) and fails the step.
    // After every prepare succeeded the decision is commit: each commit runs even if another fails, and a
    // failed commit is reported per participant (the transaction is then in doubt and needs an operator).
    private async Task<StepResult> RunTransactionAsync(TransactionStep step, StepScope scope)
    {
        var prepared = new List<(TransactionParticipant Participant, JsonNode? Output)>();
        var outputs = new JsonObject();
        foreach (var participant in step.Participants)
        {
            try
            {
                var output = await TrackActivity(_context.CallActivityAsync<JsonNode?>(participant.Prepare.Activity, Evaluate(participant.Prepare, scope)));
                prepared.Add((participant, output));
                outputs[participant.Name] = Own(output);
            }
            catch (TaskFailedException e)
            {
                var aborted = await AbortAsync(step, prepared, scope);
                var reason = StepFailedException.From(step.Id, e).Reason;
                Emit(WorkflowEventTypes.TransactionAborted, step.Id, new JsonObject
                {
                    ["participant"] = participant.Name,
                    ["error"] = reason,
                    ["aborts"] = aborted,
                });
                throw new StepFailedException(step.Id, $"participant '{participant.Name}' failed to prepare ({reason}); the prepared participants were aborted.", "TransactionAborted", e);
            }
        }

        var committed = new List<string>();
        var failed = new List<string>();
        foreach (var (participant, output) in prepared)
        {
            try
            {
                await TrackActivity(_context.CallActivityAsync<JsonNode?>(participant.Commit.Activity, Evaluate(participant.Commit, scope.Child(Own(output), setsItem: true))));
                committed.Add(participant.Name);
            }
            catch (TaskFailedException e)
            {
                var reason = StepFailedException.From(step.Id, e).Reason;
                failed.Add($"'{participant.Name}' ({reason})");
                Emit(WorkflowEventTypes.TransactionCommitFailed, step.Id, new JsonObject
                {
                    ["participant"] = participant.Name,
                    ["error"] = reason,
                    ["committedSoFar"] = new JsonArray([.. committed.Select(c => JsonValue.Create(c))]),
                });
            }
        }

        if (failed.Count > 0)
        {
            throw new StepFailedException(
                step.Id,
                $"commit failed for {string.Join(", ", failed)} after every participant prepared; committed: [{string.Join(", ", committed)}]. The transaction is in doubt.",
                "TransactionCommitFailed");
        }

        return new StepResult(outputs);
    }

    private async Task<JsonArray> AbortAsync(TransactionStep step, List<(TransactionParticipant Participant, JsonNode? Output)> prepared, StepScope scope)
    {
        var results = new JsonArray();
        for (var i = prepared.Count - 1; i >= 0; i--)
        {
            var (participant, output) = prepared[i];
            try
            {
                await TrackActivity(_context.CallActivityAsync<JsonNode?>(participant.Abort.Activity, Evaluate(participant.Abort, scope.Child(Own(output), setsItem: true))));
                results.Add(new JsonObject { ["participant"] = participant.Name, ["status"] = "aborted" });
            }
            catch (TaskFailedException e)
            {
                results.Add(new JsonObject { ["participant"] = participant.Name, ["status"] = "failed", ["error"] = StepFailedException.From(step.Id, e).Reason });
            }
        }

        return results;
    }
}
