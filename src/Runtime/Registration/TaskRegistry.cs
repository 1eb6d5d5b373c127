using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Runtime.Registration;

/// <summary>
/// Orchestrators and activities by name (case-insensitive), in class form (resolved through
/// dependency injection, one instance per call) or lambda form.
/// </summary>
public sealed partial class TaskRegistry
{
    private readonly Dictionary<string, Func<IServiceProvider, ITaskOrchestrator>> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<IServiceProvider, ITaskActivity>> _activities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registered orchestrator names.</summary>
    public IReadOnlyCollection<string> OrchestratorNames => _orchestrators.Keys;

    /// <summary>Registered activity names.</summary>
    public IReadOnlyCollection<string> ActivityNames => _activities.Keys;

    /// <summary>Registers an orchestrator with a factory.</summary>
    public TaskRegistry AddOrchestrator(TaskName name, Func<IServiceProvider, ITaskOrchestrator> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!_orchestrators.TryAdd(name.Name, factory))
        {
            throw new ArgumentException($"An orchestrator named '{name.Name}' is already registered.", nameof(name));
        }

        return this;
    }

    /// <summary>Registers an orchestrator class under its type name (or <paramref name="name"/>).</summary>
    public TaskRegistry AddOrchestrator<TOrchestrator>(string? name = null)
        where TOrchestrator : class, ITaskOrchestrator =>
        AddOrchestrator(name ?? typeof(TOrchestrator).Name, sp => ActivatorUtilities.GetServiceOrCreateInstance<TOrchestrator>(sp));

    /// <summary>Registers an orchestrator function with typed input and output.</summary>
    public TaskRegistry AddOrchestratorFunc<TInput, TOutput>(TaskName name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> implementation)
    {
        var orchestrator = new FuncOrchestrator<TInput, TOutput>(implementation);
        return AddOrchestrator(name, _ => orchestrator);
    }

    /// <summary>Registers an orchestrator function with typed output and no input.</summary>
    public TaskRegistry AddOrchestratorFunc<TOutput>(TaskName name, Func<TaskOrchestrationContext, Task<TOutput>> implementation) =>
        AddOrchestratorFunc<object?, TOutput>(name, (context, _) => implementation(context));

    /// <summary>Registers an orchestrator function without output.</summary>
    public TaskRegistry AddOrchestratorFunc(TaskName name, Func<TaskOrchestrationContext, Task> implementation) =>
        AddOrchestratorFunc<object?, object?>(name, async (context, _) =>
        {
            await implementation(context);
            return null;
        });

    /// <summary>Registers an activity with a factory.</summary>
    public TaskRegistry AddActivity(TaskName name, Func<IServiceProvider, ITaskActivity> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!_activities.TryAdd(name.Name, factory))
        {
            throw new ArgumentException($"An activity named '{name.Name}' is already registered.", nameof(name));
        }

        return this;
    }

    /// <summary>Registers an activity class under its type name (or <paramref name="name"/>).</summary>
    public TaskRegistry AddActivity<TActivity>(string? name = null)
        where TActivity : class, ITaskActivity =>
        AddActivity(name ?? typeof(TActivity).Name, sp => ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(sp));

    /// <summary>Registers an asynchronous activity function.</summary>
    public TaskRegistry AddActivityFunc<TInput, TOutput>(TaskName name, Func<TaskActivityContext, TInput, Task<TOutput>> implementation)
    {
        var activity = new FuncActivity<TInput, TOutput>(implementation);
        return AddActivity(name, _ => activity);
    }

    /// <summary>Registers a synchronous activity function.</summary>
    public TaskRegistry AddActivityFunc<TInput, TOutput>(TaskName name, Func<TaskActivityContext, TInput, TOutput> implementation) =>
        AddActivityFunc<TInput, TOutput>(name, (context, input) => Task.FromResult(implementation(context, input)));

    /// <summary>Registers an asynchronous activity function without output.</summary>
    public TaskRegistry AddActivityFunc<TInput>(TaskName name, Func<TaskActivityContext, TInput, Task> implementation) =>
        AddActivityFunc<TInput, object?>(name, async (context, input) =>
        {
            await implementation(context, input);
            return null;
        });

    /// <summary>True when an orchestrator with this name is registered.</summary>
    public bool HasOrchestrator(string name) => _orchestrators.ContainsKey(name);

    /// <summary>Creates the named orchestrator, or returns null when none is registered.</summary>
    internal ITaskOrchestrator? CreateOrchestrator(string name, IServiceProvider services) =>
        _orchestrators.TryGetValue(name, out var factory) ? factory(services) : null;

    /// <summary>Creates the named activity, or returns null when none is registered.</summary>
    internal ITaskActivity? CreateActivity(string name, IServiceProvider services) =>
        _activities.TryGetValue(name, out var factory) ? factory(services) : null;

    private sealed class FuncOrchestrator<TInput, TOutput>(Func<TaskOrchestrationContext, TInput, Task<TOutput>> implementation)
        : TaskOrchestrator<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input) => implementation(context, input);
    }

    private sealed class FuncActivity<TInput, TOutput>(Func<TaskActivityContext, TInput, Task<TOutput>> implementation)
        : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => implementation(context, input);
    }
}
