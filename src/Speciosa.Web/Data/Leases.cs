using Microsoft.EntityFrameworkCore;

namespace Speciosa.Web.Data;

/// <summary>A named job's claim on the current period, shared by every app instance through the database
/// (issue 18 item 9): while <see cref="Until"/> is in the future, no other instance runs the job.</summary>
public sealed class Lease
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    public DateTimeOffset Until { get; set; }
}

/// <summary>Claims periods of periodic jobs (the safety sweep) so that with several instances on one database each
/// period's run happens once, not once per instance. A claim is one conditional UPDATE (or the first INSERT), so two
/// instances racing for the same period cannot both win: on PostgreSQL the second UPDATE waits for the first and then
/// finds the row no longer expired; on SQLite writes are serial.</summary>
public sealed class JobLeases(SpeciosaDbContext db, TimeProvider clock)
{
    /// <summary>This process's name in <see cref="Lease.Holder"/> (for whoever reads the table).</summary>
    public static readonly string ThisInstance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Claims <paramref name="name"/> for <paramref name="length"/> from now unless another claim is still
    /// running; true when this caller now holds it.</summary>
    public async Task<bool> TryClaimAsync(string name, string holder, TimeSpan length, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + length;
        var claimed = await db.Leases.Where(l => l.Name == name && l.Until <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.Until, until), ct);
        if (claimed > 0)
        {
            return true;
        }

        if (await db.Leases.AsNoTracking().AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }

        try
        {
            db.Leases.Add(new Lease { Name = name, Holder = holder, Until = until });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance made the first claim at the same moment: it holds this period.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<Lease>(e =>
    {
        e.ToTable("Leases");
        e.HasKey(l => l.Name);
        e.Property(l => l.Name).HasMaxLength(100);
        e.Property(l => l.Holder).HasMaxLength(100);
    });
}
