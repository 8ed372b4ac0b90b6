using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Jurisdictions;
using Speciosa.Web.Alerts;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Jurisdictions;

/// <summary>Re-decides the law for one patient (core <see cref="PatientLegalReview"/>): when the record is saved (a changed
/// address raises the moved alert, and supply-not-allowed is reconciled) and in the periodic sweep (an entry that reached its
/// effective date, or a temporary rule that ended, alerts once; supply-not-allowed is reconciled). Staff doses and orders are
/// refused through <see cref="LegalCheck"/>/<c>RegimenLegal</c> at the time they are written.</summary>
public sealed class PatientLegalStatusReview(SpeciosaDbContext db, JurisdictionRegistry registry, ClinicCalendar calendar) : IPatientSavedHandler, ISafetyReview
{
    private static readonly string[] SupplyRules = [JurisdictionAlertRules.SupplyNotAllowed.Id];
    private IReadOnlyList<JurisdictionEntry>? entries;

    async Task IPatientSavedHandler.PatientSavedAsync(Patient patient, DateTimeOffset now, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(patient.ClinicId, ct);
        var registryNow = await EntriesAsync(ct);
        var location = LocationOf(patient.CountryCode, patient.SubdivisionCode);
        var applicable = LegalStatusEvaluator.Evaluate(registryNow, location, today, registry.StaleAfterDays);
        var raised = new List<Alert>();
        var entry = db.Entry(patient);
        if (entry.State == EntityState.Modified)
        {
            var from = LocationOf(entry.Property(p => p.CountryCode).OriginalValue, entry.Property(p => p.SubdivisionCode).OriginalValue);
            if (from != location
                && PatientLegalReview.Moved(LegalStatusEvaluator.Evaluate(registryNow, from, today, registry.StaleAfterDays), from, applicable, location) is { } moved)
            {
                await AlertBook.AddNewAsync(db, patient, [moved], now, ct);
            }
        }

        raised.AddRange(PatientLegalReview.SupplyAlerts(applicable, location, CircumstancesOf(patient), today));
        await AlertBook.ReconcileAsync(db, patient, SupplyRules, raised, now, ct);
    }

    async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> ISafetyReview.ReviewAsync(Patient patient, DateTimeOffset now, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(patient.ClinicId, ct);
        var registryNow = await EntriesAsync(ct);
        var location = LocationOf(patient.CountryCode, patient.SubdivisionCode);
        var applicable = LegalStatusEvaluator.Evaluate(registryNow, location, today, registry.StaleAfterDays);
        var (added, resolved) = await AlertBook.ReconcileAsync(
            db, patient, SupplyRules, PatientLegalReview.SupplyAlerts(applicable, location, CircumstancesOf(patient), today), now, ct);

        // Each change alerts once: an in-force alert someone resolved is not raised again by the next sweep.
        if (PatientLegalReview.CameIntoForce(registryNow, location, today, registry.StaleAfterDays) is { } change
            && !await db.Alerts.AnyAsync(a => a.PatientId == patient.Id && a.ConditionKey == change.ConditionKey, ct))
        {
            added.AddRange(await AlertBook.AddNewAsync(db, patient, [change], now, ct));
        }

        return (added, resolved);
    }

    private async Task<IReadOnlyList<JurisdictionEntry>> EntriesAsync(CancellationToken ct) => entries ??= await registry.CurrentEntriesAsync(ct);

    private static PatientLocation LocationOf(string country, string? subdivision) => new(country, subdivision);

    private static PatientCircumstances CircumstancesOf(Patient patient) => new(patient.DateOfBirth, patient.Pregnant, patient.Breastfeeding);
}
