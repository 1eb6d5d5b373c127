using Microsoft.DurableTask;

namespace Serverless.Orchestrations.Tests.Infrastructure;

/// <summary>
/// Runs the real activity, signals <paramref name="done"/>, then hangs before returning: the side effect happened
/// but its result is never stored, as when a worker dies between the two.
/// </summary>
internal sealed class GatedActivity(ITaskActivity inner, TaskCompletionSource done) : ITaskActivity
{
    public Type InputType => inner.InputType;

    public Type OutputType => inner.OutputType;

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        var result = await inner.RunAsync(context, input);
        done.TrySetResult();
        await new TaskCompletionSource().Task;
        return result;
    }
}
