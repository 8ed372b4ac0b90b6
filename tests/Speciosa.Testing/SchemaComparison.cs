using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Speciosa.Testing;

/// <summary>Compares the schema the migrations built in a live database with what the EF model expects:
/// tables, columns (store type and nullability), primary keys and indexes. Any difference means a
/// migration was forgotten or is wrong.</summary>
public static class SchemaComparison
{
    public sealed record ColumnShape(string Type, bool Nullable);

    public sealed record TableShape(Dictionary<string, ColumnShape> Columns, Dictionary<string, (bool Unique, string Columns)> Indexes);

    public static async Task<IReadOnlyList<string>> DifferencesAsync(DbContext context)
    {
        var expected = Expected(context);
        var actual = await ActualAsync(context);
        var differences = new List<string>();
        foreach (var table in expected.Keys.Except(actual.Keys))
        {
            differences.Add($"Table {table} is in the model but not in the database.");
        }

        foreach (var table in actual.Keys.Except(expected.Keys))
        {
            differences.Add($"Table {table} is in the database but not in the model.");
        }

        foreach (var table in expected.Keys.Intersect(actual.Keys))
        {
            var e = expected[table];
            var a = actual[table];
            foreach (var column in e.Columns.Keys.Except(a.Columns.Keys))
            {
                differences.Add($"Column {table}.{column} is in the model but not in the database.");
            }

            foreach (var column in a.Columns.Keys.Except(e.Columns.Keys))
            {
                differences.Add($"Column {table}.{column} is in the database but not in the model.");
            }

            foreach (var column in e.Columns.Keys.Intersect(a.Columns.Keys))
            {
                if (!string.Equals(e.Columns[column].Type, a.Columns[column].Type, StringComparison.OrdinalIgnoreCase))
                {
                    differences.Add($"Column {table}.{column} is {a.Columns[column].Type} in the database but {e.Columns[column].Type} in the model.");
                }

                if (e.Columns[column].Nullable != a.Columns[column].Nullable)
                {
                    differences.Add($"Column {table}.{column} nullability: database {a.Columns[column].Nullable}, model {e.Columns[column].Nullable}.");
                }
            }

            foreach (var index in e.Indexes.Keys.Except(a.Indexes.Keys))
            {
                differences.Add($"Index {table}.{index} is in the model but not in the database.");
            }

            foreach (var index in a.Indexes.Keys.Except(e.Indexes.Keys))
            {
                differences.Add($"Index {table}.{index} is in the database but not in the model.");
            }

            foreach (var index in e.Indexes.Keys.Intersect(a.Indexes.Keys))
            {
                if (e.Indexes[index] != a.Indexes[index])
                {
                    differences.Add($"Index {table}.{index} differs: database {a.Indexes[index]}, model {e.Indexes[index]}.");
                }
            }
        }

        return differences;
    }

    private static Dictionary<string, TableShape> Expected(DbContext context)
    {
        var model = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var tables = new Dictionary<string, TableShape>(StringComparer.Ordinal);
        foreach (var table in model.Tables)
        {
            var columns = table.Columns.ToDictionary(c => c.Name, c => new ColumnShape(c.StoreType, c.IsNullable), StringComparer.Ordinal);
            var indexes = table.Indexes.ToDictionary(i => i.Name, i => (i.IsUnique, string.Join(",", i.Columns.Select(c => c.Name))), StringComparer.Ordinal);
            // Primary keys are compared as a unique index named after the key.
            if (table.PrimaryKey is { } pk)
            {
                indexes[pk.Name] = (true, string.Join(",", pk.Columns.Select(c => c.Name)));
            }

            tables[table.Name] = new TableShape(columns, indexes);
        }

        return tables;
    }

    private static async Task<Dictionary<string, TableShape>> ActualAsync(DbContext context)
    {
        var connection = context.Database.GetDbConnection();
        var wasOpen = connection.State == System.Data.ConnectionState.Open;
        if (!wasOpen)
        {
            await connection.OpenAsync();
        }

        try
        {
            return context.Database.IsSqlite() ? await SqliteAsync(connection) : await PostgresAsync(connection);
        }
        finally
        {
            if (!wasOpen)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static async Task<Dictionary<string, TableShape>> SqliteAsync(DbConnection connection)
    {
        var tables = new Dictionary<string, TableShape>(StringComparer.Ordinal);
        foreach (var table in await ListAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'", r => r.GetString(0)))
        {
            var columns = new Dictionary<string, ColumnShape>(StringComparer.Ordinal);
            var pk = new SortedDictionary<int, string>();
            foreach (var (name, type, notNull, pkOrder) in await ListAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')",
                r => (r.GetString(0), r.GetString(1), r.GetInt64(2) == 1, (int)r.GetInt64(3))))
            {
                // SQLite reports INTEGER PRIMARY KEY columns as nullable in pragma; keys are never null.
                columns[name] = new ColumnShape(type, !notNull && pkOrder == 0);
                if (pkOrder > 0)
                {
                    pk[pkOrder] = name;
                }
            }

            var indexes = new Dictionary<string, (bool, string)>(StringComparer.Ordinal);
            foreach (var (name, unique, origin) in await ListAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')",
                r => (r.GetString(0), r.GetInt64(1) == 1, r.GetString(2))))
            {
                if (origin != "c")
                {
                    continue; // automatic indexes behind PRIMARY KEY / UNIQUE constraints
                }

                var cols = await ListAsync(connection, $"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno", r => r.GetString(0));
                indexes[name] = (unique, string.Join(",", cols));
            }

            if (pk.Count > 0)
            {
                indexes["PK_" + table] = (true, string.Join(",", pk.Values));
            }

            tables[table] = new TableShape(columns, indexes);
        }

        return tables;
    }

    private static async Task<Dictionary<string, TableShape>> PostgresAsync(DbConnection connection)
    {
        var tables = new Dictionary<string, TableShape>(StringComparer.Ordinal);
        foreach (var table in await ListAsync(connection,
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_EF%'", r => r.GetString(0)))
        {
            var columns = (await ListAsync(connection,
                    $"SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull FROM pg_attribute a " +
                    $"WHERE a.attrelid = 'public.\"{table}\"'::regclass AND a.attnum > 0 AND NOT a.attisdropped",
                    r => (r.GetString(0), r.GetString(1), r.GetBoolean(2))))
                .ToDictionary(c => c.Item1, c => new ColumnShape(c.Item2, !c.Item3), StringComparer.Ordinal);
            var indexes = (await ListAsync(connection,
                    "SELECT i.relname, ix.indisunique, " +
                    "array_to_string(array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord) " +
                    "JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum ORDER BY k.ord), ',') " +
                    $"FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid WHERE ix.indrelid = 'public.\"{table}\"'::regclass",
                    r => (r.GetString(0), r.GetBoolean(1), r.GetString(2))))
                .ToDictionary(i => i.Item1, i => (i.Item2, i.Item3), StringComparer.Ordinal);
            tables[table] = new TableShape(columns, indexes);
        }

        return tables;
    }

    private static async Task<List<T>> ListAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync())
        {
            list.Add(read(reader));
        }

        return list;
    }
}
