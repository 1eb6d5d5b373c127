namespace Serverless.Orchestrations;

public static partial class OrchestratorCatalog
{
    // Filled by the code-first orchestrators (sequential chain, fan-out/fan-in, saga, approval, two-phase commit).
    private static IEnumerable<OrchestratorDescriptor> CodeFirst() => [];
}
