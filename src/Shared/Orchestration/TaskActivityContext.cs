namespace Serverless.Orchestration;

/// <summary>What an activity knows about the call that runs it.</summary>
public abstract class TaskActivityContext
{
    /// <summary>The activity name.</summary>
    public abstract TaskName Name { get; }

    /// <summary>The calling orchestration's instance id.</summary>
    public abstract string InstanceId { get; }
}
