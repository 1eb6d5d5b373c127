using Serverless.Orchestrations.CodeFirst;

namespace Serverless.Orchestrations;

public static partial class OrchestratorCatalog
{
    // The code-first orchestrators (docs/orchestrations.md): sequential chain, fan-out/fan-in, saga, approval, two-phase commit.
    private static IEnumerable<OrchestratorDescriptor> CodeFirst() =>
    [
        new(SequentialChain.Name, typeof(SequentialChain)),
        new(FanOutFanIn.Name, typeof(FanOutFanIn)),
        new(OrderSaga.Name, typeof(OrderSaga)),
        new(HumanApproval.Name, typeof(HumanApproval)),
        new(TwoPhaseCommit.Name, typeof(TwoPhaseCommit)),
    ];
}
