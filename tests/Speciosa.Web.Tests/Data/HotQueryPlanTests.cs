using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Data;

/// <summary>Issue 17 (perf review wins 3 and 4): the alert worklist and the recall trace are answered in index order
/// from an index, on both databases, whatever the clinic's size. A plan, not a timing: the bench
/// (bench/Speciosa.Bench) measures the effect. On PostgreSQL sequential scans and sorts are priced out, so the
/// plan shows what the indexes can serve even on the demo clinic's few rows.</summary>
public sealed class HotQueryPlanTests(DemoServers servers) : IClassFixture<DemoServers>
{
    // The worklist's query shape (AlertWorklist.ListAsync): one status, optionally one severity, most severe, newest, then id.
    private const string Worklist = "SELECT * FROM \"Alerts\" WHERE \"ClinicId\" = {0} AND \"Status\" = 'open'{1} " +
        "AND (\"SnoozedUntil\" IS NULL OR \"SnoozedUntil\" <= {2}) " +
        "ORDER BY \"SeverityRank\" DESC, \"RaisedAt\" DESC, \"Id\" LIMIT 25 OFFSET 100";

    // The recall trace's dose count (LotExposure.ExposedAsync): per patient, a lot's given doses since a date (doses
    // are filtered to given ones by the model's query filter since the round, M0026).
    private const string Recall = "SELECT \"PatientId\", COUNT(*), MAX(\"GivenAt\") FROM \"Doses\" " +
        "WHERE \"Status\" = 'Given' AND \"LotId\" = {0} AND \"GivenAt\" >= {1} AND \"ClinicId\" = {0} GROUP BY \"PatientId\"";

