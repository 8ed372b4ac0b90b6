using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Speciosa.Clinical.Alerts;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Data;

/// <summary>The migration history itself: files numbered in the order EF applies them, and data written under
/// an older schema surviving a later migration as that migration intends.</summary>
public sealed partial class SchemaMigrationHistoryTests(PostgresCluster postgres)
{
    [Fact]
    public void Migration_ids_strictly_increase_in_the_order_of_the_numbered_class_names()
    {
        using var db = new SpeciosaDbContext(Options(Database.Sqlite, "Data Source=:memory:"));
        // EF applies migrations in the order of their ids (ordinal), whatever the classes are called.
        var applied = db.GetService<IMigrationsAssembly>().Migrations.ToList();
        Assert.NotEmpty(applied);

        var numbered = applied
            .Select(m => (Id: m.Key, Class: m.Value.Name, Match: NumberedClass().Match(m.Value.Name)))
            .ToList();
        Assert.All(numbered, m => Assert.True(m.Match.Success, $"{m.Class} is not named M<4 digits>_<Name>."));
        Assert.All(numbered, m => Assert.True(
            IdTimestamp().Match(m.Id) is { Success: true } id
                && DateTime.TryParseExact(id.Groups[1].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                && id.Groups[2].Value == m.Match.Groups[2].Value,
            $"{m.Class} has id {m.Id}; ids are a UTC timestamp yyyyMMddHHmmss, '_', and the class name after its number."));

        var byNumber = numbered.OrderBy(m => int.Parse(m.Match.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, byNumber.Count), byNumber.Select(m => int.Parse(m.Match.Groups[1].Value, CultureInfo.InvariantCulture)));
        for (var i = 1; i < byNumber.Count; i++)
        {
            Assert.True(string.CompareOrdinal(byNumber[i - 1].Id, byNumber[i].Id) < 0,
                $"{byNumber[i].Class} ({byNumber[i].Id}) is numbered after {byNumber[i - 1].Class} ({byNumber[i - 1].Id}) but EF would apply it first.");
        }

        // Each class lives in a file of its own name, so the folder listing reads in apply order too.
        var folder = MigrationsFolder();
        var files = Directory.GetFiles(folder, "M*.cs").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(byNumber.Select(m => m.Class), files);
    }

    [Theory]
    [ClassData(typeof(BothDatabases))]
    public async Task Alerts_raised_before_the_Safety_migration_come_through_it_ranked_stamped_and_still_unique_while_active(Database provider)
    {
        var options = Options(provider, provider is Database.Sqlite
            ? $"Data Source={Path.Combine(Path.GetTempPath(), $"speciosa-upgrade-{Guid.NewGuid():N}.db")}"
            : await postgres.CreateDatabaseAsync());
        var clinic = Guid.NewGuid();
        var patientA = Guid.NewGuid();
        var patientB = Guid.NewGuid();
        var raisedAt = new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);
        var alerts = new[]
        {
            // An open alert and, under the same rule and key, an earlier one already resolved.
            (Id: Guid.NewGuid(), Patient: patientA, Rule: "cows.severe", Key: $"patient/{patientA}/cows.severe", Severity: "Critical", Status: "open"),
            (Id: Guid.NewGuid(), Patient: patientA, Rule: "cows.severe", Key: $"patient/{patientA}/cows.severe", Severity: "High", Status: "resolved"),
            (Id: Guid.NewGuid(), Patient: patientB, Rule: "sows.rising", Key: $"patient/{patientB}/sows.rising", Severity: "Warning", Status: "open"),
            (Id: Guid.NewGuid(), Patient: patientB, Rule: "note", Key: $"patient/{patientB}/note", Severity: "Info", Status: "resolved"),
        };

        await using (var db = new SpeciosaDbContext(options))
        {
            var ids = db.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
            var beforeSafety = ids[ids.FindIndex(id => id.EndsWith("_Safety", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(beforeSafety, TestContext.Current.CancellationToken);

            // Raw SQL in the columns of that schema: the model already describes the later one.
            var sql = new OldSchemaWriter(db, provider);
            await sql.InsertAsync("Clinics", ("Id", clinic), ("Name", "Upgrade clinic"), ("TimeZone", "Europe/London"), ("IsDemo", false), ("CreatedAt", raisedAt));
            foreach (var (patient, name) in new[] { (patientA, "Ada"), (patientB, "Ben") })
            {
                await sql.InsertAsync("Patients", ("Id", patient), ("ClinicId", clinic), ("PortalUserId", null), ("GivenName", name),
                    ("FamilyName", "Upgrade"), ("SearchName", $"upgrade {name.ToLowerInvariant()}"), ("DateOfBirth", new DateOnly(1980, 1, 2)),
                    ("Sex", "female"), ("Phone", null), ("Email", null), ("CountryCode", "GB"), ("SubdivisionCode", null),
                    ("Pregnant", false), ("Breastfeeding", false), ("PlanningConception", false), ("Status", "active"),
                    ("CreatedAt", raisedAt), ("UpdatedAt", raisedAt), ("ConcurrencyStamp", Guid.NewGuid()));
            }

            foreach (var a in alerts)
            {
                await sql.InsertAsync("Alerts", ("Id", a.Id), ("ClinicId", clinic), ("PatientId", a.Patient), ("RuleId", a.Rule),
                    ("RuleVersion", 1), ("Severity", a.Severity), ("ConditionKey", a.Key), ("Message", $"{a.Rule} message"),
                    ("InputsJson", "[]"), ("Threshold", "threshold"), ("SourceCitation", "citation"), ("SourceUrl", null),
                    ("Status", a.Status), ("RaisedAt", raisedAt));
            }

            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = new SpeciosaDbContext(options))
        {
            var migrated = await db.Alerts.AsNoTracking().ToDictionaryAsync(a => a.Id, TestContext.Current.CancellationToken);
            Assert.Equal(alerts.Length, migrated.Count);
            foreach (var expected in alerts)
            {
                var alert = migrated[expected.Id];
                Assert.Equal((expected.Patient, expected.Rule, expected.Key, expected.Severity, expected.Status, raisedAt),
                    (alert.PatientId, alert.RuleId, alert.ConditionKey, alert.Severity, alert.Status, alert.RaisedAt));
                // The back-filled rank is the one the app gives an alert it raises now.
                Assert.Equal((int)Enum.Parse<AlertSeverity>(expected.Severity), alert.SeverityRank);
                Assert.Equal(Guid.Empty, alert.ConcurrencyStamp);
                Assert.Null(alert.AcknowledgedAt);
                Assert.Null(alert.AcknowledgedByUserId);
                Assert.Null(alert.AcknowledgementNote);
                Assert.Null(alert.ResolvedAt);
                Assert.Null(alert.ResolvedByUserId);
                Assert.Null(alert.ResolutionReason);
            }

            // The new unique index holds over the migrated rows: a second active alert for patient A's rule and key is refused.
            var open = migrated[alerts[0].Id];
            db.Alerts.Add(new RaisedAlert
            {
                Id = Guid.NewGuid(), ClinicId = clinic, PatientId = open.PatientId, RuleId = open.RuleId, RuleVersion = 1,
                Severity = open.Severity, SeverityRank = open.SeverityRank, ConditionKey = open.ConditionKey, Message = "again",
                InputsJson = "[]", Threshold = "threshold", SourceCitation = "citation", Status = AlertStatus.Acknowledged,
                RaisedAt = raisedAt.AddHours(1), ConcurrencyStamp = Guid.NewGuid(),
            });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }
    }

    private static DbContextOptions<SpeciosaDbContext> Options(Database provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<SpeciosaDbContext>();
        DatabaseSetup.Configure(options, new DatabaseOptions
        {
            Provider = provider is Database.Sqlite ? "Sqlite" : "Postgres",
            ConnectionString = connectionString,
        });
        return options.Options;
    }

    private static string MigrationsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Speciosa.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "Speciosa.Web", "Data", "Migrations");
            }
        }

