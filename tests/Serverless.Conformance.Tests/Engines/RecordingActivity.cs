using Microsoft.DurableTask;

namespace Serverless.Conformance.Tests.Engines;

/// <summary>Wraps a registered activity so the call log sees every attempt, on every engine alike.</summary>
internal sealed class RecordingActivity(string name, ITaskActivity inner, CallLog log) : ITaskActivity
{
    public Type InputType => inner.InputType;

    public Type OutputType => inner.OutputType;

    public Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        log.Add(context.InstanceId, name, input);
        return inner.RunAsync(context, input);
    }
}
