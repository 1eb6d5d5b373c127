namespace Serverless.Orchestrations;

public static partial class OrchestratorCatalog
{
    // Filled by the workflow-definition interpreter.
    private static IEnumerable<OrchestratorDescriptor> Interpreter() => [];
}