        throw new InvalidOperationException("Speciosa.slnx was not found above the test output folder.");
    }

    [GeneratedRegex(@"^M(\d{4})_([A-Za-z0-9]+)$")]
    private static partial Regex NumberedClass();

    [GeneratedRegex(@"^(\d{14})_([A-Za-z0-9]+)$")]
    private static partial Regex IdTimestamp();

    /// <summary>Writes rows the way the provider stores them when EF is not doing the mapping: on SQLite, Guids as
    /// upper-case text and instants as UTC ticks; on PostgreSQL, uuid and timestamptz in UTC.</summary>
    private sealed class OldSchemaWriter(SpeciosaDbContext db, Database provider)
    {
        public async Task InsertAsync(string table, params (string Column, object? Value)[] values)
        {
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", values.Select(v => $"\"{v.Column}\""))}) " +
                $"VALUES ({string.Join(", ", values.Select((_, i) => $"@p{i}"))})";
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                parameter.Value = Stored(values[i].Value);
                command.Parameters.Add(parameter);
            }

            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        private object Stored(object? value) => (value, provider) switch
        {
            (null, _) => DBNull.Value,
            (Guid g, Database.Sqlite) => g.ToString().ToUpperInvariant(),
            (DateTimeOffset t, Database.Sqlite) => t.UtcTicks,
            (DateTimeOffset t, _) => t.ToUniversalTime(),
            _ => value,
        };
    }
}
