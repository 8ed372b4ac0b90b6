using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Jurisdictions;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Jurisdictions;

/// <summary>When a registry edit or import changes the status that applies where an active patient lives,
/// that patient gets an alert naming the old and new status and the source — in the edit's transaction.
/// Patients of every clinic are affected: the registry is shared.</summary>
public sealed class PatientLegalStatusAlerts(SpeciosaDbContext db, TimeProvider clock) : IJurisdictionRegistryChangeHandler
{
    public async Task HandleAsync(JurisdictionRegistryChange change, CancellationToken ct)
    {
        var patients = await db.Patients.AsNoTracking()
            .Where(p => p.Status == PatientVocabulary.Active)
            .ToListAsync(ct);
        var impacts = LegalStatusChangeImpact.Assess(
            change.Before,
            change.After,
            patients.Select(p => new ActivePatientLocation(p.Id.ToString(), new PatientLocation(p.CountryCode, p.SubdivisionCode))),
            change.Today,
            change.StaleAfterDays);
        var byId = patients.ToDictionary(p => p.Id.ToString());
        var now = clock.GetUtcNow();
        // One open alert per patient and resulting status and entry: a second change to the same adds nothing,
        // a change to yet another status or entry is a new alert.
        var alerts = impacts.Select(i => (Patient: byId[i.PatientId],
            Alert: i.Alert with { ConditionKey = $"patient/{i.PatientId}/{i.Alert.ConditionKey}/{i.After.Status}" + (i.After.Entry is { } e ? "/" + e.Id : "") })).ToList();

        async Task<List<RaisedAlert>> StageAsync()
        {
            var added = new List<RaisedAlert>();
            foreach (var (patient, alert) in alerts)
            {
                added.AddRange(await AlertBook.AddNewAsync(db, patient, [alert], now, ct));
            }

            return added;
        }

        await AlertBook.SaveAsync(db, await StageAsync(), StageAsync, ct);
    }
}
