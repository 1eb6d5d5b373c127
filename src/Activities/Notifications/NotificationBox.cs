using Azure;
using Azure.Data.Tables;
using Serverless.Activities.Storage;
using Serverless.Storage;

namespace Serverless.Activities.Notifications;

/// <summary>Notifications per recipient on the table-store port (partition = recipient in lower case, row = id).</summary>
public sealed class NotificationBox
{
    private readonly ActivityStorage _storage;
    private readonly TimeProvider _time;

    /// <summary>Creates the box.</summary>
    /// <param name="storage">Where rows live.</param>
    /// <param name="time">The clock for <see cref="Notification.SentAt"/>.</param>
    public NotificationBox(ActivityStorage storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
    }

    /// <summary>Stores a notification unless one with its id is already stored for the recipient.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when this call stored it.</returns>
    public async Task<bool> SendAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.To);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.Id);
        var store = await _storage.TableAsync(ActivityTables.Notifications, cancellationToken);
        var entity = new TableEntity(Partition(notification.To), TableKeys.Escape(notification.Id))
        {
            ["To"] = notification.To,
            ["InstanceId"] = notification.InstanceId,
            ["SentAt"] = notification.SentAt == default ? _time.GetUtcNow() : notification.SentAt,
        };
        ChunkedText.Write(entity, "Subject", notification.Subject);
        ChunkedText.Write(entity, "Body", notification.Body);
        try
        {
            await store.AddAsync(ActivityTables.Notifications, entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The notifications of one recipient (case-insensitive), oldest first.</summary>
    /// <param name="recipient">The recipient.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The notifications.</returns>
    public async Task<IReadOnlyList<Notification>> ListAsync(string recipient, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        var store = await _storage.TableAsync(ActivityTables.Notifications, cancellationToken);
        var list = new List<Notification>();
        await foreach (var e in store.QueryAllAsync(ActivityTables.Notifications, TableStoreQuery.Partition(Partition(recipient)), cancellationToken))
        {
            list.Add(new Notification(
                e.RowKey, e.GetString("To") ?? recipient, ChunkedText.Read(e, "Subject") ?? string.Empty, ChunkedText.Read(e, "Body") ?? string.Empty,
                e.GetString("InstanceId") ?? string.Empty, e.GetDateTimeOffset("SentAt") ?? default));
        }

        return list.OrderBy(n => n.SentAt).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
    }

    private static string Partition(string recipient) => TableKeys.Escape(recipient.Trim().ToLowerInvariant());
}
