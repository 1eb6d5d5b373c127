using Serverless.Api.Access;

namespace Serverless.Api.Routing;

/// <summary>
/// Every product route under <c>/api</c>. The local host maps exactly these and the Functions app binds one function
/// per entry; its drift guard compares the two, so names, methods and templates here are the contract.
/// </summary>
public static class ApiRoutes
{
    /// <summary>The route prefix of product routes (the Functions default).</summary>
    public const string Prefix = "api";

    /// <summary>Liveness and readiness.</summary>
    public static readonly ApiRoute Health = new("Health", ["GET"], "health", RouteAuthorization.Anonymous, "Health of the host and its stores.") { Role = ApiRole.Anyone };

    /// <summary>The OpenAPI document of every route.</summary>
    public static readonly ApiRoute OpenApi = new("OpenApiDocument", ["GET"], "openapi.json", RouteAuthorization.Anonymous, "OpenAPI 3 document of this API.") { Role = ApiRole.Anyone };

    /// <summary>Publish a workflow definition.</summary>
    public static readonly ApiRoute PublishDefinition = new("PublishDefinition", ["POST"], "definitions", RouteAuthorization.Function, "Validate and publish a workflow definition (JSON or YAML).") { Role = ApiRole.Author };

    /// <summary>List workflows with their active and latest versions.</summary>
    public static readonly ApiRoute ListDefinitions = new("ListDefinitions", ["GET"], "definitions", RouteAuthorization.Function, "List published workflows.") { Role = ApiRole.Reader };

    /// <summary>Get a definition (the active version, or <c>?version=</c>).</summary>
    public static readonly ApiRoute GetDefinition = new("GetDefinition", ["GET"], "definitions/{name}", RouteAuthorization.Function, "Get the active (or a given) version of a definition.") { Role = ApiRole.Reader };

    /// <summary>List the versions of a definition.</summary>
    public static readonly ApiRoute ListDefinitionVersions = new("ListDefinitionVersions", ["GET"], "definitions/{name}/versions", RouteAuthorization.Function, "List every published version of a workflow.") { Role = ApiRole.Reader };

    /// <summary>Choose the active version (roll back or forward).</summary>
    public static readonly ApiRoute ActivateDefinitionVersion = new("ActivateDefinitionVersion", ["POST"], "definitions/{name}/active", RouteAuthorization.Function, "Choose the version new instances start with (roll back).") { Role = ApiRole.Author };

    /// <summary>Start a workflow instance.</summary>
    public static readonly ApiRoute StartWorkflow = new("StartWorkflow", ["POST"], "workflows/{name}/instances/{instanceId?}", RouteAuthorization.Function, "Start a workflow (active version or ?version=); 202 with management URLs.") { Role = ApiRole.Operator };

    /// <summary>Metrics of one workflow.</summary>
    public static readonly ApiRoute WorkflowMetrics = new("WorkflowMetrics", ["GET"], "workflows/{name}/metrics", RouteAuthorization.Function, "Count, success rate, durations, retry and compensation rates, slowest step.") { Role = ApiRole.Reader };

    /// <summary>Start a code-first orchestrator.</summary>
    public static readonly ApiRoute StartOrchestrator = new("StartOrchestrator", ["POST"], "orchestrators/{name}/{instanceId?}", RouteAuthorization.Function, "Start a code-first orchestrator; 202 with management URLs.") { Role = ApiRole.Operator };

    /// <summary>Pending approvals of the calling approver.</summary>
    public static readonly ApiRoute ListPendingApprovals = new("ListPendingApprovals", ["GET"], "approvals", RouteAuthorization.Function, "Pending approvals the caller may decide.") { Role = ApiRole.Reader };

    /// <summary>Approve or reject.</summary>
    public static readonly ApiRoute DecideApproval = new("DecideApproval", ["POST"], "approvals/{instanceId}/{stepId}", RouteAuthorization.Function, "Approve or reject as the calling approver.") { Role = ApiRole.Approver };

    /// <summary>List schedules.</summary>
    public static readonly ApiRoute ListSchedules = new("ListSchedules", ["GET"], "schedules", RouteAuthorization.Function, "List schedules with their next fire times.") { Role = ApiRole.Reader };

    /// <summary>Get one schedule.</summary>
    public static readonly ApiRoute GetSchedule = new("GetSchedule", ["GET"], "schedules/{id}", RouteAuthorization.Function, "Get a schedule with its next fire times.") { Role = ApiRole.Reader };

    /// <summary>Create or update a schedule.</summary>
    public static readonly ApiRoute PutSchedule = new("PutSchedule", ["PUT"], "schedules/{id}", RouteAuthorization.Function, "Create or replace a schedule.") { Role = ApiRole.Operator };

