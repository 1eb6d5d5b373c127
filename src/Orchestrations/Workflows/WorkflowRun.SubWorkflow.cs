using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Model;

namespace Serverless.Orchestrations.Workflows;

internal sealed partial class WorkflowRun
{
    // The child runs the exact version pinned in the closure the instance was started with, under an id derived
    // from this instance, the step and a replay-safe GUID (unique across loop iterations and executions).
    private async Task<StepResult> RunSubWorkflowAsync(SubWorkflowStep step, StepScope scope)
    {
        var key = WorkflowRunInputFactory.Key(step.Workflow, step.Version);
        if (!_input.SubWorkflows.TryGetValue(key, out var definition))
            throw new StepFailedException(step.Id, $"sub-workflow {key} is not in the instance's pinned closure; start instances through WorkflowRunInputFactory.", "SubWorkflowNotPinned");
        var child = new WorkflowRunInput
        {
            Workflow = step.Workflow,
            Version = step.Version,
            ContentHash = CompiledWorkflowCache.HashOf(definition),
            Definition = definition,
            Input = ToElement(Evaluate(step.Input, scope)),
            SubWorkflows = _input.SubWorkflows,
            StartedBy = _input.StartedBy,
            CorrelationId = _input.CorrelationId,
        };
        var childId = $"{_context.InstanceId}:{step.Id}:{_context.NewGuid():N}";
        var output = await _context.CallSubOrchestratorAsync<WorkflowRunOutput?>(
            WorkflowRunInput.OrchestratorName, child, new SubOrchestrationOptions(instanceId: childId));
        return new StepResult(output?.Output);
    }
}
