using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Activities;
using Serverless.Api;
using Serverless.Api.Access;
using Serverless.Api.Retention;
using Serverless.Api.Routing;
using Serverless.Api.Schedules;
using Serverless.Host.Durable;
using Serverless.Api.Logging;
using Serverless.Host.Logging;
using Serverless.Host.Server;
using Serverless.Runtime;
using Serverless.Schedules;
using Serverless.Secrets;
using Serverless.Storage;
using Serverless.Workflows.Validation;

namespace Serverless.Host;

/// <summary>Wires the local host: settings, stores, runtime, handlers and timers.</summary>
public static class HostComposition
{
    /// <summary>Reads local.settings.json and host.json and registers every service of the host.</summary>
    /// <param name="builder">The app builder.</param>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddServerlessHost(this WebApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var root = builder.Environment.ContentRootPath;
        LocalSettingsFile.AddTo(builder.Configuration, Path.Combine(root, "local.settings.json"), args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(HostSettings.DefaultUrl);
        }

        var settings = HostSettings.Read(builder.Configuration, root);
        var key = AdminKey.Load(settings);
        HostLogging.Configure(builder, [key.Value, settings.AdminKey, .. settings.Keys.Select(k => k.Value)]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            // Handlers answer 413 past MaxRequestBodyBytes; Kestrel then reads and drops the rest of a body up to four
            // times the limit, so the client sees that answer rather than a reset connection. Beyond it, it closes.
            k.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes * 4L;
            ServerRefusalProblems.UseOnEveryEndpoint(k);
        });
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddSingleton(settings);
        services.AddSingleton(key);
        services.AddSingleton(LocalCallers.Resolver(key, settings));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ITableStore>(sp => TableStoreFactory.Create(
            settings.TableStorage, Path.Combine(settings.DataDirectory, "tables.db"), sp.GetRequiredService<TimeProvider>()));
        services.AddServerlessActivities();
        builder.AddServerlessTelemetry();

        var runtimeOptions = HostJsonSettings.Apply(
            Path.Combine(root, "host.json"),
            new DurableRuntimeOptions { DataDirectory = settings.DataDirectory },
            name => builder.Configuration[name]);
        if (settings.LeaseDuration is { } lease)
        {
            runtimeOptions = runtimeOptions with { LeaseDuration = lease };
        }

        services.AddSingleton(sp => runtimeOptions with { LoggerFactory = sp.GetRequiredService<ILoggerFactory>() });
        services.AddSingleton(_ =>
        {
            var registry = RuntimeService.OrchestratorRegistry();
            foreach (var activity in ActivityCatalog.All)
            {
                registry.AddActivity(activity.Name, activity.Create);
            }

            return registry;
        });
        if (settings.DurableEngine == DurableEngine.AzureStorage)
        {
            services.AddSingleton<AzureStorageEngine>();
            services.AddHostedService(sp => sp.GetRequiredService<AzureStorageEngine>());
            services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<AzureStorageEngine>().Client);
        }
        else
        {
            services.AddSingleton<RuntimeService>();
            services.AddHostedService(sp => sp.GetRequiredService<RuntimeService>());
            services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<RuntimeService>().Client);
        }

        services.AddServerlessApi(sp => new ApiOptions
        {
            HubName = runtimeOptions.HubName,
            ManagementKeyFromRequest = true,
            MaxRequestBodyBytes = settings.MaxRequestBodyBytes,
            DefaultRetention = settings.DefaultRetention,
            AuditRetention = settings.AuditRetention,
            ApprovalRequestWait = settings.ApprovalRequestWait,
            Validation = new ValidationOptions
            {
                ActivityRegistry = ActivityCatalog.StepActivities,
                InterpreterActivities = ActivityCatalog.InterpreterActivities,
                SecretActivities = ActivityCatalog.SecretActivities,
                Secrets = sp.GetRequiredService<ISecretSource>(),
            },
        });

        if (settings.TimersEnabled)
        {
            AddTimer(services, builder.Configuration, TimerSchedules.ScheduleTick, (sp, time, client, token) => sp.GetRequiredService<ScheduleTick>().RunAsync(time, client, token));
            AddTimer(services, builder.Configuration, TimerSchedules.RetentionSweep, (sp, time, client, token) => sp.GetRequiredService<RetentionSweep>().RunAsync(time, client, token));
        }

        return builder;
    }

    private static void AddTimer(
        IServiceCollection services, IConfiguration configuration, TimerSchedule timer, Func<IServiceProvider, TimeProvider, DurableTaskClient, CancellationToken, Task> run)
    {
        var cron = configuration[timer.CronSetting] is { Length: > 0 } configured ? configured : timer.DefaultCron;
        try
        {
            CronCalendar.Parse(cron, "UTC");
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Setting {timer.CronSetting}: {e.Message}", e);
        }

        services.AddSingleton<IHostedService>(sp => new TimerService(
            timer, cron, run, sp, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TimerService>>()));
    }
}
