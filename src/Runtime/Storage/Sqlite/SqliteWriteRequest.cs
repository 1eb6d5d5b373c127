namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>One caller's write, run by the writer inside the batch transaction.</summary>
internal abstract class SqliteWriteRequest
{
    /// <summary>The caller's token; a request cancelled before it runs is skipped.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Runs the work and keeps its result until the batch commits.</summary>
    public abstract void Execute(SqliteCommandCache commands);

    /// <summary>Hands the kept result to the caller (after COMMIT).</summary>
    public abstract void Complete();

    /// <summary>Fails the caller's task.</summary>
    public abstract void Fail(Exception exception);

    /// <summary>Cancels the caller's task.</summary>
    public abstract void Cancel();
}

/// <summary>A write returning <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The result type.</typeparam>
internal sealed class SqliteWriteRequest<T>(Func<SqliteCommandCache, T> work, CancellationToken cancellationToken) : SqliteWriteRequest
{
    // Continuations run off the writer loop so one slow caller never stalls the next batch.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    /// <summary>Completes once the batch holding this request has committed.</summary>
    public Task<T> Task => _completion.Task;

    /// <inheritdoc />
    public override CancellationToken CancellationToken => cancellationToken;

    /// <inheritdoc />
    public override void Execute(SqliteCommandCache commands) => _result = work(commands);

    /// <inheritdoc />
    public override void Complete() => _completion.TrySetResult(_result!);

    /// <inheritdoc />
    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    /// <inheritdoc />
    public override void Cancel() => _completion.TrySetCanceled(cancellationToken);
}
