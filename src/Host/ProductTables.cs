using Serverless.Audit;
using Serverless.Definitions;
using Serverless.Schedules;
using Serverless.Triggers;

namespace Serverless.Host;

/// <summary>The product's own tables (definitions, schedules, triggers, audit trail), created before any engine starts.</summary>
internal static class ProductTables
{
    public static async Task EnsureCreatedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DefinitionStore>().EnsureCreatedAsync(cancellationToken);
        await services.GetRequiredService<ScheduleStore>().EnsureCreatedAsync(cancellationToken);
        await services.GetRequiredService<TriggerStore>().EnsureCreatedAsync(cancellationToken);
        await services.GetRequiredService<AuditTrail>().EnsureCreatedAsync(cancellationToken);
    }
}
