using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Speciosa.Web.Data;

/// <summary>The one way to run a read that may lag the primary by a moment — an export, a research extract, a dashboard
/// count — so that, with <see cref="DatabaseOptions.ReadConnectionString"/> set, it runs on a PostgreSQL streaming standby
/// and leaves the primary to the clinic's writes (issue 17 item 3). The hosts are tried as Npgsql's multi-host data source
/// with <see cref="TargetSessionAttributes.PreferStandby"/>: a standby when one answers, the primary otherwise. Without the
/// setting (and always on SQLite) the reads use the main database. Never for a read that must see the request's own write
/// (a page after its post): a standby may not have replayed it yet.</summary>
public sealed class ReportingReads : IAsyncDisposable
{
    private readonly NpgsqlDataSource? standbys;
    private readonly DbContextOptions options;

    public ReportingReads(DatabaseOptions database)
    {
        var builder = new DbContextOptionsBuilder<SpeciosaDbContext>();
        if (database.IsPostgres && !string.IsNullOrWhiteSpace(database.ReadConnectionString))
        {
            standbys = new NpgsqlDataSourceBuilder(database.ReadConnectionString).BuildMultiHost()
                .WithTargetSession(TargetSessionAttributes.PreferStandby);
            builder.UseNpgsql(standbys);
            builder.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));
        }
        else
        {
            DatabaseSetup.Configure(builder, database);
        }

        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        options = builder.Options;
    }

    /// <summary>Whether the reads go through the configured standby hosts (false: the main database).</summary>
    public bool RoutesToStandby => standbys is not null;

    /// <summary>A read-only context for one report; dispose it when the report is read.</summary>
    public SpeciosaDbContext Open() => new ReadOnlyContext(options);

    public async ValueTask DisposeAsync()
    {
        if (standbys is not null)
        {
            await standbys.DisposeAsync();
        }
    }

    /// <summary>Refuses to save: a report never writes (and a standby could not).</summary>
    private sealed class ReadOnlyContext(DbContextOptions options) : SpeciosaDbContext(options)
    {
        public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
            throw new InvalidOperationException("A reporting read cannot write.");

        public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("A reporting read cannot write.");
    }
}
