using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Serverless.Functions;

/// <summary>
/// What an activity knows about its call, read from the Functions invocation: the function name is
/// the activity name, and the Durable extension puts the calling instance's id in the trigger's
/// binding data under <c>instanceId</c>.
/// </summary>
/// <param name="function">The invocation.</param>
internal sealed class FunctionActivityContext(FunctionContext function) : TaskActivityContext
{
    /// <summary>The binding-data key the activity trigger fills with the orchestration instance id.</summary>
    public const string InstanceIdKey = "instanceId";

    /// <inheritdoc />
    public override TaskName Name => function.FunctionDefinition.Name;

    /// <inheritdoc />
    public override string InstanceId =>
        function.BindingContext.BindingData.TryGetValue(InstanceIdKey, out var id) && id?.ToString() is { Length: > 0 } text
            ? text
            : throw new InvalidOperationException($"Activity '{function.FunctionDefinition.Name}' was invoked without an '{InstanceIdKey}' in its binding data: only the Durable extension may call it.");
}
