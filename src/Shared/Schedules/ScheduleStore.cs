using Azure;
using Azure.Data.Tables;
using Serverless.Storage;
using Serverless.Workflows.Model;

namespace Serverless.Schedules;

/// <summary>Schedules on the table-store port: one partition, one row per schedule, updated with ETags.</summary>
public sealed class ScheduleStore
{
    /// <summary>The default table name.</summary>
    public const string DefaultTable = "Schedules";

    private const string Partition = "schedule";

    private readonly ITableStore _store;
    private readonly string _table;

    /// <summary>Creates the store.</summary>
    /// <param name="store">The table store.</param>
    /// <param name="table">The table name.</param>
    public ScheduleStore(ITableStore store, string table = DefaultTable)
    {
        _store = store;
        _table = table;
    }

    /// <summary>Creates the table if it does not exist.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the table exists.</returns>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _store.CreateTableIfNotExistsAsync(_table, cancellationToken);

    /// <summary>Reads one schedule with its ETag, or null.</summary>
    /// <param name="id">The schedule id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The schedule and its ETag, or null.</returns>
    public async Task<(ScheduleSpec Schedule, ETag ETag)?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        IsValidId(id) && await _store.GetAsync(_table, Partition, id, cancellationToken) is { } row ? (FromEntity(row), row.ETag) : null;

    /// <summary>Every schedule with its ETag, by id.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The schedules.</returns>
    public async Task<IReadOnlyList<(ScheduleSpec Schedule, ETag ETag)>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<(ScheduleSpec, ETag)>();
        await foreach (var row in _store.QueryAllAsync(_table, TableStoreQuery.Partition(Partition), cancellationToken))
        {
            all.Add((FromEntity(row), row.ETag));
        }

        return all;
    }

    /// <summary>Creates or replaces a schedule unconditionally.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when it is stored.</returns>
    public Task PutAsync(ScheduleSpec schedule, CancellationToken cancellationToken = default) =>
        _store.UpsertAsync(_table, ToEntity(schedule), TableUpdateMode.Replace, cancellationToken);

    /// <summary>Replaces a schedule if it has not changed since it was read.</summary>
    /// <param name="schedule">The new state.</param>
    /// <param name="etag">The ETag read with the old state.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when written; false when someone changed or deleted it meanwhile.</returns>
    public async Task<bool> TryUpdateAsync(ScheduleSpec schedule, ETag etag, CancellationToken cancellationToken = default)
    {
        try
        {
            await _store.UpdateAsync(_table, ToEntity(schedule), etag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Deletes a schedule.</summary>
    /// <param name="id">The schedule id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when it existed.</returns>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(id, cancellationToken) is not { } existing)
        {
            return false;
        }

        try
        {
            await _store.DeleteAsync(_table, Partition, id, existing.ETag, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return await DeleteAsync(id, cancellationToken);
        }
    }

    /// <summary>Whether a text is a valid schedule id.</summary>
    /// <param name="id">The text.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidId(string? id) =>
        id is { Length: >= 1 and <= 64 } && char.IsAsciiLetterOrDigit(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static TableEntity ToEntity(ScheduleSpec s)
    {
        var e = new TableEntity(Partition, s.Id)
        {
            ["Workflow"] = s.Workflow,
            ["Cron"] = s.Cron,
            ["TimeZone"] = s.TimeZone,
            ["MissedRuns"] = s.MissedRuns.ToString(),
            ["MaxCatchUp"] = s.MaxCatchUp,
            ["Overlap"] = s.Overlap.ToString(),
            ["Paused"] = s.Paused,
            ["NextFireAt"] = s.NextFireAt,
            ["UpdatedAt"] = s.UpdatedAt,
        };
        if (s.Version is { } version)
        {
            e["Version"] = version;
        }

        if (s.InputJson is not null)
        {
            e["InputJson"] = s.InputJson;
        }

        if (s.LastInstanceId is not null)
        {
            e["LastInstanceId"] = s.LastInstanceId;
        }

        return e;
    }

    private static ScheduleSpec FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        Workflow = e.GetString("Workflow") ?? string.Empty,
        Version = e.GetInt32("Version"),
        Cron = e.GetString("Cron") ?? string.Empty,
        TimeZone = e.GetString("TimeZone") ?? "UTC",
        MissedRuns = Enum.TryParse<MissedRunPolicy>(e.GetString("MissedRuns"), out var missed) ? missed : MissedRunPolicy.Skip,
        MaxCatchUp = e.GetInt32("MaxCatchUp") ?? 10,
        Overlap = Enum.TryParse<OverlapPolicy>(e.GetString("Overlap"), out var overlap) ? overlap : OverlapPolicy.Skip,
        InputJson = e.GetString("InputJson"),
        Paused = e.GetBoolean("Paused") ?? false,
        NextFireAt = e.GetDateTimeOffset("NextFireAt") ?? default,
        LastInstanceId = e.GetString("LastInstanceId"),
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
    };
}
