using Serverless.Api;

namespace Serverless.Host;

/// <summary>The product's own tables (definitions, schedules, triggers, audit trail), created before any engine starts.</summary>
internal static class ProductTables
{
    public static Task EnsureCreatedAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        ProductTableSetup.EnsureCreatedAsync(services, cancellationToken);
}
