using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Activities;

namespace Serverless.Functions.Bindings;

/// <summary>
/// Runs a shared orchestrator or activity from its Functions trigger: resolve it from the
/// invocation's services, as the embedded runtime does, and hand it Durable's own context.
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
    public static Task<TOutput> RunOrchestratorAsync<TOrchestrator, TInput, TOutput>(TaskOrchestrationContext context, FunctionContext function)
        where TOrchestrator : TaskOrchestrator<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(function);
        var orchestrator = ActivatorUtilities.GetServiceOrCreateInstance<TOrchestrator>(function.InstanceServices);
        return orchestrator.RunAsync(context, context.GetInput<TInput>()!);
    }

    /// <summary>
    /// Runs activity <typeparamref name="TActivity"/> with the trigger's input, created as every host creates it
    /// (<see cref="ActivityDescriptor.Create"/>: secret references resolved and masked where it accepts them).
    /// </summary>
    /// <typeparam name="TActivity">The shared activity class.</typeparam>
    /// <typeparam name="TInput">Its input type.</typeparam>
    /// <typeparam name="TOutput">Its output type.</typeparam>
    /// <param name="input">The activity trigger's input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity's output.</returns>
    public static async Task<TOutput> RunActivityAsync<TActivity, TInput, TOutput>(TInput input, FunctionContext function)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(function);
        var descriptor = ActivityCatalog.All.Single(a => a.ActivityType == typeof(TActivity));
        var output = await descriptor.Create(function.InstanceServices).RunAsync(new FunctionActivityContext(function), input);
        return (TOutput)output!;
    }
}
