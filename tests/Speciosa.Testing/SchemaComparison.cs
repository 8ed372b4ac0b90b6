using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Testing;

/// <summary>Compares the schema the migrations built in a live database with what the EF model expects:
/// tables, columns (store type and nullability), primary keys, indexes (uniqueness, columns and filter)
/// and foreign keys (columns, principal and ON DELETE action). Any difference means a migration was
/// forgotten or is wrong.</summary>
public static partial class SchemaComparison
{
    public sealed record ColumnShape(string Type, bool Nullable);

    /// <summary>An index; <see cref="Filter"/> is normalised by <see cref="NormaliseFilter"/>.</summary>
    public sealed record IndexShape(bool Unique, string Columns, string? Filter);

    /// <summary>Foreign keys are keyed by "(columns) -> Principal(columns)", because SQLite does not report
    /// constraint names; the value is the ON DELETE action in SQL spelling (RESTRICT, CASCADE, ...).</summary>
    public sealed record TableShape(
        Dictionary<string, ColumnShape> Columns,
        Dictionary<string, IndexShape> Indexes,
        Dictionary<string, string> ForeignKeys);

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

            foreach (var fk in e.ForeignKeys.Keys.Except(a.ForeignKeys.Keys))
            {
                differences.Add($"Foreign key {table}{fk} is in the model but not in the database.");
            }

            foreach (var fk in a.ForeignKeys.Keys.Except(e.ForeignKeys.Keys))
            {
                differences.Add($"Foreign key {table}{fk} is in the database but not in the model.");
            }

