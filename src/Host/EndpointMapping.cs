using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Serverless.Api.Access;
using Serverless.Api.Approvals;
using Serverless.Api.Audit;
using Serverless.Api.Dashboard;
using Serverless.Api.Definitions;
using Serverless.Api.Durable;
using Serverless.Api.Metrics;
using Serverless.Api.Operations;
using Serverless.Api.Routing;
using Serverless.Api.Schedules;
using Serverless.Api.Triggers;
using Serverless.Api.Workflows;

namespace Serverless.Host;

/// <summary>Maps every route of <see cref="ApiRoutes"/> and <see cref="DurableApiRoutes"/> onto its host-agnostic handler.</summary>
public static class EndpointMapping
{
    /// <summary>Maps the routes, each behind the <see cref="RouteGuard"/> (its key and its role).</summary>
    /// <param name="app">The app.</param>
    /// <returns>The app.</returns>
    public static WebApplication MapServerlessRoutes(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var guard = app.Services.GetRequiredService<RouteGuard>();
        var handlers = new Dictionary<ApiRoute, Delegate>
        {
            [ApiRoutes.Health] = ([FromServices] HealthEndpoint h, HttpRequest r, [FromServices] DurableTaskClient c, CancellationToken t) => h.GetAsync(r, c, t),
            [ApiRoutes.OpenApi] = (HttpRequest r) => OpenApiDocument.Get(r),
            [ApiRoutes.PublishDefinition] = ([FromServices] DefinitionEndpoints h, HttpRequest r, CancellationToken t) => h.PublishAsync(r, t),
            [ApiRoutes.ListDefinitions] = ([FromServices] DefinitionEndpoints h, HttpRequest r, CancellationToken t) => h.ListAsync(r, t),
            [ApiRoutes.GetDefinition] = ([FromServices] DefinitionEndpoints h, HttpRequest r, string name, CancellationToken t) => h.GetAsync(r, name, t),
            [ApiRoutes.ListDefinitionVersions] = ([FromServices] DefinitionEndpoints h, HttpRequest r, string name, CancellationToken t) => h.ListVersionsAsync(r, name, t),
            [ApiRoutes.ActivateDefinitionVersion] = ([FromServices] DefinitionEndpoints h, HttpRequest r, string name, CancellationToken t) => h.ActivateAsync(r, name, t),
            [ApiRoutes.StartWorkflow] = ([FromServices] StartEndpoints h, HttpRequest r, [FromServices] DurableTaskClient c, string name, string? instanceId, CancellationToken t) =>
                h.StartWorkflowAsync(r, c, name, instanceId, t),
            [ApiRoutes.WorkflowMetrics] = ([FromServices] MetricsEndpoint h, HttpRequest r, [FromServices] DurableTaskClient c, string name, CancellationToken t) => h.GetAsync(r, c, name, t),
            [ApiRoutes.StartOrchestrator] = ([FromServices] StartEndpoints h, HttpRequest r, [FromServices] DurableTaskClient c, string name, string? instanceId, CancellationToken t) =>
                h.StartOrchestratorAsync(r, c, name, instanceId, t),
            [ApiRoutes.ListPendingApprovals] = ([FromServices] ApprovalEndpoints h, HttpRequest r, CancellationToken t) => h.ListPendingAsync(r, t),
            [ApiRoutes.DecideApproval] = ([FromServices] ApprovalEndpoints h, HttpRequest r, [FromServices] DurableTaskClient c, string instanceId, string stepId, CancellationToken t) =>
                h.DecideAsync(r, c, instanceId, stepId, t),
            [ApiRoutes.ListSchedules] = ([FromServices] ScheduleEndpoints h, HttpRequest r, CancellationToken t) => h.ListAsync(r, t),
            [ApiRoutes.GetSchedule] = ([FromServices] ScheduleEndpoints h, HttpRequest r, string id, CancellationToken t) => h.GetAsync(r, id, t),
            [ApiRoutes.PutSchedule] = ([FromServices] ScheduleEndpoints h, HttpRequest r, string id, CancellationToken t) => h.PutAsync(r, id, t),
            [ApiRoutes.DeleteSchedule] = ([FromServices] ScheduleEndpoints h, HttpRequest r, string id, CancellationToken t) => h.DeleteAsync(r, id, t),
            [ApiRoutes.PauseSchedule] = ([FromServices] ScheduleEndpoints h, HttpRequest r, string id, CancellationToken t) => h.PauseAsync(r, id, t),
            [ApiRoutes.ResumeSchedule] = ([FromServices] ScheduleEndpoints h, HttpRequest r, string id, CancellationToken t) => h.ResumeAsync(r, id, t),
            [ApiRoutes.ListTriggers] = ([FromServices] TriggerEndpoints h, HttpRequest r, CancellationToken t) => h.ListAsync(r, t),
            [ApiRoutes.GetTrigger] = ([FromServices] TriggerEndpoints h, HttpRequest r, string name, CancellationToken t) => h.GetAsync(r, name, t),
            [ApiRoutes.PutTrigger] = ([FromServices] TriggerEndpoints h, HttpRequest r, string name, CancellationToken t) => h.PutAsync(r, name, t),
            [ApiRoutes.DeleteTrigger] = ([FromServices] TriggerEndpoints h, HttpRequest r, string name, CancellationToken t) => h.DeleteAsync(r, name, t),
            [ApiRoutes.PauseTrigger] = ([FromServices] TriggerEndpoints h, HttpRequest r, string name, CancellationToken t) => h.PauseAsync(r, name, t),
            [ApiRoutes.ResumeTrigger] = ([FromServices] TriggerEndpoints h, HttpRequest r, string name, CancellationToken t) => h.ResumeAsync(r, name, t),
            [ApiRoutes.DeliverHook] = ([FromServices] HookEndpoint h, HttpRequest r, [FromServices] DurableTaskClient c, string trigger, CancellationToken t) => h.PostAsync(r, c, trigger, t),
            [ApiRoutes.AuditTrail] = ([FromServices] AuditEndpoints h, HttpRequest r, string instanceId, CancellationToken t) => h.GetAsync(r, instanceId, t),
            [ApiRoutes.WhoAmI] = (HttpRequest r) => CallerEndpoint.Get(r),
            [ApiRoutes.Dashboard] = (HttpRequest r, string? path) => DashboardFiles.Get(r, path),

            [DurableApiRoutes.Start] = ([FromServices] DurableHttpApi h, HttpRequest r, [FromServices] DurableTaskClient c, string functionName, string? instanceId, CancellationToken t) =>
                h.StartAsync(r, c, functionName, instanceId, t),
            [DurableApiRoutes.GetStatus] = ([FromServices] DurableHttpApi h, HttpRequest r, [FromServices] DurableTaskClient c, string instanceId, CancellationToken t) => h.GetStatusAsync(r, c, instanceId, t),
            [DurableApiRoutes.List] = ([FromServices] DurableHttpApi h, HttpRequest r, [FromServices] DurableTaskClient c, CancellationToken t) => h.ListAsync(r, c, t),
            [DurableApiRoutes.PurgeOne] = ([FromServices] DurableHttpApi h, HttpRequest r, [FromServices] DurableTaskClient c, string instanceId, CancellationToken t) => h.PurgeInstanceAsync(r, c, instanceId, t),
            [DurableApiRoutes.PurgeMany] = ([FromServices] DurableHttpApi h, HttpRequest r, [FromServices] DurableTaskClient c, CancellationToken t) => h.PurgeInstancesAsync(r, c, t),
            [DurableApiRoutes.RaiseEvent] = ([FromServices] DurableHttpApi h, HttpRequest r, [FromServices] DurableTaskClient c, string instanceId, string eventName, CancellationToken t) =>
                h.RaiseEventAsync(r, c, instanceId, eventName, t),
            [DurableApiRoutes.Terminate] = ([FromServices] DurableHttpApi h, HttpRequest r, [FromServices] DurableTaskClient c, string instanceId, CancellationToken t) => h.TerminateAsync(r, c, instanceId, t),
            [DurableApiRoutes.Suspend] = ([FromServices] DurableHttpApi h, HttpRequest r, [FromServices] DurableTaskClient c, string instanceId, CancellationToken t) => h.SuspendAsync(r, c, instanceId, t),
            [DurableApiRoutes.Resume] = ([FromServices] DurableHttpApi h, HttpRequest r, [FromServices] DurableTaskClient c, string instanceId, CancellationToken t) => h.ResumeAsync(r, c, instanceId, t),
            [DurableApiRoutes.Rewind] = ([FromServices] DurableHttpApi h, HttpRequest r, [FromServices] DurableTaskClient c, string instanceId, CancellationToken t) => h.RewindAsync(r, c, instanceId, t),
            [DurableApiRoutes.Restart] = ([FromServices] DurableHttpApi h, HttpRequest r, [FromServices] DurableTaskClient c, string instanceId, CancellationToken t) => h.RestartAsync(r, c, instanceId, t),
        };

        foreach (var (routes, prefix) in new[] { (ApiRoutes.All, ApiRoutes.Prefix), (DurableApiRoutes.All, DurableApiRoutes.Prefix) })
        {
            foreach (var route in routes)
            {
                app.MapMethods($"/{prefix}/{route.Route}", route.Methods, handlers[route])
                    .WithName(route.FunctionName)
                    .AddEndpointFilter(new RouteGuardFilter(route, guard));
            }
        }

        // The short address the banner prints; the Functions app serves the same files at /api/dashboard/.
        app.MapGet("/dashboard/{*path}", (HttpRequest r, string? path) => DashboardFiles.Get(r, path)).WithName("DashboardRoot");
        app.MapGet("/", () => Results.Redirect("/dashboard/")).WithName("Root");
        return app;
    }
}
