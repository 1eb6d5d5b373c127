using System.Text.Json.Nodes;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Model;

namespace Serverless.Orchestrations.Workflows;

internal sealed partial class WorkflowRun
{
    /// <summary>Runs a step list from <paramref name="start"/>; returns the last step's output.</summary>
    private async Task<JsonNode?> RunSequenceAsync(StepSequence sequence, StepScope scope, int start = 0)
    {
        JsonNode? last = null;
        for (var i = start; i < sequence.Steps.Count; i++)
        {
            scope.ThrowIfHalted();
            var step = sequence.Steps[i];
            try
            {
                last = (await RunStepAsync(step, scope)).Output;
            }
            catch (GotoSignal jump)
            {
                var target = _compiled.Graph[jump.Target].Index;
                for (var skipped = i + 1; skipped < target; skipped++)
                    scope.Set(sequence.Steps[skipped].Id, new StepResult(null));
                last = null;
                i = target - 1;
            }
        }

        return last;
    }

    /// <summary>Runs one step: events, progress, result recording and <c>assign</c>.</summary>
    private async Task<StepResult> RunStepAsync(WorkflowStep step, StepScope scope)
    {
        _currentStep = step.Id;
        Emit(WorkflowEventTypes.StepScheduled, step.Id, new JsonObject { ["kind"] = KindName(step.Kind) });
        PublishProgress();
        StepResult result;
        try
        {
            result = await DispatchAsync(step, scope);
        }
        catch (GotoSignal jump)
        {
            scope.Set(step.Id, new StepResult(null, jump.Error));
            Emit(WorkflowEventTypes.StepFailed, step.Id, new JsonObject { ["error"] = jump.Error.DeepClone(), ["handling"] = "goto", ["goto"] = jump.Target });
            throw;
        }
        catch (Exception e) when (e is not (ContinueAsNewSignal or StepsHaltedException))
        {
            var failure = e is ExpressionException expression
                ? new StepFailedException(step.Id, expression.Message, expression.GetType().Name, expression)
                : StepFailedException.From(step.Id, e);
            Emit(WorkflowEventTypes.StepFailed, step.Id, new JsonObject { ["error"] = failure.ToJson(), ["handling"] = "fail" });
            throw failure;
        }

        scope.Set(step.Id, result);
        _stepsCompleted++;
        if (result.Error is not null)
        {
            Emit(WorkflowEventTypes.StepFailed, step.Id, new JsonObject { ["error"] = result.Error.DeepClone(), ["handling"] = "continue" });
        }
        else
        {
            try
            {
                foreach (var (name, template) in step.Assign)
                    _vars[name] = EvaluateOrFail(template, scope, $"{step.Path}.assign.{name}", step.Id);
            }
            catch (StepFailedException failure)
            {
                Emit(WorkflowEventTypes.StepFailed, step.Id, new JsonObject { ["error"] = failure.ToJson(), ["handling"] = "fail" });
                throw;
            }

            Emit(WorkflowEventTypes.StepCompleted, step.Id, null);
        }

        PublishProgress();
        return result;
    }

    private Task<StepResult> DispatchAsync(WorkflowStep step, StepScope scope) => step switch
    {
        ActivityStep activity => RunActivityStepAsync(activity, scope),
        ParallelStep parallel => RunParallelAsync(parallel, scope),
        ForeachStep foreach_ => RunForeachAsync(foreach_, scope),
        SwitchStep @switch => RunSwitchAsync(@switch, scope),
        LoopStep loop => RunLoopAsync(loop, scope),
        ApprovalStep approval => RunApprovalAsync(approval, scope),
        WaitStep wait => RunWaitAsync(wait, scope),
        DelayStep delay => RunDelayAsync(delay, scope),
        SubWorkflowStep sub => RunSubWorkflowAsync(sub, scope),
        TransactionStep transaction => RunTransactionAsync(transaction, scope),
        _ => throw new StepFailedException(step.Id, $"step kind {step.Kind} is not supported.", "NotSupported"),
    };

    private static string KindName(StepKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>An activity step's <c>onError: goto</c>: the sequence jumps forward to <see cref="Target"/>.</summary>
    private sealed class GotoSignal(string target, JsonObject error) : Exception($"goto {target}")
    {
        public string Target { get; } = target;

        public JsonObject Error { get; } = error;
    }

    /// <summary>A top-level loop reached its per-execution iteration budget: the instance continues as new.</summary>
    private sealed class ContinueAsNewSignal(int resumeAt, int iteration, JsonNode? loopOutput, StepScope loopScope) : Exception("continue as new")
    {
        public int ResumeAt { get; } = resumeAt;

        public int Iteration { get; } = iteration;

        public JsonNode? LoopOutput { get; } = loopOutput;

        public StepScope LoopScope { get; } = loopScope;
    }
}
