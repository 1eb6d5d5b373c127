using System.Collections.Concurrent;
using Serverless.Storage;

namespace Serverless.Activities.Storage;

/// <summary>
/// The table store the activities write to, creating each table on first use (once per process).
/// Registered as a singleton by <see cref="ActivityServiceCollectionExtensions.AddServerlessActivities"/>.
/// </summary>
public sealed class ActivityStorage
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _created = new(StringComparer.Ordinal);

    /// <summary>Wraps a store.</summary>
    /// <param name="store">The table store.</param>
    public ActivityStorage(ITableStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
    }

    /// <summary>The underlying store.</summary>
    public ITableStore Store { get; }

    /// <summary>Returns the store once <paramref name="table"/> exists.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The store.</returns>
    public async Task<ITableStore> TableAsync(string table, CancellationToken cancellationToken = default)
    {
        var created = _created.GetOrAdd(table, name => new Lazy<Task>(() => Store.CreateTableIfNotExistsAsync(name, CancellationToken.None)));
        try
        {
            await created.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (created.Value.IsFaulted)
        {
            // Let the next call try again instead of caching the failure forever.
            _created.TryRemove(new KeyValuePair<string, Lazy<Task>>(table, created));
            throw;
        }

        return Store;
    }
}
