using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;

namespace Speciosa.Web.Audit;

/// <summary>Every audited write commits with its audit row. The first save of an audited request that changes
/// data stages the request's entry (outcome success) into the same transaction — the caller's, or one opened
/// here — so a crash can never leave committed data without its entry, nor an entry for data that rolled back.
/// Later saves in the same request are covered by that entry (one entry per request, as before).</summary>
public static class AuditedWrites
{
    public static async Task<int> SaveAsync(
        SpeciosaDbContext db, AuditScope? scope, TimeProvider clock, Func<CancellationToken, Task<int>> save, CancellationToken ct)
    {
        if (scope is not { Build: { } build, Staged: null, CommittedWithData: false } || !ChangesData(db))
        {
            return await save(ct);
        }

        var planned = build(AuditOutcome.Success);
        scope.ResourceId ??= CreatedId(db, planned.ResourceType);
        if (planned.PatientId is null)
        {
            scope.PatientId = PatientOf(db);
        }

        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var entry = await AuditTrail.StageAsync(db, build(AuditOutcome.Success), clock, ct);
        try
        {
            var written = await save(ct);
            if (own is null)
            {
                // The caller's transaction decides; the middleware checks whether it committed.
                scope.Staged = entry;
            }
            else
            {
                await own.CommitAsync(ct);
                scope.CommittedWithData = true;
            }

            return written;
        }
        catch
        {
            db.Entry(entry).State = EntityState.Detached;
            throw;
        }
    }

    /// <summary>The id of the one record of the endpoint's resource type this save creates, if there is exactly
    /// one: the entry names what was written even though the handler learns the id only after saving.</summary>
    private static string? CreatedId(SpeciosaDbContext db, string resourceType)
    {
        var created = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added
                && (e.Metadata.ClrType.Name == resourceType || e.Metadata.ClrType.Name == resourceType + "Record"))
            .Select(e => e.Metadata.FindProperty("Id") is { } id ? e.Property(id.Name).CurrentValue : null)
            .ToList();
        return created.Count == 1 && created[0] is { } value ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The one patient this save writes about (a new patient, or rows carrying one PatientId), if one.</summary>
    private static Guid? PatientOf(SpeciosaDbContext db)
    {
        var patients = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity is Patients.Patient p ? p.Id
                : e.Metadata.FindProperty("PatientId") is { } id ? e.Property(id.Name).CurrentValue as Guid? : null)
            .Where(id => id is not null)
            .Distinct()
            .ToList();
        return patients.Count == 1 ? patients[0] : null;
    }

    private static bool ChangesData(SpeciosaDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        return db.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry);
    }
}
