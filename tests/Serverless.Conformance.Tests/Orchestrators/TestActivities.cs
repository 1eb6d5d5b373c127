using Microsoft.DurableTask;

namespace Serverless.Conformance.Tests.Orchestrators;

/// <summary>Returns its input: a marker activity whose calls the call log shows.</summary>
public sealed class Mark : TaskActivity<string, string>
{
    public const string Name = "conformance.mark";

    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(input);
}

/// <summary>Fails until the attempt given as input, then returns the attempt number (attempts counted per instance).</summary>
public sealed class Flaky(Engines.CallLog log) : TaskActivity<int, int>
{
    public const string Name = "conformance.flaky";

    public override Task<int> RunAsync(TaskActivityContext context, int succeedOnAttempt)
    {
        var attempt = log.Attempts(context.InstanceId, Name);
        return attempt < succeedOnAttempt
            ? throw new InvalidOperationException($"attempt {attempt} failed")
            : Task.FromResult(attempt);
    }
}

/// <summary>Always throws an exception with an inner exception, to compare failure details.</summary>
public sealed class FailWithInner : TaskActivity<string, string>
{
    public const string Name = "conformance.failWithInner";

    public override Task<string> RunAsync(TaskActivityContext context, string input) =>
        throw new InvalidOperationException($"outer: {input}", new FormatException("inner cause"));
}
