using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Serverless.Host;

/// <summary>
/// Prints where the host listens, where the admin key is (never the key itself: console output ends up in logs) and
/// where data lives, once it has started.
/// </summary>
internal static partial class StartupBanner
{
    public static void Register(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var key = app.Services.GetRequiredService<AdminKey>();
            var settings = app.Services.GetRequiredService<HostSettings>();
            var storage = settings.TableStorage is { } tables ? $"Azure Tables at {tables}" : $"SQLite ({Path.Combine(settings.DataDirectory, "tables.db")})";
            foreach (var address in addresses)
            {
                Console.WriteLine($"Listening on {address}/api (product) and {address}/runtime/webhooks/durabletask (Durable API)");
                Console.WriteLine($"Dashboard: {address}/dashboard/" + (settings.LocalPrincipal is { } user ? $" (callers that name no principal act as {user})" : string.Empty));
            }

            Console.WriteLine(key.Source.StartsWith("setting ", StringComparison.Ordinal)
                ? $"Admin key: the {key.Source[8..]} setting"
                : $"Admin key: in {key.Source} (KEY=$(cat {Path.GetRelativePath(Environment.CurrentDirectory, key.Source)}))");
            Console.WriteLine($"Data folder: {settings.DataDirectory}; product tables: {storage}");
            Console.Out.Flush();
        });
    }
}