            foreach (var fk in e.ForeignKeys.Keys.Intersect(a.ForeignKeys.Keys))
            {
                if (e.ForeignKeys[fk] != a.ForeignKeys[fk])
                {
                    differences.Add($"Foreign key {table}{fk} is ON DELETE {a.ForeignKeys[fk]} in the database but ON DELETE {e.ForeignKeys[fk]} in the model.");
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
            var indexes = table.Indexes.ToDictionary(
                i => i.Name,
                i => new IndexShape(i.IsUnique, Names(i.Columns), NormaliseFilter(i.Filter)),
                StringComparer.Ordinal);
            // Primary keys are compared as a unique index named after the key.
            if (table.PrimaryKey is { } pk)
            {
                indexes[pk.Name] = new IndexShape(true, Names(pk.Columns), null);
            }

            var foreignKeys = ForeignKeys(table.ForeignKeyConstraints.Select(fk =>
                (Names(fk.Columns), fk.PrincipalTable.Name, Names(fk.PrincipalColumns), DeleteAction(fk.OnDeleteAction))));
            tables[table.Name] = new TableShape(columns, indexes, foreignKeys);
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

            var indexes = new Dictionary<string, IndexShape>(StringComparer.Ordinal);
            foreach (var (name, unique, origin, partial) in await ListAsync(connection, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}')",
                r => (r.GetString(0), r.GetInt64(1) == 1, r.GetString(2), r.GetInt64(3) == 1)))
            {
                if (origin != "c")
                {
                    continue; // automatic indexes behind PRIMARY KEY / UNIQUE constraints
                }

                var cols = await ListAsync(connection, $"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno", r => r.GetString(0));
                string? filter = null;
                if (partial)
                {
                    // SQLite keeps the CREATE INDEX statement as written; the filter is what follows the column list.
                    var sql = (await ListAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{name}'", r => r.GetString(0))).Single();
                    filter = SqliteIndexFilter().Match(sql) is { Success: true } m ? m.Groups[1].Value : sql;
                }

                indexes[name] = new IndexShape(unique, string.Join(",", cols), NormaliseFilter(filter));
            }

            if (pk.Count > 0)
            {
                indexes["PK_" + table] = new IndexShape(true, string.Join(",", pk.Values), null);
            }

            var foreignKeys = ForeignKeys(
                (await ListAsync(connection, $"SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')",
                    r => (Id: r.GetInt64(0), Seq: r.GetInt64(1), Principal: r.GetString(2), From: r.GetString(3),
                        To: r.IsDBNull(4) ? "" : r.GetString(4), OnDelete: r.GetString(5))))
                .GroupBy(f => f.Id)
                .Select(g =>
                {
                    var ordered = g.OrderBy(f => f.Seq).ToList();
                    return (string.Join(",", ordered.Select(f => f.From)), ordered[0].Principal,
                        string.Join(",", ordered.Select(f => f.To)), ordered[0].OnDelete.ToUpperInvariant());
                }));
            tables[table] = new TableShape(columns, indexes, foreignKeys);
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
                    "JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum ORDER BY k.ord), ','), " +
                    "pg_get_expr(ix.indpred, ix.indrelid) " +
                    $"FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid WHERE ix.indrelid = 'public.\"{table}\"'::regclass",
                    r => (r.GetString(0), r.GetBoolean(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3))))
                .ToDictionary(i => i.Item1, i => new IndexShape(i.Item2, i.Item3, NormaliseFilter(i.Item4)), StringComparer.Ordinal);
            var foreignKeys = ForeignKeys(await ListAsync(connection,
                "SELECT array_to_string(array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord) " +
                "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord), ','), " +
                "p.relname, " +
                "array_to_string(array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord) " +
                "JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord), ','), " +
                "c.confdeltype::text " +
                $"FROM pg_constraint c JOIN pg_class p ON p.oid = c.confrelid WHERE c.contype = 'f' AND c.conrelid = 'public.\"{table}\"'::regclass",
                r => (r.GetString(0), r.GetString(1), r.GetString(2), PostgresDeleteAction(r.GetString(3)))));
            tables[table] = new TableShape(columns, indexes, foreignKeys);
        }

        return tables;
    }

    /// <summary>Brings an index filter as the model states it, as SQLite stores it and as PostgreSQL
    /// deparses it to one spelling: no identifier quotes, no parentheses, no PostgreSQL casts
    /// (<c>::text</c>), <c>!=</c> as <c>&lt;&gt;</c>, single spaces, and everything outside string
    /// literals in upper case. String literals are compared exactly.</summary>
    public static string? NormaliseFilter(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        var parts = filter.Split('\'');
        for (var i = 0; i < parts.Length; i += 2)
        {
            // Even parts are outside literals ('' inside a literal splits into an empty outside part).
            var outside = PostgresCast().Replace(parts[i], "");
            outside = outside.Replace("\"", "", StringComparison.Ordinal)
                .Replace("(", " ", StringComparison.Ordinal)
                .Replace(")", " ", StringComparison.Ordinal)
                .Replace("!=", "<>", StringComparison.Ordinal);
            parts[i] = Whitespace().Replace(outside, " ").ToUpperInvariant();
        }

        var joined = string.Join('\'', parts);
        return Whitespace().Replace(joined, " ").Trim();
    }

    private static string Names(IEnumerable<IColumnBase> columns) => string.Join(",", columns.Select(c => c.Name));

    private static Dictionary<string, string> ForeignKeys(IEnumerable<(string Columns, string Principal, string PrincipalColumns, string OnDelete)> keys) =>
        keys.GroupBy(k => $"({k.Columns}) -> {k.Principal}({k.PrincipalColumns})", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(" / ", g.Select(k => k.OnDelete).Order(StringComparer.Ordinal)), StringComparer.Ordinal);

    private static string DeleteAction(ReferentialAction action) => action switch
    {
        ReferentialAction.NoAction => "NO ACTION",
        ReferentialAction.Restrict => "RESTRICT",
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        _ => action.ToString(),
    };

    private static string PostgresDeleteAction(string code) => code switch
    {
        "a" => "NO ACTION",
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        _ => code,
    };

    [GeneratedRegex(@"\)\s+WHERE\s+(.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SqliteIndexFilter();

    [GeneratedRegex(@"::\s*(character varying|timestamp with time zone|timestamp without time zone|double precision|[a-z_][a-z0-9_]*)(\s*\(\s*\d+(\s*,\s*\d+)?\s*\))?(\[\])?", RegexOptions.IgnoreCase)]
    private static partial Regex PostgresCast();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

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
