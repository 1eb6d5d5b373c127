using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Activities.Approvals;
using Serverless.Activities.General;
using Serverless.Activities.Inventory;
using Serverless.Activities.Notifications;
using Serverless.Activities.Payments;
using Serverless.Activities.Reliability;
using Serverless.Activities.Shipping;
using Serverless.Activities.Storage;
using Serverless.Activities.Transfers;
using Serverless.Audit;
using Serverless.Secrets;

namespace Serverless.Activities;

/// <summary>Registers what the activities need.</summary>
public static class ActivityServiceCollectionExtensions
{
    /// <summary>
    /// Registers the activity storage, the approvals inbox, notifications, the domain books (warehouse, payments, shipments, ledger), the audit trail, the named HTTP client
    /// and every activity class of <see cref="ActivityCatalog.All"/>. The caller registers an
    /// <see cref="Serverless.Storage.ITableStore"/> (and may register a <see cref="TimeProvider"/>, an
    /// <see cref="AuditTrailOptions"/>, an <see cref="HttpActivityOptions"/> and an <see cref="ISecretSource"/>; defaults otherwise,
    /// secrets from the registered <see cref="IConfiguration"/>'s <c>Secrets</c> section).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddServerlessActivities(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.AddHttpClient(HttpActivityOptions.ClientName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new AuditTrailOptions());
        services.TryAddSingleton(new HttpActivityOptions());
        services.TryAddSingleton<ISecretSource>(sp => new ConfigurationSecretSource(sp.GetService<IConfiguration>() ?? new ConfigurationBuilder().Build()));
        services.TryAddSingleton<ActivityStorage>();
        services.TryAddSingleton<ActivityRuns>();
        services.TryAddSingleton<ApprovalInbox>();
        services.TryAddSingleton<NotificationBox>();
        services.TryAddSingleton<Warehouse>();
        services.TryAddSingleton<PaymentBook>();
        services.TryAddSingleton<ShipmentBook>();
        services.TryAddSingleton<Ledger>();
        services.TryAddSingleton(sp => new AuditTrail(
            sp.GetRequiredService<Serverless.Storage.ITableStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<AuditTrailOptions>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<AuditTrail>>()));
        foreach (var descriptor in ActivityCatalog.All)
        {
            services.TryAddTransient(descriptor.ActivityType);
        }

        return services;
    }
}
