using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Speciosa.Testing;
using Speciosa.Web.Data;

namespace Speciosa.Bench;

/// <summary>Plain ADO.NET on the app's own database, in the same process: the data layer's limit for a read or write,
/// and the bulk loader of the synthetic clinic. Rows are copied column for column from rows the app itself wrote,
/// so every value keeps the app's encodings (SQLite: GUID text, UTC ticks, decimal text; PostgreSQL: uuid,
/// timestamptz, numeric).</summary>
public sealed class Raw(SpeciosaServer server)
{
    public bool IsSqlite => server.SqlitePath is not null;

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        DbConnection connection = IsSqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = server.SqlitePath, DefaultTimeout = 30 }.ToString())
            : new NpgsqlConnection(server.PostgresConnection);
        await connection.OpenAsync(ct);
        if (IsSqlite)
        {
            // The best a plain client does on a shared SQLite file: WAL (already set by the app), the same durability
            // as the app (synchronous=FULL is the app's default), and SQLite's own wait for the write lock.
            await ExecAsync(connection, "PRAGMA busy_timeout=30000;", ct);
        }

        return connection;
    }

    public static async Task ExecAsync(DbConnection connection, string sql, CancellationToken ct = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs a query and reads every value of every row (what a data layer must do at least); returns the rows.</summary>
    public async Task<int> ReadAllAsync(string sql, IReadOnlyList<object> args, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = Command(connection, sql, args);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(ct))
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    /// <summary>The value of a GUID parameter as the app stores it.</summary>
    public object Id(Guid id) => IsSqlite ? id.ToString().ToUpperInvariant() : id;

    public static DbCommand Command(DbConnection connection, string sql, IReadOnlyList<object> args)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        for (var i = 0; i < args.Count; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@p" + i;
            p.Value = args[i];
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    /// <summary>Rows of a table as column name → value.</summary>
    public async Task<List<Dictionary<string, object>>> RowsAsync(string sql, IReadOnlyList<object> args, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = Command(connection, sql, args);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<Dictionary<string, object>>();
        while (await reader.ReadAsync(ct))
        {
            var row = new Dictionary<string, object>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Inserts rows (all with the same columns) with multi-row INSERTs, <paramref name="rowsPerTransaction"/> a
    /// transaction.</summary>
    public async Task InsertAsync(DbConnection connection, string table, IReadOnlyList<Dictionary<string, object>> rows, int rowsPerTransaction, CancellationToken ct = default)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var columns = rows[0].Keys.ToArray();
        var perStatement = Math.Max(1, Math.Min(200, 30000 / columns.Length));
        var columnList = string.Join(", ", columns.Select(c => $"\"{c}\""));
        for (var t = 0; t < rows.Count; t += rowsPerTransaction)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var end = Math.Min(rows.Count, t + rowsPerTransaction);
            for (var s = t; s < end; s += perStatement)
            {
                var n = Math.Min(perStatement, end - s);
                await using var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                var sql = new StringBuilder($"INSERT INTO \"{table}\" ({columnList}) VALUES ");
                for (var r = 0; r < n; r++)
                {
                    sql.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < columns.Length; c++)
                    {
                        var name = $"@v{r}_{c}";
                        sql.Append(c == 0 ? name : ", " + name);
                        var p = cmd.CreateParameter();
                        p.ParameterName = name;
                        p.Value = rows[s + r][columns[c]];
                        cmd.Parameters.Add(p);
                    }

                    sql.Append(')');
                }

                cmd.CommandText = sql.ToString();
                await cmd.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
        }
    }

    /// <summary>The tables that hold a patient's record, principals first, from the app's own EF model: Patients and
    /// every table that depends on it through foreign keys (the audit trail and idempotency records excepted).</summary>
    public async Task<IReadOnlyList<OwnedTable>> PatientTablesAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>().Model;
        var excluded = new HashSet<string>(StringComparer.Ordinal) { "AuditEntries", "IdempotencyRecords" };
        var byTable = new Dictionary<string, OwnedTable>(StringComparer.Ordinal);
        var types = model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).ToList();
        var order = new List<OwnedTable>();
        var patients = types.Single(t => t.GetTableName() == "Patients");
        Add(patients, []);
        bool added;
        do
        {
            added = false;
            foreach (var type in types)
            {
                var table = type.GetTableName()!;
                if (byTable.ContainsKey(table) || excluded.Contains(table))
                {
                    continue;
                }

                var fks = type.GetForeignKeys().Where(f => !f.IsOwnership && f.PrincipalEntityType.GetTableName() is { } pt && pt != table).ToList();
                var toOwned = fks.Where(f => byTable.ContainsKey(f.PrincipalEntityType.GetTableName()!)).ToList();
                var waiting = fks.Any(f => !byTable.ContainsKey(f.PrincipalEntityType.GetTableName()!) && PatientReachable(f.PrincipalEntityType, types, excluded));
                if (toOwned.Count > 0 && !waiting)
                {
                    Add(type, toOwned.SelectMany(f => f.Properties.Select(p => p.GetColumnName())).Distinct().ToArray());
                    added = true;
                }
            }
        }
        while (added);

        return order;

        void Add(IEntityType type, string[] parentColumns)
        {
            var key = type.FindPrimaryKey()!;
            string? generated = key.Properties.Count == 1 && key.Properties[0].ClrType != typeof(Guid) && key.Properties[0].ValueGenerated != ValueGenerated.Never
                ? key.Properties[0].GetColumnName() : null;
            string? guidKey = key.Properties.Count == 1 && key.Properties[0].ClrType == typeof(Guid) ? key.Properties[0].GetColumnName() : null;
            var t = new OwnedTable(type.GetTableName()!, parentColumns, guidKey, generated);
            byTable[t.Name] = t;
            order.Add(t);
        }
    }

    private static bool PatientReachable(IEntityType type, List<IEntityType> types, HashSet<string> excluded)
    {
        var seen = new HashSet<IEntityType>();
        var stack = new Stack<IEntityType>([type]);
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            if (!seen.Add(t) || excluded.Contains(t.GetTableName()!))
            {
                continue;
            }

            if (t.GetTableName() == "Patients")
            {
                return true;
            }

            foreach (var f in t.GetForeignKeys().Where(f => !f.IsOwnership))
            {
                stack.Push(f.PrincipalEntityType);
            }
        }

        return false;
    }
}

/// <summary>A table of a patient's record: the columns that point at its owner rows, its GUID key (remapped in copies)
/// or its database-generated key (left out of copies).</summary>
public sealed record OwnedTable(string Name, string[] ParentColumns, string? GuidKey, string? GeneratedKey);