    /// <summary>Delete a schedule.</summary>
    public static readonly ApiRoute DeleteSchedule = new("DeleteSchedule", ["DELETE"], "schedules/{id}", RouteAuthorization.Function, "Delete a schedule.") { Role = ApiRole.Operator };

    /// <summary>Pause a schedule.</summary>
    public static readonly ApiRoute PauseSchedule = new("PauseSchedule", ["POST"], "schedules/{id}/pause", RouteAuthorization.Function, "Pause a schedule (ticks start nothing).") { Role = ApiRole.Operator };

    /// <summary>Resume a schedule.</summary>
    public static readonly ApiRoute ResumeSchedule = new("ResumeSchedule", ["POST"], "schedules/{id}/resume", RouteAuthorization.Function, "Resume a paused schedule from now.") { Role = ApiRole.Operator };

    /// <summary>List webhook triggers.</summary>
    public static readonly ApiRoute ListTriggers = new("ListTriggers", ["GET"], "triggers", RouteAuthorization.Function, "List webhook triggers with their counts.") { Role = ApiRole.Reader };

    /// <summary>Get one trigger.</summary>
    public static readonly ApiRoute GetTrigger = new("GetTrigger", ["GET"], "triggers/{name}", RouteAuthorization.Function, "Get a webhook trigger with its rules and counts.") { Role = ApiRole.Reader };

    /// <summary>Create or replace a trigger.</summary>
    public static readonly ApiRoute PutTrigger = new("PutTrigger", ["PUT"], "triggers/{name}", RouteAuthorization.Function, "Create or replace a webhook trigger (auth naming a secret, rules).") { Role = ApiRole.Operator };

    /// <summary>Delete a trigger.</summary>
    public static readonly ApiRoute DeleteTrigger = new("DeleteTrigger", ["DELETE"], "triggers/{name}", RouteAuthorization.Function, "Delete a webhook trigger.") { Role = ApiRole.Operator };

    /// <summary>Pause a trigger.</summary>
    public static readonly ApiRoute PauseTrigger = new("PauseTrigger", ["POST"], "triggers/{name}/pause", RouteAuthorization.Function, "Pause a trigger (deliveries are refused with 409).") { Role = ApiRole.Operator };

    /// <summary>Resume a trigger.</summary>
    public static readonly ApiRoute ResumeTrigger = new("ResumeTrigger", ["POST"], "triggers/{name}/resume", RouteAuthorization.Function, "Resume a paused trigger.") { Role = ApiRole.Operator };

    /// <summary>A webhook delivery; the trigger's own key or signature authenticates it.</summary>
    public static readonly ApiRoute DeliverHook = new("DeliverHook", ["POST"], "hooks/{trigger}", RouteAuthorization.Anonymous,
        "Deliver an event to a trigger (its key or HMAC-SHA256 signature header, no function key); starts the workflows of matching rules.") { Role = ApiRole.Anyone };

    /// <summary>The audit trail of one instance.</summary>
    public static readonly ApiRoute AuditTrail = new("AuditTrail", ["GET"], "instances/{instanceId}/audit", RouteAuthorization.Function, "An instance's audit trail and its hash-chain verification.") { Role = ApiRole.Reader };

    /// <summary>Who the host says the caller is (the dashboard shows it; approvals act as it).</summary>
    public static readonly ApiRoute WhoAmI = new("WhoAmI", ["GET"], "me", RouteAuthorization.Function, "The caller's name and roles as the host establishes them.") { Role = ApiRole.Anyone };

    /// <summary>The browser dashboard's files (the local host also serves them at <c>/dashboard</c>).</summary>
    public static readonly ApiRoute Dashboard = new("Dashboard", ["GET"], "dashboard/{*path}", RouteAuthorization.Anonymous, "The browser dashboard (HTML, CSS, ES modules).") { Role = ApiRole.Anyone };

    /// <summary>Every product route.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        Health, OpenApi,
        PublishDefinition, ListDefinitions, GetDefinition, ListDefinitionVersions, ActivateDefinitionVersion,
        StartWorkflow, WorkflowMetrics, StartOrchestrator,
        ListPendingApprovals, DecideApproval,
        ListSchedules, GetSchedule, PutSchedule, DeleteSchedule, PauseSchedule, ResumeSchedule,
        ListTriggers, GetTrigger, PutTrigger, DeleteTrigger, PauseTrigger, ResumeTrigger, DeliverHook,
        AuditTrail,
        WhoAmI, Dashboard,
    ];
}
