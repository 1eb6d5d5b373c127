using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Serverless.Telemetry;

namespace Serverless.Functions;

/// <summary>
/// OpenTelemetry for the Functions worker: our spans and metrics (and the HTTP client's) go to Azure Monitor when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (with Entra ID when <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>
/// says <c>Authorization=AAD</c>, as infra provisions it), and to an OTLP collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set. Neither set: nothing is registered.
/// </summary>
internal static class FunctionsTelemetry
{
    /// <summary>The Durable Task SDK's own activity source (orchestration and activity spans of the worker).</summary>
    private const string DurableTaskSource = "Microsoft.DurableTask";

    /// <summary>Registers OpenTelemetry when an exporter is configured.</summary>
    /// <param name="services">The worker's services.</param>
    /// <param name="configuration">The app settings.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddServerlessTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var azureMonitor = !string.IsNullOrWhiteSpace(connectionString);
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!azureMonitor && !otlp)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(ServerlessTelemetry.Name, DurableTaskSource).AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(ServerlessTelemetry.Name).AddHttpClientInstrumentation());
        if (azureMonitor)
        {
            var credential = EntraCredential(configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                options.Credential = credential;
            });
        }

        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter()).WithMetrics(metrics => metrics.AddOtlpExporter());
        }

        return services;
    }

    /// <summary>The managed identity named by <c>ClientId=...;Authorization=AAD</c>, or null for key-based ingestion.</summary>
    private static DefaultAzureCredential? EntraCredential(string? authentication)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in (authentication ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // A repeated key keeps its last value, as connection strings do; a malformed setting must not stop the worker.
            if (pair.Split('=', 2) is [var key, var value])
            {
                parts[key.Trim()] = value.Trim();
            }
        }

        if (!parts.TryGetValue("Authorization", out var mode) || !string.Equals(mode, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = parts.GetValueOrDefault("ClientId") });
    }
}
