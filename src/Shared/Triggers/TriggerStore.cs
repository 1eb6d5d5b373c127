using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Serverless.Storage;

namespace Serverless.Triggers;

/// <summary>
/// Triggers on the table-store port: one row per trigger in partition <c>trigger</c> (the document, paused, updated
/// at) and one row of counts per trigger in partition <c>counts</c>, so replacing a trigger keeps its counts and a
/// busy trigger's counting never conflicts with an operator's change. No secret value is ever stored: a document
/// names its secret.
/// </summary>
public sealed class TriggerStore
{
    /// <summary>The default table name.</summary>
    public const string DefaultTable = "Triggers";

    private const string DocumentPartition = "trigger";
    private const string CountsPartition = "counts";
    private const int MaxCountAttempts = 32;

    private readonly ITableStore _store;
    private readonly string _table;

    /// <summary>Creates the store.</summary>
    /// <param name="store">The table store.</param>
    /// <param name="table">The table name.</param>
    public TriggerStore(ITableStore store, string table = DefaultTable)
    {
        _store = store;
        _table = table;
    }

    /// <summary>Creates the table if it does not exist.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the table exists.</returns>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _store.CreateTableIfNotExistsAsync(_table, cancellationToken);

    /// <summary>Reads one trigger, or null.</summary>
    /// <param name="name">The trigger's name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The trigger, or null.</returns>
    public async Task<StoredTrigger?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        TriggerDocument.IsValidName(name) && await _store.GetAsync(_table, DocumentPartition, name, cancellationToken) is { } row ? FromEntity(row) : null;

    /// <summary>Every trigger, by name.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The triggers.</returns>
    public async Task<IReadOnlyList<StoredTrigger>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<StoredTrigger>();
        await foreach (var row in _store.QueryAllAsync(_table, TableStoreQuery.Partition(DocumentPartition), cancellationToken))
        {
            all.Add(FromEntity(row));
        }

