using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Safety;
using Speciosa.Clinical.Withdrawal;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Alerts;
using Speciosa.Web.Audit;
using Speciosa.Web.Data;
using Speciosa.Web.Liver;
using Speciosa.Web.Patients;
using Speciosa.Web.Withdrawal;

namespace Speciosa.Web.Safety;

/// <summary>What one sweep did, in counts only (no patient data).</summary>
public sealed record SweepOutcome(bool Ran, int Patients, int Raised, int Resolved);

/// <summary>The time-based rules, re-evaluated for every active patient: liver panel schedule (overdue, baseline
/// missing), withdrawal "past expected duration" and "after the peak" on the latest COWS judged at the time now, and the
/// pregnancy/breastfeeding/conception alerts through the regimen seam, and the dose escalation watch. Raises what is
/// new and resolves what cleared.</summary>
public sealed class SafetySweep(SpeciosaDbContext db, LiverReview liver, PregnancyReview pregnancy, Regimens.DoseWatch doses, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Advisory lock key so one instance sweeps at a time on PostgreSQL ("SPECIOSA" safety sweep).</summary>
    public const long LockKey = 0x5350_4543_5357_0001;

    private static readonly string[] WithdrawalRules = WithdrawalAlertRules.All.Select(r => r.Id).ToArray();

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
            // Escalation and daily use without a taper plan are time-based too.
            await doses.ReviewAllAsync(ct);
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
            var (a1, r1) = await liver.StageScheduleAsync(patient, now, ct);
            var (a2, r2) = await StageWithdrawalAsync(patient, now, ct);
            var (a3, r3) = await pregnancy.StageAsync(patient, now, ct);
            var added = await AlertBook.SaveAsync(db, [.. a1, .. a2, .. a3], async () =>
            {
                db.ChangeTracker.Clear();
                var p = await db.Patients.FirstAsync(x => x.Id == id, ct);
                var (b1, _) = await liver.StageScheduleAsync(p, now, ct);
                var (b2, _) = await StageWithdrawalAsync(p, now, ct);
                var (b3, _) = await pregnancy.StageAsync(p, now, ct);
                return [.. b1, .. b2, .. b3];
            }, ct);
            raised += added.Count;
            resolved += r1.Count + r2.Count + r3.Count;
        }

        db.ChangeTracker.Clear();
        return new SweepOutcome(true, ids.Count, raised, resolved);
    }

    /// <summary>Per episode: the latest COWS, scored again by the core and judged at <paramref name="now"/>, so an episode
    /// that runs past its expected duration with moderate withdrawal on its last score alerts without a new assessment,
    /// and a newer lower score clears the alert.</summary>
    private async Task<(List<RaisedAlert>, List<RaisedAlert>)> StageWithdrawalAsync(Patient patient, DateTimeOffset now, CancellationToken ct)
    {
        var added = new List<RaisedAlert>();
        var resolved = new List<RaisedAlert>();
        var episodes = await db.WithdrawalEpisodes.AsNoTracking().Where(e => e.PatientId == patient.Id).ToListAsync(ct);
        var cows = InstrumentCatalog.Default.Find(InstrumentCatalog.CowsId)!;
        foreach (var episode in episodes)
        {
            var latest = (await db.Assessments.AsNoTracking()
                    .Where(a => a.EpisodeId == episode.Id && a.InstrumentId == InstrumentCatalog.CowsId).ToListAsync(ct))
                .MaxBy(a => a.AssessedAt);
            if (latest is null)
            {
                continue;
            }

            var answers = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(latest.AnswersJson)!
                .ToDictionary(x => int.Parse(x.Key, System.Globalization.CultureInfo.InvariantCulture), x => x.Value);
            var scored = InstrumentScorer.Score(cows, answers);
            if (!scored.IsScored)
            {
                continue;
            }

            var use = await db.OpioidUses.AsNoTracking().FirstAsync(u => u.Id == episode.OpioidUseId, ct);
            var key = $"episode/{episode.Id}";
            var raised = WithdrawalAlerts.Evaluate(key, scored.Score!, now, WithdrawalRecords.CourseOf(episode, use));
            var (a, r) = await AlertBook.ReconcileAsync(db, patient, WithdrawalRules, raised, now, ct, key + "/");
            added.AddRange(a);
            resolved.AddRange(r);
        }

        return (added, resolved);
    }
}

/// <summary>Pregnancy, breastfeeding and conception-planning alerts through the regimen seam (<see cref="IRegimenStatus"/>).
/// SEAM: the patient record's save (and the regimen feature, when a regimen starts or stops) should call
/// <see cref="StageAsync"/> before its SaveChanges; until then the periodic sweep keeps these alerts current.</summary>
public sealed class PregnancyReview(SpeciosaDbContext db, IRegimenStatus regimens)
{
    private static readonly string[] Rules = PregnancyAlertRules.All.Select(r => r.Id).ToArray();

    public async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> StageAsync(Patient patient, DateTimeOffset now, CancellationToken ct)
    {
        var regimen = await regimens.ForPatientAsync(patient.Id, ct);
        var raised = PregnancyRisk.Evaluate(patient.Pregnant, patient.Breastfeeding, patient.PlanningConception, regimen.OnKratomRegimen);
        return await AlertBook.ReconcileAsync(db, patient, Rules, raised, now, ct);
    }
}
