using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Runtime.Registration;

public sealed partial class TaskRegistry
{
    /// <summary>
    /// Registers an orchestrator class by its <see cref="Type"/> (e.g. from a catalog); one instance per
    /// episode, resolved from DI or created with its constructor dependencies.
    /// </summary>
    /// <param name="name">The registered name.</param>
    /// <param name="orchestratorType">A class implementing <see cref="ITaskOrchestrator"/>.</param>
    /// <returns>This registry.</returns>
    /// <exception cref="ArgumentException">The type is not a concrete orchestrator class, or the name is taken.</exception>
    public TaskRegistry AddOrchestrator(TaskName name, Type orchestratorType)
    {
        RequireConcrete(orchestratorType, typeof(ITaskOrchestrator));
        return AddOrchestrator(name, sp => (ITaskOrchestrator)ActivatorUtilities.GetServiceOrCreateInstance(sp, orchestratorType));
    }

    /// <summary>
    /// Registers an activity class by its <see cref="Type"/> (e.g. from a catalog); one instance per call,
    /// resolved from DI or created with its constructor dependencies.
    /// </summary>
    /// <param name="name">The registered name.</param>
    /// <param name="activityType">A class implementing <see cref="ITaskActivity"/>.</param>
    /// <returns>This registry.</returns>
    /// <exception cref="ArgumentException">The type is not a concrete activity class, or the name is taken.</exception>
    public TaskRegistry AddActivity(TaskName name, Type activityType)
    {
        RequireConcrete(activityType, typeof(ITaskActivity));
        return AddActivity(name, sp => (ITaskActivity)ActivatorUtilities.GetServiceOrCreateInstance(sp, activityType));
    }

    private static void RequireConcrete(Type type, Type contract)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!contract.IsAssignableFrom(type) || type.IsAbstract || type.IsInterface)
        {
            throw new ArgumentException($"'{type.FullName}' is not a concrete class implementing {contract.Name}.", nameof(type));
        }
    }
}
