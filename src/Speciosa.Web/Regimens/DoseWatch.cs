using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Speciosa.Clinical.Regimens;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;
using Speciosa.Web.Clinics;

namespace Speciosa.Web.Regimens;

/// <summary>Escalation and dependence watch (<see cref="EscalationWatch"/>) with the clinic's configured settings.
/// Runs on every dose write (alerts join the dose's SaveChanges) and in the safety sweep (<see cref="ISafetyReview"/>). Off, and saying so, until both settings are configured.</summary>
public sealed class DoseWatch(SpeciosaDbContext db, RegimenQueries queries, ClinicCalendar calendar, TimeProvider clock, IOptions<DosingOptions> options) : ISafetyReview
{
    public EscalationSettings? Settings => options.Value.Escalation;

    /// <summary>Reviews one patient as of a clinic day, with <paramref name="extra"/> (a dose being written) counted too,
    /// and adds new alerts to the context without saving. <paramref name="activeOnDay"/> is the regimen in effect that day
    /// as the caller has just read it (null: none), so a dose write reads it once (issue 17).</summary>
    public async Task<EscalationReview?> ReviewAsync(Patient patient, DateOnly asOf, TimeZoneInfo zone, Dose? extra, ActiveRegimen? activeOnDay, CancellationToken ct) =>
        (await StageAsync(patient, asOf, zone, extra, () => Task.FromResult(activeOnDay), ct)).Review;

    /// <summary>For the safety sweep: the patient as of yesterday (the last clinic day counted in full).</summary>
    async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> ISafetyReview.ReviewAsync(Patient patient, DateTimeOffset now, CancellationToken ct)
    {
        if (Settings is null)
        {
            return ([], []);
        }

        var zone = (await calendar.ZoneAsync(patient.ClinicId, ct)).Zone;
        var asOf = ClinicDay.Of(now, zone).AddDays(-1);
        return ((await StageAsync(patient, asOf, zone, null, () => queries.ActiveRegimenAsync(patient.Id, asOf, ct), ct)).Added, []);
    }

    private async Task<(EscalationReview? Review, List<RaisedAlert> Added)> StageAsync(
        Patient patient, DateOnly asOf, TimeZoneInfo zone, Dose? extra, Func<Task<ActiveRegimen?>> activeOnDay, CancellationToken ct)
    {
        if (Settings is not { } settings)
        {
            return (null, []);
        }

        var days = Math.Max(EscalationWatch.WindowGapDays + IntakeWindow.Days, (settings.DailyUseWeeksWithoutTaper * 7) + 2);
        var from = new DateTimeOffset(asOf.AddDays(-days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var doses = await db.Doses.AsNoTracking().Where(d => d.PatientId == patient.Id && d.GivenAt >= from).ToListAsync(ct);
        if (extra is not null)
        {
            doses.Add(extra);
        }

        var active = await activeOnDay();
        var review = EscalationWatch.Review(doses.Select(DoseContent.RecordOf).ToList(), asOf, active?.Order.Taper is not null, settings, zone);
        var alerts = review.Alerts.Select(a => a with { ConditionKey = $"patient/{patient.Id}/{a.ConditionKey}" }).ToList();
        return (review, await AlertBook.AddNewAsync(db, patient, alerts, clock.GetUtcNow(), ct));
    }
}
