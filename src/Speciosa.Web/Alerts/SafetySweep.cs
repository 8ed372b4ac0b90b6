using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Audit;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Alerts;

/// <summary>What one sweep did, in counts only (no patient data).</summary>
public sealed record SweepOutcome(bool Ran, int Patients, int Raised, int Resolved);

/// <summary>The time-based rules, re-evaluated for every active patient through each feature's <see cref="ISafetyReview"/>
/// (the liver panel schedule, the withdrawal course, pregnancy with a regimen, the escalation watch). Raises what is new
/// and resolves what cleared, per patient in one save with the duplicate retry of <see cref="AlertBook.SaveAsync"/>.</summary>
public sealed class SafetySweep(SpeciosaDbContext db, IEnumerable<ISafetyReview> reviews, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Advisory lock key so one instance sweeps at a time on PostgreSQL ("SPECIOSA" safety sweep).</summary>
    public const long LockKey = 0x5350_4543_5357_0001;

    public async Task<SweepOutcome> RunAsync(CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            await db.Database.OpenConnectionAsync(ct);
            var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({LockKey}) AS \"Value\"").SingleAsync(ct);
            if (!locked)
            {
                await db.Database.CloseConnectionAsync();
                return new SweepOutcome(false, 0, 0, 0);
            }
        }

        try
        {
            var outcome = await SweepAsync(ct);
            await audit.AppendAsync(new AuditRecord("alert.sweep", "Alert", "success", Guid.NewGuid().ToString("N"),
                ResourceId: $"patients={outcome.Patients};raised={outcome.Raised};resolved={outcome.Resolved}"), ct);
            return outcome;
        }
        finally
        {
            if (postgres)
            {
                await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({LockKey}) AS \"Value\"").SingleAsync(CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private async Task<SweepOutcome> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ids = await db.Patients.AsNoTracking().Where(p => p.Status == PatientVocabulary.Active).Select(p => p.Id).ToListAsync(ct);
        int raised = 0, resolved = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var patient = await db.Patients.FirstAsync(p => p.Id == id, ct);
            var (staged, cleared) = await StageAsync(patient, now, ct);
            var added = await AlertBook.SaveAsync(db, staged, async () =>
            {
                db.ChangeTracker.Clear();
                var again = await db.Patients.FirstAsync(x => x.Id == id, ct);
                return (await StageAsync(again, now, ct)).Added;
            }, ct);
            resolved += cleared.Count;
            raised += added.Count;
        }

        db.ChangeTracker.Clear();
        return new SweepOutcome(true, ids.Count, raised, resolved);
    }

    private async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> StageAsync(Patient patient, DateTimeOffset now, CancellationToken ct)
    {
        var added = new List<RaisedAlert>();
        var resolved = new List<RaisedAlert>();
        foreach (var review in reviews)
        {
            var (a, r) = await review.ReviewAsync(patient, now, ct);
            added.AddRange(a);
            resolved.AddRange(r);
        }

        return (added, resolved);
    }
}
