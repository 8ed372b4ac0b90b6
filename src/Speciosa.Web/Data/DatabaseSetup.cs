using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Speciosa.Web.Data;

public static class DatabaseSetup
{
    /// <summary>How long a SQLite command waits for the write lock before it fails (SQLite's busy timeout and
    /// Microsoft.Data.Sqlite's command timeout alike).</summary>
    public const int SqliteTimeoutSeconds = 30;

    public static IServiceCollection AddSpeciosaDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!options.IsPostgres && !options.IsSqlite)
        {
            throw new InvalidOperationException(
                $"Database:Provider '{options.Provider}' is not supported; use 'Sqlite' or 'Postgres'.");
        }

        if (options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException(
                "Database:Provider is Postgres but Database:ConnectionString is empty (set Database__ConnectionString).");
        }

        services.AddSingleton(options);
        services.AddDbContext<SpeciosaDbContext>(db => Configure(db, options));
        services.AddScoped<JobLeases>();
        services.AddSingleton<ReportingReads>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder db, DatabaseOptions options)
    {
        if (options.IsPostgres)
        {
            db.UseNpgsql(options.ConnectionString);
        }
        else
        {
            db.UseSqlite(SqliteConnectionString(options));
            db.AddInterceptors(SqliteBusyTimeout.Instance); // one instance: EF keys its internal service cache on it
        }

        // Migrations are written by hand without a model snapshot; the schema-versus-model test on both
        // providers is what catches a forgotten migration, so EF's snapshot comparison is switched off.
        db.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    public static string SqliteConnectionString(DatabaseOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var path = Path.GetFullPath(options.SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = SqliteTimeoutSeconds,
        }.ToString();
    }

    /// <summary>Applies pending migrations. SQLite gets WAL so readers do not block the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(ct);
    }
}
