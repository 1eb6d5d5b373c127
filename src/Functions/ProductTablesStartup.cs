using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Api;

namespace Serverless.Functions;

/// <summary>
/// Creates the product tables when the worker starts, so the first publish, schedule or audit write in a new storage
/// account finds its table. A storage account that cannot be reached does not stop the worker: the attempt is retried a
/// few times, then logged as an error (without the connection string), and each request reports its own failure.
/// </summary>
/// <param name="services">The worker's services.</param>
/// <param name="time">The clock the retry pauses use.</param>
/// <param name="logger">Where a failure is reported.</param>
internal sealed partial class ProductTablesStartup(IServiceProvider services, TimeProvider time, ILogger<ProductTablesStartup> logger) : IHostedService
{
    /// <summary>How many times creation is tried before the worker gives up and serves anyway.</summary>
    public const int Attempts = 4;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ProductTableSetup.EnsureCreatedAsync(services, cancellationToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < Attempts)
            {
                Log.Retrying(logger, attempt, Attempts, e.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(attempt), time, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.GaveUp(logger, Attempts, e.GetType().Name, (e as Azure.RequestFailedException)?.ErrorCode ?? "none");
                return;
            }
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Creating the product tables failed (attempt {Attempt} of {Attempts}, {Error}); retrying.")]
        public static partial void Retrying(ILogger logger, int attempt, int attempts, string error);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Could not create the product tables after {Attempts} attempts ({Error}, storage error code {ErrorCode}); requests that need them will fail until storage is reachable.")]
        public static partial void GaveUp(ILogger logger, int attempts, string error, string errorCode);
    }
}
