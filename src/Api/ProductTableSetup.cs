using Microsoft.Extensions.DependencyInjection;
using Serverless.Audit;
using Serverless.Definitions;
using Serverless.Schedules;
using Serverless.Triggers;

namespace Serverless.Api;

/// <summary>
/// Creates the product's own tables (definitions, schedules, triggers, the audit trail and its day index) when they do
/// not exist. Both hosts call it before they serve: the local host before its engine starts, the Functions app when its
/// worker starts. The activities' tables (inbox, books) are created by the activities on first use.
/// </summary>
public static class ProductTableSetup
{
    /// <summary>Creates every product table that does not exist yet; existing tables and their rows are left alone.</summary>
    /// <param name="services">Services with the stores <see cref="ApiServiceCollectionExtensions.AddServerlessApi"/> registers.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when every table exists.</returns>
    public static async Task EnsureCreatedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await services.GetRequiredService<DefinitionStore>().EnsureCreatedAsync(cancellationToken);
        await services.GetRequiredService<ScheduleStore>().EnsureCreatedAsync(cancellationToken);
        await services.GetRequiredService<TriggerStore>().EnsureCreatedAsync(cancellationToken);
        await services.GetRequiredService<AuditTrail>().EnsureCreatedAsync(cancellationToken);
    }
}
