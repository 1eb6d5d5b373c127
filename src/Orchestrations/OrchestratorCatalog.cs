using Microsoft.DurableTask;

namespace Serverless.Orchestrations;

/// <summary>One orchestrator both hosts run: its registered name and its class.</summary>
/// <param name="Name">The name it is registered and started under (the Functions binding uses the same name).</param>
/// <param name="OrchestratorType">The class implementing <see cref="Microsoft.DurableTask.ITaskOrchestrator"/>.</param>
public sealed record OrchestratorDescriptor(string Name, Type OrchestratorType);

/// <summary>
/// Every orchestrator of the product. Hosts register exactly this list (the local host on the embedded
/// runtime, the Functions app through one binding each), and the drift guard compares the two.
/// </summary>
public static partial class OrchestratorCatalog
{
    /// <summary>Code-first orchestrators followed by the workflow interpreter.</summary>
    public static IReadOnlyList<OrchestratorDescriptor> All { get; } = [.. CodeFirst(), .. Interpreter()];
}
