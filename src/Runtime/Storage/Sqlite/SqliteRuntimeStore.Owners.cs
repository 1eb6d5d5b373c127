namespace Serverless.Runtime.Storage.Sqlite;

/// <content>Owner registrations through lock files beside the database, and freeing the leases of owners that are gone.</content>
public sealed partial class SqliteRuntimeStore
{
    /// <inheritdoc />
    public Task<IAsyncDisposable> RegisterOwnerAsync(string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Task.FromResult(_ownerLocks.Register(owner));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ReclaimDeadOwnersAsync(CancellationToken cancellationToken) =>
        _ownerLocks.ReclaimAsync(owner => ReleaseLeasesAsync(owner, cancellationToken));

    private Task ReleaseLeasesAsync(string owner, CancellationToken cancellationToken) =>
        WriteAsync(
            commands => commands.Get("UPDATE instances SET lock_owner = NULL, locked_until = 0 WHERE lock_owner = $owner")
                    .With("$owner", owner).ExecuteNonQuery()
                + commands.Get("UPDATE activities SET lock_owner = NULL WHERE lock_owner = $owner")
                    .With("$owner", owner).ExecuteNonQuery(),
            cancellationToken);
}
