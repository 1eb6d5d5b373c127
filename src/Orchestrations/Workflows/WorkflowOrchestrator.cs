using Microsoft.DurableTask;
using Serverless.Workflows.Diagnostics;

namespace Serverless.Orchestrations.Workflows;

/// <summary>
/// The workflow interpreter: one orchestrator that runs any published definition version it is started with
/// (<see cref="WorkflowRunInput"/>, built by <see cref="WorkflowRunInputFactory"/>). docs/orchestrations.md maps
/// each step kind onto durable primitives.
/// </summary>
/// <param name="options">Interpreter knobs; defaults when null.</param>
public sealed class WorkflowOrchestrator(WorkflowInterpreterOptions? options = null) : TaskOrchestrator<WorkflowRunInput, WorkflowRunOutput>
{
    private readonly WorkflowInterpreterOptions _options = Validated(options ?? WorkflowInterpreterOptions.Default);

    /// <inheritdoc />
    public override async Task<WorkflowRunOutput> RunAsync(TaskOrchestrationContext context, WorkflowRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (input is null)
            throw new WorkflowFailedException("The workflow run input is missing.");
        Serverless.Workflows.Validation.CompiledWorkflow compiled;
        try
        {
            compiled = CompiledWorkflowCache.Get(input.ContentHash, input.Definition);
        }
        catch (WorkflowDefinitionException e)
        {
            throw new WorkflowFailedException($"The definition of {input.Workflow}@{input.Version} is invalid: {e.Message}", inner: e);
        }

        // Null means the instance continued as new; the runtime ignores the output of such an execution.
        return (await new WorkflowRun(context, input, compiled, _options).RunAsync())!;
    }

    private static WorkflowInterpreterOptions Validated(WorkflowInterpreterOptions options)
    {
        options.Validate();
        return options;
    }
}
