using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Serverless.Activities;
using Serverless.Activities.Approvals;
using Serverless.Activities.General;
using Serverless.Activities.Workflows;
using Serverless.Approvals;

namespace Serverless.Functions.Bindings;

/// <summary>
/// One activity function per <see cref="ActivityCatalog.All"/> entry, under its registered name, each
/// running the shared activity class with the trigger's input. This part: built-ins, approvals and the interpreter's event batches.
/// </summary>
public static partial class ActivityFunctions
{
    /// <summary>Activity <c>echo</c>: runs <see cref="Echo"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("echo")]
    public static Task<JsonNode?> Echo([ActivityTrigger] JsonNode? input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<Echo, JsonNode?, JsonNode?>(input, function);

    /// <summary>Activity <c>transform</c>: runs <see cref="Transform"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("transform")]
    public static Task<JsonNode?> Transform([ActivityTrigger] TransformInput? input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<Transform, TransformInput?, JsonNode?>(input, function);

    /// <summary>Activity <c>http</c>: runs <see cref="Http"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("http")]
    public static Task<HttpResponseOutput> Http([ActivityTrigger] HttpRequestInput input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<Http, HttpRequestInput, HttpResponseOutput>(input, function);

    /// <summary>Activity <c>audit</c>: runs <see cref="RecordAudit"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("audit")]
    public static Task<AuditOutput> RecordAudit([ActivityTrigger] JsonObject input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<RecordAudit, JsonObject, AuditOutput>(input, function);

    /// <summary>Activity <c>notify</c>: runs <see cref="Notify"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("notify")]
    public static Task<NotifyOutput> Notify([ActivityTrigger] NotifyInput input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<Notify, NotifyInput, NotifyOutput>(input, function);

    /// <summary>Activity <c>fail</c>: runs <see cref="Fail"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("fail")]
    public static Task<object?> Fail([ActivityTrigger] FailInput? input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<Fail, FailInput?, object?>(input, function);

    /// <summary>Activity <c>RequestApproval</c>: runs <see cref="RequestApproval"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("RequestApproval")]
    public static Task<ApprovalRecord> RequestApproval([ActivityTrigger] ApprovalRequest input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<RequestApproval, ApprovalRequest, ApprovalRecord>(input, function);

    /// <summary>Activity <c>CloseApproval</c>: runs <see cref="CloseApproval"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("CloseApproval")]
    public static Task<bool> CloseApproval([ActivityTrigger] CloseApprovalInput input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<CloseApproval, CloseApprovalInput, bool>(input, function);

    /// <summary>Activity <c>ConfirmApprovalDecision</c>: runs <see cref="ConfirmApprovalDecision"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("ConfirmApprovalDecision")]
    public static Task<ApprovalDecision?> ConfirmApprovalDecision([ActivityTrigger] ConfirmDecisionInput input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<ConfirmApprovalDecision, ConfirmDecisionInput, ApprovalDecision?>(input, function);

    /// <summary>Activity <c>recordWorkflowEvents</c>: runs <see cref="RecordWorkflowEventsActivity"/>.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="function">The invocation.</param>
    /// <returns>The activity output.</returns>
    [Function("recordWorkflowEvents")]
    public static Task<int> RecordWorkflowEvents([ActivityTrigger] WorkflowEventBatch input, FunctionContext function) =>
        SharedTasks.RunActivityAsync<RecordWorkflowEventsActivity, WorkflowEventBatch, int>(input, function);
}
