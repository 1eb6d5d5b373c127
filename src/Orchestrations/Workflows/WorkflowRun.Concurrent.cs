using System.Text.Json.Nodes;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Model;

namespace Serverless.Orchestrations.Workflows;

internal sealed partial class WorkflowRun
{
    // Each branch runs in its own scope; fail-fast halts the others (no new steps start) and fails at once.
    private async Task<StepResult> RunParallelAsync(ParallelStep step, StepScope scope)
    {
        var scopes = step.Branches.Select(_ => scope.Child()).ToList();
        var branches = step.Branches.Select((branch, i) => RunSequenceAsync(branch.Sequence, scopes[i])).ToList();
        var pending = new List<Task<JsonNode?>>(branches);
        StepFailedException? failure = null;
        while (pending.Count > 0)
        {
            var finished = await Task.WhenAny(pending);
            pending.Remove(finished);
            try
            {
                await finished;
            }
            catch (StepFailedException e)
            {
                failure ??= e;
                if (step.FailurePolicy == ParallelFailurePolicy.FailFast)
                {
                    scopes.ForEach(s => s.Halt());
                    break;
                }
            }
            catch (StepsHaltedException) when (failure is not null)
            {
                // A sibling failed fast; this branch stopped before its next step.
            }
        }

        var results = new JsonObject();
        for (var i = 0; i < branches.Count; i++)
        {
            scopes[i].MergeIntoParent();
            if (branches[i].IsCompletedSuccessfully)
                results[step.Branches[i].Name] = Own(branches[i].Result);
        }

        if (failure is null)
            return new StepResult(results);
        scope.Set(step.Id, new StepResult(results, failure.ToJson()));
        throw failure;
    }

    // A sliding window: an item starts only when fewer than maxConcurrency are in flight, so the cap holds exactly.
    private async Task<StepResult> RunForeachAsync(ForeachStep step, StepScope scope)
    {
        if (step.Items.Evaluate(ScopeFor(scope)) is not JsonArray items)
            throw new StepFailedException(step.Id, $"'items' ({step.Items.Text}) must yield an array.", "InvalidItems");
        var results = new List<JsonNode?>();
        var running = new Dictionary<Task<JsonNode?>, (int Index, StepScope Scope)>();
        StepFailedException? failure = null;
        var next = 0;
        var stopped = false;
        while (true)
        {
            while (!stopped && failure is null && running.Count < step.MaxConcurrency && next < items.Count)
            {
                var itemScope = scope.Child(items[next]?.DeepClone(), next, setsItem: true);
                if (step.Break is { } condition && condition.IsTrue(ScopeFor(itemScope)))
                {
                    stopped = true;
                    break;
                }
                results.Add(null);
                running.Add(RunSequenceAsync(step.Body, itemScope), (next, itemScope));
                next++;
            }

            if (running.Count == 0)
                break;
            var finished = await Task.WhenAny(running.Keys);
            var (index, _) = running[finished];
            running.Remove(finished);
            try
            {
                results[index] = Own(await finished);
            }
            catch (StepFailedException e) when (step.OnItemError == ItemErrorPolicy.Continue)
            {
                Emit(WorkflowEventTypes.StepFailed, step.Id, new JsonObject { ["item"] = index, ["error"] = e.ToJson(), ["handling"] = "continue" });
            }
            catch (StepFailedException e)
            {
                failure = e;
                foreach (var (_, item) in running.Values)
                    item.Halt();
                break;
            }
        }

        var output = new JsonArray([.. results]);
        if (failure is null)
            return new StepResult(output);
        scope.Set(step.Id, new StepResult(output, failure.ToJson()));
        throw failure;
    }
}
