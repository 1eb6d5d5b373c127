using SQLitePCL;

namespace Serverless.Runtime.Storage.Sqlite;

/// <content>One batch: BEGIN IMMEDIATE, a SAVEPOINT per request, COMMIT, then the callers' results.</content>
internal sealed partial class SqliteWriter
{
    private void RunBatch(List<SqliteWriteRequest> batch)
    {
        // A lone request needs no savepoint: on failure the whole transaction is its own.
        var useSavepoints = batch.Count > 1;
        var done = new List<SqliteWriteRequest>(batch.Count);
        _commands.Execute("BEGIN IMMEDIATE");
        foreach (var request in batch)
        {
            if (request.CancellationToken.IsCancellationRequested)
            {
                request.Cancel();
                continue;
            }

            if (useSavepoints)
            {
                _commands.Execute("SAVEPOINT request");
            }

            try
            {
                request.Execute(_commands);
                if (useSavepoints)
                {
                    _commands.Execute("RELEASE request");
                }

                done.Add(request);
            }
            catch (Exception exception)
            {
                request.Fail(exception);
                if (!InTransaction)
                {
                    // SQLite rolled the whole transaction back itself (I/O error, disk full): nothing is stored.
                    throw;
                }

                _commands.Execute(useSavepoints ? "ROLLBACK TO request" : "ROLLBACK");
                if (!useSavepoints)
                {
                    return;
                }

                _commands.Execute("RELEASE request");
            }
        }

        try
        {
            _commands.Execute("COMMIT");
        }
        catch
        {
            RollBackQuietly();
            throw;
        }

        LogBatchCommitted(batch.Count);
        done.ForEach(r => r.Complete());
    }

    private void RollBackQuietly()
    {
        try
        {
            if (InTransaction)
            {
                _commands.Execute("ROLLBACK");
            }
        }
        catch (Exception exception)
        {
            LogRollbackFailed(exception);
        }
    }

    private bool InTransaction => raw.sqlite3_get_autocommit(_commands.Connection.Handle) == 0;
}
