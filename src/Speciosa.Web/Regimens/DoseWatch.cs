using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Speciosa.Clinical.Regimens;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Regimens;

/// <summary>Escalation and dependence watch (<see cref="EscalationWatch"/>) with the clinic's configured settings.
/// Runs on every dose write (alerts join the dose's SaveChanges) and from a periodic job
/// (<see cref="ReviewAllAsync"/>). Off, and saying so, until both settings are configured.</summary>
public sealed class DoseWatch(SpeciosaDbContext db, RegimenQueries queries, TimeProvider clock, IOptions<DosingOptions> options)
{
    public EscalationSettings? Settings => options.Value.Escalation;

    /// <summary>Reviews one patient as of a clinic day, with <paramref name="extra"/> (a dose being written) counted too,
    /// and adds new alerts to the context without saving.</summary>
    public async Task<EscalationReview?> ReviewAsync(Patient patient, DateOnly asOf, TimeZoneInfo zone, Dose? extra, CancellationToken ct)
    {
        if (Settings is not { } settings)
        {
            return null;
        }

        var days = Math.Max(EscalationWatch.WindowGapDays + IntakeWindow.Days, (settings.DailyUseWeeksWithoutTaper * 7) + 2);
        var from = new DateTimeOffset(asOf.AddDays(-days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var doses = await db.Doses.AsNoTracking().Where(d => d.PatientId == patient.Id && d.GivenAt >= from).ToListAsync(ct);
        if (extra is not null)
        {
            doses.Add(extra);
        }

        var active = await queries.ActiveRegimenAsync(patient.Id, asOf, ct);
        var review = EscalationWatch.Review(doses.Select(DoseContent.RecordOf).ToList(), asOf, active?.Order.Taper is not null, settings, zone);
        var alerts = review.Alerts.Select(a => a with { ConditionKey = $"patient/{patient.Id}/{a.ConditionKey}" }).ToList();
        await AlertBook.AddNewAsync(db, patient, alerts, clock.GetUtcNow(), ct);
        return review;
    }

    /// <summary>For the periodic job: reviews every active patient with a dose in the window as of yesterday
    /// (the last clinic day counted in full) and saves the alerts. Returns how many patients were reviewed.</summary>
    public async Task<int> ReviewAllAsync(CancellationToken ct = default)
    {
        if (Settings is null)
        {
            return 0;
        }

        var since = clock.GetUtcNow().AddDays(-60);
        var patientIds = await db.Doses.AsNoTracking().Where(d => d.GivenAt >= since).Select(d => d.PatientId).Distinct().ToListAsync(ct);
        var patients = await db.Patients.Where(p => patientIds.Contains(p.Id) && p.Status == PatientVocabulary.Active).ToListAsync(ct);
        foreach (var patient in patients)
        {
            var zone = await queries.ClinicZoneAsync(patient.ClinicId, ct);
            await ReviewAsync(patient, ClinicDay.Of(clock.GetUtcNow(), zone).AddDays(-1), zone, null, ct);
        }

        await db.SaveChangesAsync(ct);
        return patients.Count;
    }
}
