using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>
/// Group commit: the one writer of a store. Callers queue requests; the loop takes every request waiting
/// (up to a cap) and runs them in one transaction, each inside its own SAVEPOINT so a failing request rolls
/// back only itself. Callers learn their result only after COMMIT, so an acknowledged write is durable.
/// </summary>
internal sealed partial class SqliteWriter : IAsyncDisposable
{
    private readonly Channel<SqliteWriteRequest> _queue =
        Channel.CreateUnbounded<SqliteWriteRequest>(new UnboundedChannelOptions { SingleReader = true });

    private readonly SqliteCommandCache _commands;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly Task _loop;

    /// <summary>Starts the writer loop over an open connection it now owns.</summary>
    public SqliteWriter(SqliteConnection connection, int maxBatchSize, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        _commands = new SqliteCommandCache(connection);
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues <paramref name="work"/> and completes when its batch has committed.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteCommandCache, T> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var request = new SqliteWriteRequest<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(SqliteRuntimeStore));
        }

        return request.Task;
    }

    /// <summary>Stops taking requests, runs the queued ones and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _commands.Dispose();
        await _commands.Connection.DisposeAsync();
    }

    private async Task RunAsync()
    {
        var batch = new List<SqliteWriteRequest>(_maxBatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            try
            {
                RunBatch(batch);
            }
            catch (Exception exception)
            {
                // Never let the loop die: every caller in the batch learns what happened, and nothing of the
                // batch stays half-done to block the next BEGIN.
                LogBatchFailed(exception, batch.Count);
                batch.ForEach(r => r.Fail(exception));
                RollBackQuietly();
            }

            batch.Clear();
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Trace, Message = "Committed a SQLite write batch of {Count} requests")]
    private partial void LogBatchCommitted(int count);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Rolling back a failed SQLite write batch failed")]
    private partial void LogRollbackFailed(Exception exception);

    [LoggerMessage(EventId = 4100, Level = LogLevel.Error, Message = "A SQLite write batch of {Count} requests failed")]
    private partial void LogBatchFailed(Exception exception, int count);
}
