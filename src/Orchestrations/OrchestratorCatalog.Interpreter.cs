using Serverless.Orchestrations.Workflows;

namespace Serverless.Orchestrations;

public static partial class OrchestratorCatalog
{
    // The workflow-definition interpreter: one orchestrator for every published definition.
    private static IEnumerable<OrchestratorDescriptor> Interpreter() =>
        [new OrchestratorDescriptor(WorkflowRunInput.OrchestratorName, typeof(WorkflowOrchestrator))];
}
