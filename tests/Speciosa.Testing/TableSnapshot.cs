using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Speciosa.Testing;

/// <summary>Every table of the app's model as "rows:hash" (the hash over every row's values), read through the server's own
/// DbContext, so an update or a delete shows as well as an insert. Tables of bookkeeping that a refused request may rightly
/// write (the audit trail, kept idempotent answers, sign-in throttles, sessions) are left out by the caller.</summary>
public static class TableSnapshot
{
    public static Task<IReadOnlyDictionary<string, string>> TakeAsync(SpeciosaServer server, IReadOnlySet<string> ignored) =>
        server.QueryAsync<IReadOnlyDictionary<string, string>>(async db =>
        {
            var tables = db.Model.GetEntityTypes()
                .Where(e => e.GetViewName() is null && e.GetTableName() is { } name && !ignored.Contains(name))
                .Select(e => (Schema: e.GetSchema(), Table: e.GetTableName()!))
                .Distinct()
                .OrderBy(t => t.Table, StringComparer.Ordinal)
                .ToList();
            var state = new Dictionary<string, string>(StringComparer.Ordinal);
            if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
            {
                // One round trip: each table's row count and an md5 over its rows' text, in a fixed order.
                var sql = string.Join(" UNION ALL ", tables.Select(t =>
                    $"SELECT '{t.Table}' AS t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS v FROM {(t.Schema is null ? "" : $"\"{t.Schema}\".")}\"{t.Table}\" x"));
                await db.Database.OpenConnectionAsync();
                try
                {
                    await using var all = db.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // The text is built from the EF model's own table names, never from input.
                    all.CommandText = sql;
#pragma warning restore CA2100
                    await using var rows = await all.ExecuteReaderAsync();
                    while (await rows.ReadAsync())
                    {
                        state[rows.GetString(0)] = rows.GetString(1);
                    }
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }

                return state;
            }

            await db.Database.OpenConnectionAsync();
            try
            {
                foreach (var (schema, table) in tables)
                {
                    await using var command = db.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // The text is built from the EF model's own table names, never from input.
                    command.CommandText = $"SELECT * FROM {(schema is null ? "" : $"\"{schema}\".")}\"{table}\"";
#pragma warning restore CA2100
                    await using var reader = await command.ExecuteReaderAsync();
                    var rows = new List<string>();
                    var values = new object[reader.FieldCount];
                    while (await reader.ReadAsync())
                    {
                        reader.GetValues(values);
                        rows.Add(string.Join('\u001f', values.Select(v => v is byte[] b ? Convert.ToBase64String(b) : Convert.ToString(v, CultureInfo.InvariantCulture))));
                    }

                    rows.Sort(StringComparer.Ordinal);
                    state[table] = $"{rows.Count}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))))[..16]}";
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return state;
        });

    /// <summary>The tables that differ, e.g. "Doses 3:ab… → 4:cd…".</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        after.Where(a => !before.TryGetValue(a.Key, out var b) || b != a.Value)
            .Select(a => $"{a.Key} {before.GetValueOrDefault(a.Key)} → {a.Value}")
            .ToList();
}
