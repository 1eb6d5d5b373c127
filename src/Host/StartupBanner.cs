using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Serverless.Host;

/// <summary>Prints where the host listens, the admin key and where data lives, once it has started.</summary>
internal static partial class StartupBanner
{
    public static void Register(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var key = app.Services.GetRequiredService<AdminKey>();
            var settings = app.Services.GetRequiredService<HostSettings>();
            var storage = settings.StorageConnectionString is null ? "SQLite (tables.db)" : "Azure Tables (AzureWebJobsStorage)";
            foreach (var address in addresses)
            {
                Console.WriteLine($"Listening on {address}/api (product) and {address}/runtime/webhooks/durabletask (Durable API)");
                Console.WriteLine($"Dashboard: {address}/dashboard/" + (settings.LocalPrincipal is { } user ? $" (callers that name no principal act as {user})" : string.Empty));
            }

            Console.WriteLine($"Admin key ({key.Source}): {key.Value}");
            Console.WriteLine($"Data folder: {settings.DataDirectory}; product tables: {storage}");
            Console.Out.Flush();
        });
    }
}
