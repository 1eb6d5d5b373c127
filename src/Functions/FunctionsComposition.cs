using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Activities;
using Serverless.Api;
using Serverless.Api.Access;
using Serverless.Api.Logging;
using Serverless.Secrets;
using Serverless.Workflows.Validation;

namespace Serverless.Functions;

/// <summary>
/// The services the bindings hand calls to: the same activities, stores and handlers the local host
/// registers (<see cref="ActivityServiceCollectionExtensions.AddServerlessActivities"/>,
/// <see cref="ApiServiceCollectionExtensions.AddServerlessApi"/>), configured from the same app settings
/// (<c>TaskHubName</c>, <c>MaxRequestBodyBytes</c>, <c>DefaultRetention</c>, <c>AuditRetention</c>, <c>ApprovalRequestWait</c>), with the
/// product tables in the app's storage account, created when the worker starts (<see cref="ProductTablesStartup"/>), and
/// the callers' roles (<c>FunctionKeyRoles</c>, <c>Keys__NAME__*</c>, App Service authentication; <see cref="AppServiceCallers"/>).
/// </summary>
internal static class FunctionsComposition
{
    /// <summary>Registers everything the bindings resolve.</summary>
    /// <param name="services">The worker's services.</param>
    /// <param name="configuration">The app settings.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddServerlessFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        var defaults = new ApiOptions();
        var options = new ApiOptions
        {
            HubName = configuration["TaskHubName"] is { Length: > 0 } hub ? hub : defaults.HubName,
            MaxRequestBodyBytes = configuration["MaxRequestBodyBytes"] is { Length: > 0 } bytes ? int.Parse(bytes, CultureInfo.InvariantCulture) : defaults.MaxRequestBodyBytes,
            DefaultRetention = configuration["DefaultRetention"] is { Length: > 0 } retention ? TimeSpan.Parse(retention, CultureInfo.InvariantCulture) : defaults.DefaultRetention,
            AuditRetention = configuration["AuditRetention"] is { Length: > 0 } audit ? TimeSpan.Parse(audit, CultureInfo.InvariantCulture) : defaults.AuditRetention,
            ApprovalRequestWait = configuration["ApprovalRequestWait"] is { Length: > 0 } wait ? TimeSpan.Parse(wait, CultureInfo.InvariantCulture) : defaults.ApprovalRequestWait,
            Validation = new ValidationOptions
            {
                ActivityRegistry = ActivityCatalog.StepActivities,
                InterpreterActivities = ActivityCatalog.InterpreterActivities,
                SecretActivities = ActivityCatalog.SecretActivities,
            },
        };
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(ProductTables.Create(configuration));
        services.AddServerlessActivities();
        services.AddHostedService<ProductTablesStartup>();

        // The worker never sees the host's keys; it masks the configured Secrets__NAME values, key and token query
        // parameters and headers, and storage account keys in every line it logs (docs/security.md).
        services.AddRedactedLogging(new SecretRedactor([], new ConfiguredSecretValues(configuration)));
        AddCallerResolver(services, configuration);
        return services.AddServerlessApi(sp => options with { Validation = options.Validation with { Secrets = sp.GetRequiredService<ISecretSource>() } });
    }

    // Roles (docs/security.md). The settings are read here, so a bad one stops the worker at start instead of
    // refusing every call later.
    private static void AddCallerResolver(IServiceCollection services, IConfiguration configuration)
    {
        var options = AppServiceCallers.Options(configuration, isMasterKey: null);
        services.AddHttpClient(MasterKeyProbe.ClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        var site = configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } host ? new Uri($"https://{host}") : null;
        services.AddSingleton(sp =>
        {
            if (site is null)
            {
                return new CallerResolver(options);
            }

            var probe = new MasterKeyProbe(
                () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(MasterKeyProbe.ClientName),
                site,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<MasterKeyProbe>>());
            return new CallerResolver(options with { IsMasterKey = probe.IsMasterKeyAsync });
        });
    }
}
