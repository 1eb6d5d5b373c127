using Microsoft.Azure.Functions.Worker;
using Serverless.Orchestrations;
using Serverless.Orchestrations.Workflows;
using TaskOrchestrationContext = Microsoft.DurableTask.TaskOrchestrationContext;

namespace Serverless.Functions.Bindings;

/// <summary>
/// One orchestrator function per <see cref="OrchestratorCatalog.All"/> entry, under its registered name,
/// each running the shared orchestrator on the adapted Durable context.
/// </summary>
public static class OrchestratorFunctions
{
    /// <summary>The workflow-definition interpreter.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The run's outcome.</returns>
    [Function("RunWorkflow")]
    public static Task<WorkflowRunOutput> RunWorkflow([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext function) =>
        SharedTasks.RunOrchestratorAsync<WorkflowOrchestrator, WorkflowRunInput, WorkflowRunOutput>(context, function);
}
