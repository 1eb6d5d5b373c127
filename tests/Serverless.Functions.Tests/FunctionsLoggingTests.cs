using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Functions.Tests.Guards;

namespace Serverless.Functions.Tests;

/// <summary>
/// The Functions app's loggers mask secrets (the built app's composition, a capturing provider standing in for the
/// Functions host and Application Insights): a configured <c>Secrets__NAME</c> value, a key in a query string and a
/// storage account key never reach a provider.
/// </summary>
public sealed class FunctionsLoggingTests
{
    private const string Value = "functions-log-secret-5e1f";

    [Fact]
    public void AddServerlessFunctions_LoggerGetsSecrets_ProvidersSeeOnlyMasks()
    {
        var capture = new CaptureProvider();
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
            [
                KeyValuePair.Create<string, string?>("AzureWebJobsStorage", "UseDevelopmentStorage=true"),
                KeyValuePair.Create<string, string?>("Secrets:SHOP_TOKEN", Value),
            ])
            .Build();
        Assembly.LoadFrom(Path.Combine(FunctionsMetadata.OutputFolder, "Serverless.Functions.dll"))
            .GetType("Serverless.Functions.FunctionsComposition", throwOnError: true)!
            .GetMethod("AddServerlessFunctions", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, [services, configuration]);
        using var provider = services.BuildServiceProvider();

        var logger = provider.GetRequiredService<ILogger<FunctionsLoggingTests>>();
        logger.LogWarning("calling https://shop.example/orders?code=abc123def456 with Bearer {Token}", Value);
        logger.LogError(new InvalidOperationException($"upstream said {Value}"), "failed with AccountKey=c2VjcmV0a2V5;EndpointSuffix=core");

        var lines = capture.Lines.ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.DoesNotContain(Value, line, StringComparison.Ordinal));
        Assert.DoesNotContain("abc123def456", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0a2V5", lines[1], StringComparison.Ordinal);
        Assert.Contains("Bearer ***", lines[0], StringComparison.Ordinal);
    }

    private sealed class CaptureProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CaptureLogger(Lines);

        public void Dispose()
        {
        }
    }

    private sealed class CaptureLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " | " + exception));
    }
}
