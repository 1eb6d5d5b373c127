namespace Serverless.Orchestrations.Workflows;

/// <summary>The custom status of a running workflow instance: what clients show as progress.</summary>
/// <param name="StepsCompleted">Steps finished so far (nested steps and repeated iterations count each time).</param>
/// <param name="TotalSteps">Steps in the definition, nested ones included (a loop or foreach body counts once).</param>
/// <param name="CurrentStep">The step started last, or null before the first and after the end.</param>
/// <param name="Phase">One of <see cref="WorkflowPhases"/>.</param>
public sealed record WorkflowProgress(int StepsCompleted, int TotalSteps, string? CurrentStep, string Phase);

/// <summary>The values of <see cref="WorkflowProgress.Phase"/>.</summary>
public static class WorkflowPhases
{
    /// <summary>Steps are running.</summary>
    public const string Running = "running";

    /// <summary>A step failed and compensations are running.</summary>
    public const string Compensating = "compensating";

    /// <summary>The workflow completed.</summary>
    public const string Completed = "completed";

    /// <summary>The workflow failed (after compensation, when it compensates).</summary>
    public const string Failed = "failed";
}
