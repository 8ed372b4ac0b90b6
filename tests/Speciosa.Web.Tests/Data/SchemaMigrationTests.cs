using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Data;

public sealed class SchemaMigrationTests(PostgresCluster postgres)
{
    [Fact]
    public async Task Migrated_sqlite_schema_matches_the_model()
    {
        await using var db = await MigratedSqliteAsync<SpeciosaDbContext>();
        Assert.Empty(await SchemaComparison.DifferencesAsync(db));
    }

    [Fact]
    public async Task Migrated_postgres_schema_matches_the_model()
    {
        await using var db = await MigratedPostgresAsync<SpeciosaDbContext>();
        Assert.Empty(await SchemaComparison.DifferencesAsync(db));
    }

    [Fact]
    public async Task A_model_change_without_a_migration_is_caught_on_sqlite()
    {
        await using var db = await MigratedSqliteAsync<ContextWithForgottenMigration>();
        var differences = await SchemaComparison.DifferencesAsync(db);
        Assert.Contains(differences, d => d.Contains("Clinics.Forgotten", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("IX_Clinics_Name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_model_change_without_a_migration_is_caught_on_postgres()
    {
        await using var db = await MigratedPostgresAsync<ContextWithForgottenMigration>();
        var differences = await SchemaComparison.DifferencesAsync(db);
        Assert.Contains(differences, d => d.Contains("Clinics.Forgotten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_index_filter_or_delete_behaviour_without_a_migration_is_caught_on_sqlite()
    {
        await using var db = await MigratedSqliteAsync<ContextWithChangedFilterAndDeleteBehaviour>();
        AssertFilterAndDeleteBehaviourCaught(await SchemaComparison.DifferencesAsync(db));
    }

    [Fact]
    public async Task A_changed_index_filter_or_delete_behaviour_without_a_migration_is_caught_on_postgres()
    {
        await using var db = await MigratedPostgresAsync<ContextWithChangedFilterAndDeleteBehaviour>();
        AssertFilterAndDeleteBehaviourCaught(await SchemaComparison.DifferencesAsync(db));
    }

    private static void AssertFilterAndDeleteBehaviourCaught(IReadOnlyList<string> differences)
    {
        Assert.Contains(differences, d => d.Contains("IX_Alerts_PatientId_RuleId_ConditionKey", StringComparison.Ordinal)
            && d.Contains("STATUS = 'open'", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("Alerts(ClinicId) -> Clinics(Id)", StringComparison.Ordinal)
            && d.Contains("ON DELETE RESTRICT in the database but ON DELETE CASCADE in the model", StringComparison.Ordinal));
        Assert.Equal(2, differences.Count);
    }

    private static async Task<T> MigratedSqliteAsync<T>() where T : SpeciosaDbContext
    {
        var path = Path.Combine(Path.GetTempPath(), $"speciosa-schema-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SpeciosaDbContext>();
        DatabaseSetup.Configure(options, new DatabaseOptions { Provider = "Sqlite", SqlitePath = path });
        return await MigrateThenOpenAsync<T>(options.Options);
    }

    private async Task<T> MigratedPostgresAsync<T>() where T : SpeciosaDbContext
    {
        var connection = await postgres.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<SpeciosaDbContext>();
        DatabaseSetup.Configure(options, new DatabaseOptions { Provider = "Postgres", ConnectionString = connection });
        return await MigrateThenOpenAsync<T>(options.Options);
    }

    // Migrations belong to SpeciosaDbContext; the context under test then reads the migrated database.
    private static async Task<T> MigrateThenOpenAsync<T>(DbContextOptions options) where T : SpeciosaDbContext
    {
        await using (var migrator = new SpeciosaDbContext(options))
        {
            await migrator.Database.MigrateAsync();
        }

        return (T)Activator.CreateInstance(typeof(T), options)!;
    }
}

/// <summary>The model as it would be if someone added a column and an index but no migration.</summary>
public sealed class ContextWithForgottenMigration(DbContextOptions options) : SpeciosaDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Clinic>().Property<string>("Forgotten").HasMaxLength(20);
        modelBuilder.Entity<Clinic>().HasIndex(c => c.Name);
    }
}

/// <summary>The model as it would be if someone loosened the "one active alert" filter and let deleting a clinic
/// cascade to its alerts, but wrote no migration.</summary>
public sealed class ContextWithChangedFilterAndDeleteBehaviour(DbContextOptions options) : SpeciosaDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var alerts = modelBuilder.Entity<RaisedAlert>();
        alerts.HasIndex(a => new { a.PatientId, a.RuleId, a.ConditionKey }).HasFilter("\"Status\" = 'open'");
        alerts.Metadata.GetForeignKeys().Single(fk => fk.PrincipalEntityType.ClrType == typeof(Clinic)).DeleteBehavior = DeleteBehavior.Cascade;
    }
}
