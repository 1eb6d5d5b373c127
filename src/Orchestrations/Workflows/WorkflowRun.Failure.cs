using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Serverless.Workflows.Model;

namespace Serverless.Orchestrations.Workflows;

internal sealed partial class WorkflowRun
{
    // A step failed without a handler (or the definition timed out): stop starting steps, let activities in
    // flight settle so their compensations are registered, unwind the stack when the definition compensates.
    private async Task<WorkflowFailedException> FailAsync(StepFailedException failure)
    {
        _root.Halt();
        await SettleActivitiesInFlightAsync();
        var summary = string.Empty;
        if (Definition.OnFailure == FailureMode.Compensate)
        {
            var (compensated, failed) = await CompensateAsync();
            summary = $" Compensated: [{string.Join(", ", compensated)}]." + (failed.Count > 0 ? $" Compensation failed: [{string.Join(", ", failed)}]." : string.Empty);
        }

        _phase = WorkflowPhases.Failed;
        _currentStep = failure.StepId;
        Emit(WorkflowEventTypes.WorkflowFailed, failure.StepId, new JsonObject { ["error"] = failure.ToJson(), ["stepsCompleted"] = _stepsCompleted });
        PublishProgress();
        await FlushEventsAsync();
        Log.Failed(_logger, Definition.Name, Definition.Version, _context.InstanceId, failure.StepId, failure.Reason);
        return new WorkflowFailedException(
            $"Workflow '{Definition.Name}' version {Definition.Version} failed at step '{failure.StepId}': {failure.Reason}{summary}", failure.StepId, failure);
    }

    private async Task SettleActivitiesInFlightAsync()
    {
        var inFlight = _activitiesInFlight.Where(t => !t.IsCompleted).ToList();
        if (inFlight.Count == 0)
            return;
        try
        {
            await Task.WhenAll(inFlight);
        }
        catch (TaskFailedException)
        {
            // Their failures no longer matter: the workflow already failed.
        }
    }

    /// <summary>Runs registered compensations newest first; a failing one is recorded and the rest still run.</summary>
    private async Task<(List<string> Compensated, List<string> Failed)> CompensateAsync()
    {
        _phase = WorkflowPhases.Compensating;
        _currentStep = null;
        Emit(WorkflowEventTypes.CompensationStarted, null, new JsonObject
        {
            ["steps"] = new JsonArray([.. Enumerable.Reverse(_compensations).Select(c => JsonValue.Create(c.StepId))]),
        });
        PublishProgress();
        var compensated = new List<string>();
        var failed = new List<string>();
        for (var i = _compensations.Count - 1; i >= 0; i--)
        {
            var entry = _compensations[i];
            try
            {
                if (entry.InputError is { } inputError)
                    throw new InvalidOperationException($"its input could not be evaluated: {inputError}");
                var options = TaskOptions.FromRetryPolicy(_options.CompensationRetry);
                await FlushBeforeAuditAsync(entry.Activity);
                await _context.CallActivityAsync<JsonNode?>(entry.Activity, entry.Input?.DeepClone(), options);
                compensated.Add(entry.StepId);
                Emit(WorkflowEventTypes.CompensationCompleted, entry.StepId, new JsonObject { ["activity"] = entry.Activity });
            }
            catch (Exception e) when (e is TaskFailedException or InvalidOperationException)
            {
                var reason = StepFailedException.From(entry.StepId, e).Reason;
                failed.Add($"{entry.StepId} ({reason})");
                Emit(WorkflowEventTypes.CompensationFailed, entry.StepId, new JsonObject { ["activity"] = entry.Activity, ["error"] = reason });
            }
        }

        return (compensated, failed);
    }
}
