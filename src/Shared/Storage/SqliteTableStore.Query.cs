using System.Text;
using Microsoft.Data.Sqlite;
using Azure.Data.Tables;

namespace Serverless.Storage;

public sealed partial class SqliteTableStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Key conditions run in SQL on the primary key; property conditions are evaluated on each candidate row with
    /// the service's typed comparison rules. The continuation token is the last returned key pair.
    /// </remarks>
    public Task<TableStorePage> QueryAsync(string table, TableStoreQuery query, CancellationToken cancellationToken = default)
    {
        TableLimits.TableName(table);
        TableStoreFilter.Validate(query);
        using var connection = Open();
        EnsureTable(connection, table);
        (string Pk, string Rk)? cursor = query.ContinuationToken is null ? null : DecodeToken(query.ContinuationToken);
        var items = new List<TableEntity>(Math.Min(query.PageSize, 256));
        var exhausted = false;
        while (items.Count < query.PageSize && !exhausted)
        {
            var chunk = ReadChunk(connection, table, query, cursor, query.PageSize - items.Count);
            exhausted = chunk.Count < query.PageSize - items.Count;
            foreach (var entity in chunk)
            {
                cursor = (entity.PartitionKey, entity.RowKey);
                if (query.Where.All(c => TableConditionEvaluator.Matches(entity, c)))
                {
                    items.Add(entity);
                }
            }
        }

        var token = exhausted || cursor is null ? null : EncodeToken(cursor.Value);
        return Task.FromResult(new TableStorePage(items, token));
    }

    private static List<TableEntity> ReadChunk(SqliteConnection connection, string table, TableStoreQuery query, (string Pk, string Rk)? after, int limit)
    {
        var sql = new StringBuilder("SELECT etag, ts, props FROM entities WHERE tbl = $t");
        var parameters = new List<(string, object)> { ("$t", table), ("$limit", limit) };
        if (query.PartitionKey is not null)
        {
            sql.Append(" AND pk = $pk");
            parameters.Add(("$pk", query.PartitionKey));
        }

        if (after is { } a)
        {
            sql.Append(" AND (pk, rk) > ($apk, $ark)");
            parameters.Add(("$apk", a.Pk));
            parameters.Add(("$ark", a.Rk));
        }

        var i = 0;
        foreach (var c in query.Where.Where(c => c.Property is "PartitionKey" or "RowKey"))
        {
            var column = c.Property == "PartitionKey" ? "pk" : "rk";
            sql.Append(" AND ").Append(column).Append(' ').Append(SqlOperator(c.Comparison)).Append(" $k").Append(i);
            parameters.Add(("$k" + i++, c.Value));
        }

        sql.Append(" ORDER BY pk, rk LIMIT $limit");
        using var command = Command(connection, null, sql.ToString(), [.. parameters]);
        using var reader = command.ExecuteReader();
        var rows = new List<TableEntity>();
        while (reader.Read())
        {
            rows.Add(ReadEntity(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private static string SqlOperator(TableComparison comparison) => comparison switch
    {
        TableComparison.Equal => "=",
        TableComparison.NotEqual => "<>",
        TableComparison.LessThan => "<",
        TableComparison.LessThanOrEqual => "<=",
        TableComparison.GreaterThan => ">",
        _ => ">=",
    };

    /// <summary>Keys never contain control characters, so U+0000 separates them unambiguously.</summary>
    private static string EncodeToken((string Pk, string Rk) key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(key.Pk + "\0" + key.Rk));

    private static (string, string) DecodeToken(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('\0');
            return parts.Length == 2 ? (parts[0], parts[1]) : throw new FormatException();
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The continuation token was not produced by this store.", nameof(token), e);
        }
    }
}
