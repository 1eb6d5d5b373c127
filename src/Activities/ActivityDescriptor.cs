using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Activities.Secrets;
using Serverless.Secrets;

namespace Serverless.Activities;

/// <summary>One activity both hosts register: its name and its class.</summary>
/// <param name="Name">The name orchestrations call it by.</param>
/// <param name="ActivityType">The class implementing <see cref="ITaskActivity"/>, created through DI per call.</param>
/// <param name="ResolvesSecrets">
/// Whether <c>{{secrets.NAME}}</c> references in its input are resolved when it runs. True only for activities that
/// send their input on or hand it back (masked), never for those that store it in the product's tables.
/// </param>
/// <param name="InterpreterOnly">
/// Whether only the interpreter and the code-first orchestrators call it (the approvals inbox's bookkeeping, the
/// audit batches): a definition's step may not, or an author could write into any instance's inbox or audit trail.
/// </param>
public sealed record ActivityDescriptor(string Name, Type ActivityType, bool ResolvesSecrets = false, bool InterpreterOnly = false)
{
    /// <summary>
    /// Creates the activity for one call, wrapped in a <see cref="SecretResolvingActivity"/> when it
    /// <see cref="ResolvesSecrets"/>: the one place every host (the embedded runtime, the Durable Task SDK worker, the
    /// Functions app's bindings) creates it.
    /// </summary>
    /// <param name="services">The call's services (an <see cref="ISecretSource"/> among them when it resolves secrets).</param>
    /// <returns>The activity to run.</returns>
    public ITaskActivity Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var activity = (ITaskActivity)ActivatorUtilities.GetServiceOrCreateInstance(services, ActivityType);
        return ResolvesSecrets
            ? new SecretResolvingActivity(activity, new SecretResolver(services.GetRequiredService<ISecretSource>()))
            : activity;
    }
}
