using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Durable;
using Serverless.Api.Access;
using Serverless.Api.Approvals;
using Serverless.Api.Audit;
using Serverless.Api.Definitions;
using Serverless.Api.Durable;
using Serverless.Api.Metrics;
using Serverless.Api.Operations;
using Serverless.Api.Retention;
using Serverless.Api.Schedules;
using Serverless.Api.Triggers;
using Serverless.Api.Workflows;
using Serverless.Definitions;
using Serverless.Schedules;
using Serverless.Storage;
using Serverless.Triggers;

namespace Serverless.Api;

/// <summary>Registers the handlers and the stores they need, the same way in every host.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="options"/>, the definition, schedule and trigger stores, the workflow starter, every HTTP handler
    /// and both timer handlers, the route guard and the access trail, and writes every time in a JSON answer as <see cref="UtcTimeText"/>. The caller registers an <see cref="ITableStore"/>, a <see cref="TimeProvider"/>, a
    /// <see cref="CallerResolver"/> and the activities (<c>AddServerlessActivities</c>: the approvals inbox, the audit trail and the secret source).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">Builds the handler options.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddServerlessApi(this IServiceCollection services, Func<IServiceProvider, ApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.Converters.Add(new UtcDateTimeOffsetJsonConverter());
            json.SerializerOptions.Converters.Add(new UtcDateTimeJsonConverter());
        });
        services.AddSingleton(sp => new DefinitionStore(sp.GetRequiredService<ITableStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ScheduleStore(sp.GetRequiredService<ITableStore>()));
        services.AddSingleton(sp => new TriggerStore(sp.GetRequiredService<ITableStore>()));
        services.AddSingleton<WorkflowStarter>();
        services.AddSingleton<PublishedRunGate>();
        services.AddSingleton<WorkflowTerminationAudit>();
        services.AddSingleton<DurableHttpApi>();
        services.AddSingleton<DefinitionEndpoints>();
        services.AddSingleton<StartEndpoints>();
        services.AddSingleton<ScheduleEndpoints>();
        services.AddSingleton<TriggerRequest>();
        services.AddSingleton<TriggerEndpoints>();
        services.AddSingleton<HookEndpoint>();
        services.AddSingleton<AccessTrail>();
        services.AddSingleton<RouteGuard>();
        services.AddSingleton<ApprovalEndpoints>();
        services.AddSingleton<AuditEndpoints>();
        services.AddSingleton<MetricsEndpoint>();
        services.AddSingleton<HealthEndpoint>();
        services.AddSingleton<ScheduleTick>();
        services.AddSingleton<RetentionSweep>();
        return services;
    }
}
