using Microsoft.DurableTask;

namespace Serverless.Activities.Tests.Infrastructure;

/// <summary>The activity context the engine passes: activity name and calling instance.</summary>
public sealed class TestActivityContext(string name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
