using System.Text;
using System.Text.Json;
using Azure;
using Microsoft.Data.Sqlite;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace Serverless.Storage;

public sealed partial class SqliteTableStore
{
    /// <summary>Applies actions in one SQLite transaction; any failure rolls all of them back.</summary>
    private List<ETag> Apply(string table, IReadOnlyList<TableTransactionAction> actions, bool inTransaction)
    {
        TableLimits.TableName(table);
        if (!inTransaction)
        {
            // Transactions were checked whole by TableLimits.Batch; a single action is checked here.
            var action = actions[0];
            if (action.ActionType == TableTransactionActionType.Delete)
            {
                TableLimits.Key(action.Entity.PartitionKey, "PartitionKey");
                TableLimits.Key(action.Entity.RowKey, "RowKey");
            }
            else
            {
                TableLimits.Entity(EntityOf(action));
            }
        }

        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        EnsureTable(connection, table, transaction);
        using var commands = new ActionCommands(connection, transaction, table, TableEntityJson.FormatDate(_time.GetUtcNow()));
        var etags = new List<ETag>(actions.Count);
        for (var i = 0; i < actions.Count; i++)
        {
            try
            {
                etags.Add(ApplyOne(commands, actions[i]));
            }
            catch (RequestFailedException e) when (inTransaction)
            {
                // The SDK's exception reads the failing action's index from the data the service's reply fills.
                var failed = new RequestFailedException(e.Status, $"Transaction action {i} failed: {e.Message}", e.ErrorCode, null);
                failed.Data["FailedEntity"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                throw new TableTransactionFailedException(failed);
            }
        }

        transaction.Commit();
        return etags;
    }

    private static ETag ApplyOne(ActionCommands commands, TableTransactionAction action)
    {
        var (pk, rk) = (action.Entity.PartitionKey, action.Entity.RowKey);
        var type = action.ActionType;
        if (type == TableTransactionActionType.Add)
        {
            // No read first: the primary key refuses a duplicate, which is the service's 409.
            return commands.Insert(EntityOf(action))
                ?? throw new RequestFailedException(409, "The specified entity already exists.", TableErrorCode.EntityAlreadyExists.ToString(), null);
        }

        var existing = commands.Find(pk, rk);
        if (type is TableTransactionActionType.Delete or TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace)
        {
            if (existing is null)
            {
                throw new RequestFailedException(404, "The specified resource does not exist.", TableErrorCode.ResourceNotFound.ToString(), null);
            }

            if (action.ETag != default && action.ETag != ETag.All && action.ETag != existing.ETag)
            {
                throw new RequestFailedException(412, "The update condition specified in the request was not satisfied.", TableErrorCode.UpdateConditionNotSatisfied.ToString(), null);
            }
        }

        if (type == TableTransactionActionType.Delete)
        {
            commands.Delete(pk, rk);
            return default;
        }

        var merged = new TableEntity(pk, rk);
        if (existing is not null && type is TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpsertMerge)
        {
            foreach (var (name, value) in TableLimits.Properties(existing))
            {
                merged[name] = value;
            }
        }

        foreach (var (name, value) in TableLimits.Properties(EntityOf(action)))
        {
            if (value is not null)
            {
                merged[name] = value;
            }
        }

        return commands.Upsert(merged);
    }

    private static ETag NewETag() => new($"W/\"{Guid.NewGuid():N}\"");

    private static TableEntity EntityOf(TableTransactionAction action) =>
        action.Entity as TableEntity ?? throw new ArgumentException("The stores take TableEntity instances.", nameof(action));

    private static TableEntity? Find(SqliteConnection connection, SqliteTransaction? transaction, string table, string pk, string rk)
    {
        using var command = Command(
            connection, transaction, "SELECT etag, ts, props FROM entities WHERE tbl = $t AND pk = $pk AND rk = $rk", ("$t", table), ("$pk", pk), ("$rk", rk));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadEntity(reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    private static TableEntity ReadEntity(string etag, string timestamp, string props)
    {
        using var doc = JsonDocument.Parse(props);
        var entity = TableEntityJson.Read(doc.RootElement);
        entity.ETag = new ETag(etag);
        entity.Timestamp = DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture);
        return entity;
    }
}