    // The recall trace's names (LotExposure.ExposedAsync): patients with a given dose from the lot or a regimen ordering it.
    private const string RecallNames = "SELECT \"p\".\"Id\", \"p\".\"GivenName\", \"p\".\"FamilyName\" FROM \"Patients\" AS \"p\" " +
        "WHERE \"p\".\"Id\" IN (SELECT \"d\".\"PatientId\" FROM \"Doses\" AS \"d\" WHERE \"d\".\"Status\" = 'Given' AND \"d\".\"LotId\" = {0} " +
        "AND \"d\".\"GivenAt\" >= {1} AND \"d\".\"ClinicId\" = {0}) OR \"p\".\"Id\" IN (SELECT \"r\".\"PatientId\" FROM \"Regimens\" AS \"r\" " +
        "WHERE \"r\".\"LotId\" = {0} AND \"r\".\"ClinicId\" = {0} AND (\"r\".\"EndDate\" IS NULL OR \"r\".\"EndDate\" >= {2}))";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_worklist_page_is_read_in_the_worklists_order_without_sorting_every_open_alert(Speciosa.Testing.Database database)
    {
        var server = await servers.On(database);

        // Issue 15 item 6 (M0027): the rule and assignee filters too, with snoozed alerts left out.
        foreach (var severity in new[] { "", " AND \"Severity\" = 'High'", " AND \"RuleId\" = 'liver.potential-hys-law'", " AND \"AssignedToUserId\" = " + Id(database) })
        {
            var plan = await PlanAsync(server, database, string.Format(Worklist, Id(database), severity,
                database == Speciosa.Testing.Database.Sqlite ? "0" : "'2026-01-01T00:00:00Z'"));

            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
            Assert.Contains("IX_Alerts_ClinicId_Status_", plan, StringComparison.Ordinal);
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_worklist_count_leaves_out_snoozed_alerts_from_an_index_alone_without_reading_each_alert(Speciosa.Testing.Database database)
    {
        var server = await servers.On(database);

        foreach (var filter in new[] { "", " AND \"Severity\" = 'High'", " AND \"RuleId\" = 'liver.potential-hys-law'", " AND \"AssignedToUserId\" = " + Id(database) })
        {
            var plan = await PlanAsync(server, database, $"SELECT COUNT(*) FROM \"Alerts\" WHERE \"ClinicId\" = {Id(database)} AND \"Status\" = 'open'{filter} " +
                $"AND (\"SnoozedUntil\" IS NULL OR \"SnoozedUntil\" <= {(database == Speciosa.Testing.Database.Sqlite ? "0" : "'2026-01-01T00:00:00Z'")})");

            // PostgreSQL picks among the worklist indexes by table statistics, which the demo clinic's few alerts do not give; on
            // them it reads the unfiltered count from an index alone, and a filtered one at least from a worklist index.
            var expected = database == Speciosa.Testing.Database.Sqlite ? "COVERING INDEX IX_Alerts_ClinicId_Status_"
                : filter.Length == 0 ? "Index Only Scan using \"IX_Alerts_ClinicId_Status_" : "using \"IX_Alerts_ClinicId_Status_";
            Assert.True(plan.Contains(expected, StringComparison.Ordinal), $"Expected {expected} in the plan:\n{plan}");
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_audit_search_by_patient_user_or_action_is_read_newest_first_from_an_index(Speciosa.Testing.Database database)
    {
        var server = await servers.On(database);

        foreach (var (filter, index) in new[]
        {
            ("\"PatientId\" = " + Id(database), "IX_AuditEntries_PatientId_Sequence"),
            ("\"UserId\" = " + Id(database), "IX_AuditEntries_UserId_Sequence"),
            ("\"ClinicId\" = " + Id(database) + " AND \"Action\" = 'alert.acknowledge'", "IX_AuditEntries_ClinicId_Action_Sequence"),
        })
        {
            var plan = await PlanAsync(server, database, $"SELECT * FROM \"AuditEntries\" WHERE {filter} ORDER BY \"Sequence\" DESC LIMIT 50");
            Assert.Contains(index, plan, StringComparison.Ordinal);
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_recall_trace_counts_a_lots_doses_per_patient_from_the_index_alone(Speciosa.Testing.Database database)
    {
        var server = await servers.On(database);

        var plan = await PlanAsync(server, database, string.Format(Recall, Id(database), database == Speciosa.Testing.Database.Sqlite ? "0" : "'2020-01-01'"));

        Assert.Contains(database == Speciosa.Testing.Database.Sqlite ? "COVERING INDEX IX_Doses_LotId_ClinicId_Status_PatientId_GivenAt" : "Index Only Scan using \"IX_Doses_LotId_ClinicId_Status_PatientId_GivenAt\"",
            plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_recall_traces_names_are_read_for_the_exposed_patients_only_without_reading_each_dose(Speciosa.Testing.Database database)
    {
        var server = await servers.On(database);
        var sqlite = database == Speciosa.Testing.Database.Sqlite;

        var plan = await PlanAsync(server, database, string.Format(RecallNames, Id(database), sqlite ? "0" : "'2020-01-01'", sqlite ? "'2020-01-01'" : "DATE '2020-01-01'"));

        // The dose side from the index alone, and no subquery run once per patient of the clinic.
        Assert.Contains(sqlite ? "COVERING INDEX IX_Doses_LotId_ClinicId_Status_PatientId_GivenAt" : "Index Only Scan using \"IX_Doses_LotId_ClinicId_Status_PatientId_GivenAt\"",
            plan, StringComparison.Ordinal);
        // SQLite marks a subquery run per row CORRELATED; PostgreSQL runs an uncorrelated IN once, as "hashed SubPlan".
        Assert.DoesNotContain("CORRELATED", plan, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\(SubPlan|alternatives", plan);
    }

    private static string Id(Speciosa.Testing.Database database) =>
        database == Speciosa.Testing.Database.Sqlite ? "'00000000-0000-0000-0000-000000000001'" : "'00000000-0000-0000-0000-000000000001'::uuid";

    private static Task<string> PlanAsync(SpeciosaServer server, Speciosa.Testing.Database database, string sql) => server.QueryAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        try
        {
            if (database == Speciosa.Testing.Database.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off; SET LOCAL enable_bitmapscan = off;");
            }

            var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.Transaction = tx.GetDbTransaction();
            cmd.CommandText = (database == Speciosa.Testing.Database.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql;
            await using var reader = await cmd.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetValue(reader.FieldCount - 1)?.ToString() ?? "");
            }

            return string.Join("\n", lines);
        }
        finally
        {
            await tx.RollbackAsync();
            await db.Database.CloseConnectionAsync();
        }
    });
}
