using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Functions.Adapters;
using Durable = Microsoft.DurableTask;

namespace Serverless.Functions.Bindings;

/// <summary>
/// Runs a shared orchestrator or activity from its Functions trigger: resolve it from the
/// invocation's services, as the embedded runtime does, and hand it the adapted context.
/// </summary>
internal static class SharedTasks
{
    /// <summary>Runs orchestrator <typeparamref name="TOrchestrator"/> on Durable Functions' context.</summary>
    /// <typeparam name="TOrchestrator">The shared orchestrator class.</typeparam>
    /// <typeparam name="TInput">Its input type.</typeparam>
    /// <typeparam name="TOutput">Its output type.</typeparam>
    /// <param name="context">The orchestration trigger's context.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The orchestrator's output.</returns>
    public static Task<TOutput> RunOrchestratorAsync<TOrchestrator, TInput, TOutput>(Durable.TaskOrchestrationContext context, FunctionContext function)
        where TOrchestrator : TaskOrchestrator<TInput, TOutput>
    {
        var orchestrator = ActivatorUtilities.GetServiceOrCreateInstance<TOrchestrator>(function.InstanceServices);
        var port = new AzureOrchestrationContext(context, function.InstanceServices.GetRequiredService<ILoggerFactory>());
        return orchestrator.RunAsync(port, context.GetInput<TInput>()!);
    }

    /// <summary>Runs activity <typeparamref name="TActivity"/> with the trigger's input.</summary>
    /// <typeparam name="TActivity">The shared activity class.</typeparam>
    /// <typeparam name="TInput">Its input type.</typeparam>
    /// <typeparam name="TOutput">Its output type.</typeparam>
    /// <param name="input">The activity trigger's input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity's output.</returns>
    public static Task<TOutput> RunActivityAsync<TActivity, TInput, TOutput>(TInput input, FunctionContext function)
        where TActivity : TaskActivity<TInput, TOutput> =>
        ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(function.InstanceServices).RunAsync(new AzureActivityContext(function), input);
}
