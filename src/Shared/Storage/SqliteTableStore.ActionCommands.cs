using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Data.Sqlite;

namespace Serverless.Storage;

public sealed partial class SqliteTableStore
{
    /// <summary>
    /// The statements one transaction runs, each prepared once and re-bound per action (a 100-action batch prepares
    /// three statements, not two hundred).
    /// </summary>
    private sealed class ActionCommands(SqliteConnection connection, SqliteTransaction transaction, string table, string timestamp) : IDisposable
    {
        private const int PrimaryKeyViolation = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY

        private SqliteCommand? _find;
        private SqliteCommand? _insert;
        private SqliteCommand? _upsert;
        private SqliteCommand? _delete;

        public TableEntity? Find(string pk, string rk)
        {
            _find ??= Create("SELECT etag, ts, props FROM entities WHERE tbl = $t AND pk = $pk AND rk = $rk", "$pk", "$rk");
            _find.Parameters[1].Value = pk;
            _find.Parameters[2].Value = rk;
            using var reader = _find.ExecuteReader();
            return reader.Read() ? ReadEntity(reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null;
        }

        /// <summary>Inserts a new row; null when the key is taken.</summary>
        public ETag? Insert(TableEntity entity)
        {
            _insert ??= Create("INSERT INTO entities (tbl, pk, rk, etag, ts, props) VALUES ($t, $pk, $rk, $etag, $ts, $props)", "$pk", "$rk", "$etag", "$ts", "$props");
            try
            {
                return Write(_insert, entity);
            }
            catch (SqliteException e) when (e.SqliteExtendedErrorCode == PrimaryKeyViolation)
            {
                return null;
            }
        }

        public ETag Upsert(TableEntity entity)
        {
            _upsert ??= Create("INSERT OR REPLACE INTO entities (tbl, pk, rk, etag, ts, props) VALUES ($t, $pk, $rk, $etag, $ts, $props)", "$pk", "$rk", "$etag", "$ts", "$props");
            return Write(_upsert, entity);
        }

        public void Delete(string pk, string rk)
        {
            _delete ??= Create("DELETE FROM entities WHERE tbl = $t AND pk = $pk AND rk = $rk", "$pk", "$rk");
            _delete.Parameters[1].Value = pk;
            _delete.Parameters[2].Value = rk;
            _delete.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _find?.Dispose();
            _insert?.Dispose();
            _upsert?.Dispose();
            _delete?.Dispose();
        }

        private ETag Write(SqliteCommand command, TableEntity entity)
        {
            var etag = NewETag();
            command.Parameters[1].Value = entity.PartitionKey;
            command.Parameters[2].Value = entity.RowKey;
            command.Parameters[3].Value = etag.ToString();
            command.Parameters[4].Value = timestamp;
            command.Parameters[5].Value = Encoding.UTF8.GetString(TableEntityJson.Write(entity));
            command.ExecuteNonQuery();
            return etag;
        }

        private SqliteCommand Create(string sql, params string[] names)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$t", table);
            foreach (var name in names)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            return command;
        }
    }
}
