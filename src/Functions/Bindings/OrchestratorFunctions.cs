using Microsoft.Azure.Functions.Worker;
using Serverless.Orchestrations;
using Serverless.Orchestrations.CodeFirst;
using Serverless.Orchestrations.Workflows;
using Microsoft.DurableTask;

namespace Serverless.Functions.Bindings;

/// <summary>
/// One orchestrator function per <see cref="OrchestratorCatalog.All"/> entry, under its registered name,
/// each running the shared orchestrator on Durable's own context.
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

    /// <summary>Steps run one after another, each given the previous output.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The orchestrator's output.</returns>
    [Function("SequentialChain")]
    public static Task<SequentialChainOutput> SequentialChain([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext function) =>
        SharedTasks.RunOrchestratorAsync<SequentialChain, SequentialChainInput, SequentialChainOutput>(context, function);

    /// <summary>Work items in parallel under a cap, results aggregated.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The orchestrator's output.</returns>
    [Function("FanOutFanIn")]
    public static Task<FanOutFanInOutput> FanOutFanIn([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext function) =>
        SharedTasks.RunOrchestratorAsync<FanOutFanIn, FanOutFanInInput, FanOutFanInOutput>(context, function);

    /// <summary>Reserve, charge, ship; compensations in reverse on failure.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The orchestrator's output.</returns>
    [Function("OrderSaga")]
    public static Task<OrderSagaOutput> OrderSaga([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext function) =>
        SharedTasks.RunOrchestratorAsync<OrderSaga, OrderSagaInput, OrderSagaOutput>(context, function);

    /// <summary>Approval with timeout, escalation and quorum.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The orchestrator's output.</returns>
    [Function("HumanApproval")]
    public static Task<HumanApprovalOutput> HumanApproval([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext function) =>
        SharedTasks.RunOrchestratorAsync<HumanApproval, HumanApprovalInput, HumanApprovalOutput>(context, function);

    /// <summary>Prepare all, then commit all or abort the prepared.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The orchestrator's output.</returns>
    [Function("TwoPhaseCommit")]
    public static Task<TwoPhaseCommitOutput> TwoPhaseCommit([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext function) =>
        SharedTasks.RunOrchestratorAsync<TwoPhaseCommit, TwoPhaseCommitInput, TwoPhaseCommitOutput>(context, function);
}
