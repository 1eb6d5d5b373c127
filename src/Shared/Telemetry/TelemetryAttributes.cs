namespace Serverless.Telemetry;

/// <summary>
/// Attribute (tag) names on our spans and metrics. Ours live under one <c>serverless.*</c> namespace; where an
/// OpenTelemetry semantic convention exists (errors), its name is used instead.
/// </summary>
public static class TelemetryAttributes
{
    /// <summary>The orchestration instance id.</summary>
    public const string InstanceId = "serverless.instance.id";

    /// <summary>The workflow: the definition name for interpreted workflows, else the orchestrator name.</summary>
    public const string Workflow = "serverless.workflow.name";

    /// <summary>The workflow (or orchestrator) version.</summary>
    public const string Version = "serverless.workflow.version";

    /// <summary>The step id of a workflow definition.</summary>
    public const string StepId = "serverless.step.id";

    /// <summary>The activity name of an activity execution.</summary>
    public const string Activity = "serverless.activity.name";

    /// <summary>How many times the activity work item has been leased (1 on its first run; more after a crash).</summary>
    public const string DequeueCount = "serverless.activity.dequeue_count";

    /// <summary>The final runtime status of an orchestration (Completed, Failed, Terminated, ContinuedAsNew).</summary>
    public const string Status = "serverless.orchestration.status";

    /// <summary>The external event name of an event wait.</summary>
    public const string EventName = "serverless.event.name";

    /// <summary>How a step, wait or approval ended (completed, failed, granted, rejected, timedOut).</summary>
    public const string Outcome = "serverless.outcome";

    /// <summary>The name of a webhook trigger.</summary>
    public const string Trigger = "serverless.trigger.name";

    /// <summary>The id of a trigger's rule.</summary>
    public const string Rule = "serverless.trigger.rule";

    /// <summary>The OpenTelemetry semantic-convention attribute for the class of an error.</summary>
    public const string ErrorType = "error.type";
}