        return all;
    }

    /// <summary>Creates or replaces a trigger unconditionally; its counts stay.</summary>
    /// <param name="name">The trigger's name.</param>
    /// <param name="documentJson">The checked document.</param>
    /// <param name="paused">Whether it starts paused.</param>
    /// <param name="updatedAt">Now.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored trigger.</returns>
    /// <exception cref="ArgumentException">The name is not valid or the document is too long.</exception>
    public async Task<StoredTrigger> PutAsync(string name, string documentJson, bool paused, DateTimeOffset updatedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentJson);
        if (!TriggerDocument.IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid trigger name.", nameof(name));
        }

        if (documentJson.Length > TriggerDocument.MaxChars)
        {
            throw new ArgumentException($"The document is {documentJson.Length} characters; the limit is {TriggerDocument.MaxChars}.", nameof(documentJson));
        }

        var etag = await _store.UpsertAsync(_table, ToEntity(name, documentJson, paused, updatedAt), TableUpdateMode.Replace, cancellationToken);
        return new StoredTrigger(name, documentJson, paused, updatedAt, etag);
    }

    /// <summary>Pauses or resumes a trigger.</summary>
    /// <param name="name">The trigger's name.</param>
    /// <param name="paused">The new state.</param>
    /// <param name="updatedAt">Now.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The trigger after the change, or null when there is none.</returns>
    public async Task<StoredTrigger?> SetPausedAsync(string name, bool paused, DateTimeOffset updatedAt, CancellationToken cancellationToken = default)
    {
        while (await GetAsync(name, cancellationToken) is { } found)
        {
            try
            {
                var etag = await _store.UpdateAsync(_table, ToEntity(name, found.DocumentJson, paused, updatedAt), found.ETag, TableUpdateMode.Replace, cancellationToken);
                return found with { Paused = paused, UpdatedAt = updatedAt, ETag = etag };
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Replaced or deleted meanwhile: read again.
            }
        }

        return null;
    }

    /// <summary>Deletes a trigger and its counts.</summary>
    /// <param name="name">The trigger's name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when it existed.</returns>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!TriggerDocument.IsValidName(name) || await _store.GetAsync(_table, DocumentPartition, name, cancellationToken) is null)
        {
            return false;
        }

        await DeleteIfPresentAsync(DocumentPartition, name, cancellationToken);
        await DeleteIfPresentAsync(CountsPartition, name, cancellationToken);
        return true;
    }

    /// <summary>A trigger's counts (zero when nothing was counted yet).</summary>
    /// <param name="name">The trigger's name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The counts.</returns>
    public async Task<TriggerCounts> GetCountsAsync(string name, CancellationToken cancellationToken = default) =>
        TriggerDocument.IsValidName(name) && await _store.GetAsync(_table, CountsPartition, name, cancellationToken) is { } row ? CountsFrom(row) : new TriggerCounts();

    /// <summary>Adds to a trigger's counts, safely against concurrent deliveries (ETag retries).</summary>
    /// <param name="name">The trigger's name.</param>
    /// <param name="delta">What to add.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The counts after adding.</returns>
    /// <exception cref="RequestFailedException">The row kept changing under us.</exception>
    public async Task<TriggerCounts> AddCountsAsync(string name, TriggerCounts delta, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (!TriggerDocument.IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid trigger name.", nameof(name));
        }

        for (var attempt = 0; attempt < MaxCountAttempts; attempt++)
        {
            var row = await _store.GetAsync(_table, CountsPartition, name, cancellationToken);
            var sum = (row is null ? new TriggerCounts() : CountsFrom(row)).Add(delta);
            try
            {
                if (row is null)
                {
                    await _store.AddAsync(_table, CountsEntity(name, sum), cancellationToken);
                }
                else
                {
                    await _store.UpdateAsync(_table, CountsEntity(name, sum), row.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return sum;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
            {
                // Another delivery counted first: read again and add on top.
            }
        }

        throw new RequestFailedException(412, $"Could not update the counts of trigger '{name}' after {MaxCountAttempts} attempts.", TableErrorCode.UpdateConditionNotSatisfied.ToString(), null);
    }

    private async Task DeleteIfPresentAsync(string partition, string name, CancellationToken cancellationToken)
    {
        try
        {
            await _store.DeleteAsync(_table, partition, name, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone.
        }
    }

    private static TableEntity ToEntity(string name, string documentJson, bool paused, DateTimeOffset updatedAt) => new(DocumentPartition, name)
    {
        ["Document"] = documentJson,
        ["Paused"] = paused,
        ["UpdatedAt"] = updatedAt,
    };

    private static StoredTrigger FromEntity(TableEntity e) =>
        new(e.RowKey, e.GetString("Document") ?? "{}", e.GetBoolean("Paused") ?? false, e.GetDateTimeOffset("UpdatedAt") ?? default, e.ETag);

    private static TableEntity CountsEntity(string name, TriggerCounts c)
    {
        var e = new TableEntity(CountsPartition, name)
        {
            ["Deliveries"] = c.Deliveries,
            ["Refused"] = c.Refused,
            ["Matched"] = c.Matched,
            ["NotMatched"] = c.NotMatched,
            ["Started"] = c.Started,
            ["AlreadyStarted"] = c.AlreadyStarted,
            ["Failed"] = c.Failed,
        };
        if (c.LastDeliveryAt is { } delivered)
        {
            e["LastDeliveryAt"] = delivered;
        }

        if (c.LastRefusedAt is { } refused)
        {
            e["LastRefusedAt"] = refused;
        }

        return e;
    }

    private static TriggerCounts CountsFrom(TableEntity e) => new()
    {
        Deliveries = e.GetInt64("Deliveries") ?? 0,
        Refused = e.GetInt64("Refused") ?? 0,
        Matched = e.GetInt64("Matched") ?? 0,
        NotMatched = e.GetInt64("NotMatched") ?? 0,
        Started = e.GetInt64("Started") ?? 0,
        AlreadyStarted = e.GetInt64("AlreadyStarted") ?? 0,
        Failed = e.GetInt64("Failed") ?? 0,
        LastDeliveryAt = e.GetDateTimeOffset("LastDeliveryAt"),
        LastRefusedAt = e.GetDateTimeOffset("LastRefusedAt"),
    };
}
