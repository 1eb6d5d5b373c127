using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serverless.Telemetry;

namespace Serverless.Host;

/// <summary>
/// OpenTelemetry for the local host, off unless asked for: <c>TelemetryExporters</c> lists <c>otlp</c> and/or
/// <c>console</c>; a set <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> alone turns OTLP on. The OTLP exporter reads the standard
/// <c>OTEL_EXPORTER_OTLP_*</c> variables itself. Off, nothing subscribes to our source and meter.
/// </summary>
public static class HostTelemetry
{
    /// <summary>The setting that lists the exporters.</summary>
    public const string ExportersSetting = "TelemetryExporters";

    /// <summary>The service name reported when <c>OTEL_SERVICE_NAME</c> is not set.</summary>
    public const string DefaultServiceName = "serverless-host";

    private static readonly string[] Known = ["otlp", "console"];

    /// <summary>The exporters the settings ask for (lower case, no duplicates); empty when telemetry is off.</summary>
    /// <param name="configuration">The host's configuration.</param>
    /// <returns>The exporter names.</returns>
    /// <exception cref="InvalidOperationException">The setting names an exporter we do not have.</exception>
    public static IReadOnlyList<string> Exporters(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var listed = (configuration[ExportersSetting] ?? string.Empty)
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.ToLowerInvariant())
            .Where(e => e != "none")
            .Distinct()
            .ToList();
        if (listed.FirstOrDefault(e => !Known.Contains(e)) is { } unknown)
        {
            throw new InvalidOperationException(
                $"Setting {ExportersSetting}: unknown exporter '{unknown}'; use {string.Join(", ", Known)} or none (comma-separated).");
        }

        if (listed.Count == 0 && !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            listed.Add("otlp");
        }

        return listed;
    }

    /// <summary>Registers tracing and metrics with the exporters the settings ask for; does nothing when none is asked for.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddServerlessTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var exporters = Exporters(builder.Configuration);
        if (exporters.Count == 0)
        {
            return builder;
        }

        var otlp = exporters.Contains("otlp");
        var console = exporters.Contains("console");
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(ServerlessTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }

                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ServerlessTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }

                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            });
        return builder;
    }
}
