using System.Text;
using Microsoft.Data.Sqlite;

namespace Serverless.Host.Tests.Infrastructure;

/// <summary>
/// Everything the host stores, read straight from its SQLite files: the runtime's instances, history, queued
/// messages and activities, and every product table (definitions, schedules, approvals, audit trail...). Lease
/// columns, which the runtime renews on its own, are left out.
/// </summary>
public static class StoreSnapshot
{
    private static readonly HashSet<string> Volatile = new(StringComparer.OrdinalIgnoreCase) { "lock_owner", "locked_until" };

    public static string Take(string dataDirectory)
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(dataDirectory, "*.db").Order(StringComparer.Ordinal))
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            foreach (var table in Names(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
            {
                var columns = Names(connection, $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid").Where(c => !Volatile.Contains(c)).ToList();
                var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {list} FROM \"{table}\" ORDER BY {list}";
                using var reader = command.ExecuteReader();
                text.Append("## ").Append(Path.GetFileName(file)).Append(' ').AppendLine(table);
                while (reader.Read())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        text.Append(reader.IsDBNull(i) ? "null"
                            : reader.GetValue(i) is byte[] bytes ? Convert.ToBase64String(bytes)
                            : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\t');
                    }

                    text.AppendLine();
                }
            }
        }

        return text.ToString();
    }

    private static List<string> Names(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
