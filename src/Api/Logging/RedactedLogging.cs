using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Serverless.Api.Logging;

/// <summary>Puts a <see cref="SecretRedactor"/> in front of every logger a host's services hand out (both hosts call it).</summary>
public static class RedactedLogging
{
    /// <summary>
    /// Registers <paramref name="redactor"/> and replaces the logger factory with one whose loggers mask secrets before
    /// any provider (console, the Functions host, Application Insights, OpenTelemetry) sees a line; providers, filters
    /// and scopes stay as the host configured them.
    /// </summary>
    /// <param name="services">The host's services, with logging already added.</param>
    /// <param name="redactor">What counts as a secret.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddRedactedLogging(this IServiceCollection services, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(redactor);
        services.AddSingleton(redactor);
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(
            new LoggerFactory(
                sp.GetServices<ILoggerProvider>(),
                sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
                sp.GetService<IOptions<LoggerFactoryOptions>>(),
                sp.GetService<IExternalScopeProvider>()),
            redactor)));
        return services;
    }
}
