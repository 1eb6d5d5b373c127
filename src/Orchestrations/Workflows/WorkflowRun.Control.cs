using System.Text.Json.Nodes;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Model;

namespace Serverless.Orchestrations.Workflows;

internal sealed partial class WorkflowRun
{
    private async Task<StepResult> RunSwitchAsync(SwitchStep step, StepScope scope)
    {
        foreach (var @case in step.Cases)
        {
            if (@case.When.IsTrue(ScopeFor(scope)))
                return new StepResult(await RunSequenceAsync(@case.Sequence, scope));
        }

        return new StepResult(step.Default is null ? null : await RunSequenceAsync(step.Default, scope));
    }

    // A top-level loop continues as new every LoopIterationsPerExecution iterations, so its history stays bounded.
    private async Task<StepResult> RunLoopAsync(LoopStep step, StepScope scope)
    {
        var location = _compiled.Graph[step.Id];
        var topLevel = location.Parent is null;
        var resuming = topLevel && _resume is not null && _resume.ResumeAt == location.Index;
        var iteration = resuming ? _resume!.LoopIteration : 0;
        var last = resuming ? _resume!.LoopOutput : null;
        var loopScope = scope.Child();
        var thisExecution = 0;
        while (true)
        {
            loopScope.SetIndex(iteration);
            if (step.While is { } condition && !condition.IsTrue(ScopeFor(loopScope)))
                break;
            if (iteration >= step.MaxIterations)
            {
                if (step.OnMaxIterations == LoopCapAction.Continue)
                    break;
                throw new StepFailedException(step.Id, $"the loop reached its cap of {step.MaxIterations} iterations and would go on.", "LoopCapReached");
            }

            last = await RunSequenceAsync(step.Body, loopScope);
            iteration++;
            thisExecution++;
            if (step.Until is { } until && until.IsTrue(ScopeFor(loopScope)))
                break;
            if (topLevel && thisExecution >= _options.LoopIterationsPerExecution)
                throw new ContinueAsNewSignal(location.Index, iteration, last, loopScope);
        }

        loopScope.MergeIntoParent();
        return new StepResult(last);
    }

    private async Task ContinueAsNewAsync(ContinueAsNewSignal signal)
    {
        var steps = new Dictionary<string, StepResult>(_root.Local, StringComparer.Ordinal);
        foreach (var (id, result) in signal.LoopScope.Local)
            steps[id] = result;
        var generation = (_resume?.Generation ?? 0) + 1;
        Emit(WorkflowEventTypes.WorkflowContinued, null, new JsonObject { ["generation"] = generation, ["loopIteration"] = signal.Iteration });
        await FlushEventsAsync();
        Log.Continued(_logger, Definition.Name, Definition.Version, _context.InstanceId, signal.Iteration, generation);
        _context.ContinueAsNew(_input with
        {
            Continuation = new WorkflowContinuation
            {
                ResumeAt = signal.ResumeAt,
                LoopIteration = signal.Iteration,
                LoopOutput = signal.LoopOutput,
                Steps = steps,
                Vars = _vars,
                Compensations = _compensations,
                StepsCompleted = _stepsCompleted,
                NextEventSequence = _nextSequence,
                StartedAt = _startedAt,
                Generation = generation,
            },
        });
    }
}
