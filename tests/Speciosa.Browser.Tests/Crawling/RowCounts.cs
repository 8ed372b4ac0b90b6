using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;

namespace Speciosa.Browser.Tests.Crawling;

/// <summary>The number of rows in every table of the app's model, read through the server's own DbContext in one
/// query. AuditEntries and IdempotencyRecords are left out: every page view appends audit rows, and the first save
/// of a keyed form stores its key.</summary>
internal static class RowCounts
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "AuditEntries", "IdempotencyRecords" };

    public static Task<IReadOnlyDictionary<string, long>> TakeAsync(SpeciosaServer server) =>
        server.QueryAsync<IReadOnlyDictionary<string, long>>(async db =>
        {
            var tables = db.Model.GetEntityTypes()
                .Where(e => e.GetViewName() is null && e.GetTableName() is { } name && !Ignored.Contains(name))
                .Select(e => (Schema: e.GetSchema(), Table: e.GetTableName()!))
                .Distinct()
                .OrderBy(t => t.Table, StringComparer.Ordinal)
                .ToList();
            var sql = string.Join(" UNION ALL ", tables.Select(t =>
                $"SELECT '{t.Table}', COUNT(*) FROM {(t.Schema is null ? "" : $"\"{t.Schema}\".")}\"{t.Table}\""));
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // The text is built from the EF model's own table names, never from input.
                command.CommandText = sql;
#pragma warning restore CA2100
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return counts;
        });

    /// <summary>The tables that have more rows in <paramref name="after"/> than in <paramref name="before"/>,
    /// e.g. "LotStateChanges 4 → 5".</summary>
    public static IReadOnlyList<string> Grown(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.Where(a => a.Value > before.GetValueOrDefault(a.Key))
            .Select(a => $"{a.Key} {before.GetValueOrDefault(a.Key)} → {a.Value}")
            .ToList();

    public static bool Differ(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.Any(a => a.Value != before.GetValueOrDefault(a.Key)) || before.Keys.Any(k => !after.ContainsKey(k));
}
