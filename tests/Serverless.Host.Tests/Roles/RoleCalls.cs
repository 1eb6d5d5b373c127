using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests.Roles;

/// <summary>One call a role may or may not make, with the role the route needs.</summary>
public sealed record RoleCall(string Route, string Method, string Path, string? Body, string Needs)
{
    private const string Durable = "/runtime/webhooks/durabletask";

    /// <summary>A representative call per capability only an author (or admin) has.</summary>
    public static IReadOnlyList<RoleCall> Author { get; } =
    [
        new("PublishDefinition", "POST", "/api/definitions", TestWorkflows.EchoV2, "author"),
        new("ActivateDefinitionVersion", "POST", "/api/definitions/echo-flow/active", """{"version":1}""", "author"),
    ];

    /// <summary>A representative call per capability only an operator (or admin) has.</summary>
    public static IReadOnlyList<RoleCall> Operator { get; } =
    [
        new("StartWorkflow", "POST", "/api/workflows/echo-flow/instances/refused-1", """{"text":"x"}""", "operator"),
        new("StartOrchestrator", "POST", "/api/orchestrators/SequentialChain/refused-2", "{}", "operator"),
        new("DurableStart", "POST", $"{Durable}/orchestrators/SequentialChain/refused-3", "{}", "operator"),
        new("DurableTerminate", "POST", $"{Durable}/instances/waiting-1/terminate?reason=no", null, "operator"),
        new("DurableSuspend", "POST", $"{Durable}/instances/waiting-1/suspend?reason=no", null, "operator"),
        new("DurableResume", "POST", $"{Durable}/instances/waiting-1/resume?reason=no", null, "operator"),
        new("DurableRaiseEvent", "POST", $"{Durable}/instances/waiting-1/raiseEvent/approval:decide", """{"approved":true}""", "operator"),
        new("DurablePurgeInstance", "DELETE", $"{Durable}/instances/waiting-1", null, "operator"),
        new("DurablePurgeInstances", "DELETE", $"{Durable}/instances?createdTimeFrom=2000-01-01T00:00:00Z", null, "operator"),
        new("DurableRestart", "POST", $"{Durable}/instances/waiting-1/restart", null, "operator"),
        new("DurableRewind", "POST", $"{Durable}/instances/waiting-1/rewind", null, "operator"),
        new("PutSchedule", "PUT", "/api/schedules/refused", """{"workflow":"echo-flow","cron":"0 0 3 * * *","input":{"text":"x"}}""", "operator"),
        new("DeleteSchedule", "DELETE", "/api/schedules/nightly", null, "operator"),
        new("ResumeSchedule", "POST", "/api/schedules/nightly/resume", null, "operator"),
        new("PauseSchedule", "POST", "/api/schedules/nightly/pause", null, "operator"),
    ];

    /// <summary>A representative call per capability only an approver (or admin) has.</summary>
    public static IReadOnlyList<RoleCall> Approver { get; } =
    [
        new("DecideApproval", "POST", "/api/approvals/waiting-1/decide", """{"approved":true,"comment":"not mine to give"}""", "approver"),
    ];
}
