using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Activities;
using Serverless.Api;
using Serverless.Api.Approvals;
using Serverless.Api.Audit;
using Serverless.Api.Definitions;
using Serverless.Api.Metrics;
using Serverless.Api.Operations;
using Serverless.Api.Retention;
using Serverless.Api.Schedules;
using Serverless.Api.Workflows;
using Serverless.Definitions;
using Serverless.Schedules;
using Serverless.Storage;
using Serverless.Workflows.Validation;

namespace Serverless.Functions;

/// <summary>
/// The services the bindings hand calls to: the same stores, activities and handlers the local host
/// registers, configured from the same app settings (<c>TaskHubName</c>, <c>DefaultRetention</c>,
/// <c>AuditRetention</c>, <c>MaxRequestBodyBytes</c>), with the product tables in the app's storage account.
/// </summary>
internal static class FunctionsComposition
{
    /// <summary>Registers everything the bindings resolve.</summary>
    /// <param name="services">The worker's services.</param>
    /// <param name="configuration">The app settings.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddServerlessFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(ProductTables.Create(configuration));
        services.AddServerlessActivities();
        services.AddSingleton(new ApiOptions
        {
            HubName = configuration["TaskHubName"] is { Length: > 0 } hub ? hub : new ApiOptions().HubName,
            MaxRequestBodyBytes = configuration["MaxRequestBodyBytes"] is { Length: > 0 } bytes ? int.Parse(bytes, CultureInfo.InvariantCulture) : new ApiOptions().MaxRequestBodyBytes,
            DefaultRetention = configuration["DefaultRetention"] is { Length: > 0 } retention ? TimeSpan.Parse(retention, CultureInfo.InvariantCulture) : new ApiOptions().DefaultRetention,
            AuditRetention = configuration["AuditRetention"] is { Length: > 0 } audit ? TimeSpan.Parse(audit, CultureInfo.InvariantCulture) : new ApiOptions().AuditRetention,
            Validation = new ValidationOptions { ActivityRegistry = ActivityCatalog.All.Select(a => a.Name).ToHashSet(StringComparer.Ordinal) },
        });
        services.AddSingleton(sp => new DefinitionStore(sp.GetRequiredService<ITableStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ScheduleStore(sp.GetRequiredService<ITableStore>()));
        services.AddSingleton<WorkflowStarter>();
        services.AddSingleton<DefinitionEndpoints>();
        services.AddSingleton<StartEndpoints>();
        services.AddSingleton<ScheduleEndpoints>();
        services.AddSingleton<ApprovalEndpoints>();
        services.AddSingleton<AuditEndpoints>();
        services.AddSingleton<MetricsEndpoint>();
        services.AddSingleton<HealthEndpoint>();
        services.AddSingleton<ScheduleTick>();
        services.AddSingleton<RetentionSweep>();
        return services;
    }
}
