using System.Text;
using System.Text.Json;
using Azure;
using Microsoft.Data.Sqlite;
using Serverless.Tables;

namespace Serverless.Storage;

public sealed partial class SqliteTableStore
{
    /// <summary>Applies actions in one SQLite transaction; any failure rolls all of them back.</summary>
    private List<ETag> Apply(string table, IReadOnlyList<TableTransactionAction> actions, bool inTransaction)
    {
        TableValidation.TableName(table);
        var properties = actions.Select(TableValidation.Action).ToList();
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        EnsureTable(connection, table, transaction);
        var etags = new List<ETag>(actions.Count);
        for (var i = 0; i < actions.Count; i++)
        {
            try
            {
                etags.Add(ApplyOne(connection, transaction, table, actions[i], properties[i]));
            }
            catch (RequestFailedException e) when (inTransaction)
            {
                throw new TableTransactionFailedException(e.Status, $"Transaction action {i} failed: {e.Message}", e.ErrorCode, i);
            }
        }

        transaction.Commit();
        return etags;
    }

    private ETag ApplyOne(SqliteConnection connection, SqliteTransaction transaction, string table, TableTransactionAction action, IReadOnlyDictionary<string, object?> properties)
    {
        var (pk, rk) = (action.Entity.PartitionKey, action.Entity.RowKey);
        var existing = Find(connection, transaction, table, pk, rk);
        var type = action.ActionType;
        if (type == TableTransactionActionType.Add && existing is not null)
        {
            throw new RequestFailedException(409, "The specified entity already exists.", TableErrorCodes.EntityAlreadyExists, null);
        }

        if (type is TableTransactionActionType.Delete or TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace)
        {
            if (existing is null)
            {
                throw new RequestFailedException(404, "The specified resource does not exist.", TableErrorCodes.ResourceNotFound, null);
            }

            if (action.ETag != default && action.ETag != ETag.All && action.ETag != existing.ETag)
            {
                throw new RequestFailedException(412, "The update condition specified in the request was not satisfied.", TableErrorCodes.UpdateConditionNotSatisfied, null);
            }
        }

        if (type == TableTransactionActionType.Delete)
        {
            using var delete = Command(connection, transaction, "DELETE FROM entities WHERE tbl = $t AND pk = $pk AND rk = $rk", ("$t", table), ("$pk", pk), ("$rk", rk));
            delete.ExecuteNonQuery();
            return default;
        }

        var merged = new TableEntity(pk, rk);
        if (existing is not null && type is TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpsertMerge)
        {
            foreach (var (name, value) in existing)
            {
                merged[name] = value;
            }
        }

        foreach (var (name, value) in properties)
        {
            if (value is not null)
            {
                merged[name] = value;
            }
        }

        return Write(connection, transaction, table, merged);
    }

    private ETag Write(SqliteConnection connection, SqliteTransaction transaction, string table, TableEntity entity)
    {
        var etag = new ETag($"W/\"{Guid.NewGuid():N}\"");
        var json = Encoding.UTF8.GetString(TableEntityJson.Write(entity, entity));
        using var upsert = Command(
            connection,
            transaction,
            "INSERT OR REPLACE INTO entities (tbl, pk, rk, etag, ts, props) VALUES ($t, $pk, $rk, $etag, $ts, $props)",
            ("$t", table), ("$pk", entity.PartitionKey), ("$rk", entity.RowKey), ("$etag", etag.ToString()),
            ("$ts", TableEntityJson.FormatDate(_time.GetUtcNow())), ("$props", json));
        upsert.ExecuteNonQuery();
        return etag;
    }

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
