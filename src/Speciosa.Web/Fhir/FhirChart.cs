using System.Security.Claims;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Liver;
using Speciosa.Web.Patients;
using Speciosa.Web.Products;
using Speciosa.Web.Regimens;
using Speciosa.Web.Safety;
using Speciosa.Clinical.Regimens;
using Speciosa.Web.Vitals;
using Speciosa.Web.Withdrawal;
using SpeciosaPatient = Speciosa.Web.Patients.Patient;

namespace Speciosa.Web.Fhir;

/// <summary>Reads one visible patient's chart as FHIR resources. The FHIR feature only reads: it names the features it
/// maps (Liver through <see cref="LabRecords"/>, Withdrawal, Vitals and the alerts through their tables) and nothing
/// names it. A patient the caller may not see is not found (<see cref="PatientAccess.VisibleTo"/>).</summary>
public sealed class FhirChart(SpeciosaDbContext db, LabRecords labs)
{
    /// <summary>The resource types this server serves, in the order $everything lists them.</summary>
    public static readonly IReadOnlyList<string> Types =
        ["Patient", "Observation", "DiagnosticReport", "QuestionnaireResponse", "DetectedIssue", "MedicationAdministration",
            "MedicationStatement", "AdverseEvent", "Medication", "Questionnaire"];

    /// <summary>The types that belong to one patient (searched with <c>patient=</c>).</summary>
    public static readonly IReadOnlyList<string> PatientTypes =
        ["Observation", "DiagnosticReport", "QuestionnaireResponse", "DetectedIssue", "MedicationAdministration", "MedicationStatement", "AdverseEvent"];

    public Task<SpeciosaPatient?> VisiblePatientAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        db.Patients.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(p => p.Id == id, ct);

    public IQueryable<SpeciosaPatient> VisiblePatients(ClaimsPrincipal user) => db.Patients.AsNoTracking().VisibleTo(user);

    /// <summary>Every resource of the patient's chart (the Patient first), newest first within a type, and the
    /// Medications (lots) their doses name.</summary>
    public async Task<IReadOnlyList<Resource>> ChartAsync(SpeciosaPatient patient, CancellationToken ct)
    {
        var resources = new List<Resource> { FhirResources.Patient(patient) };
        resources.AddRange(await ResourcesOfAsync(patient.Id, ct));
        var lotIds = await db.Doses.AsNoTracking().Where(d => d.PatientId == patient.Id && d.LotId != null).Select(d => d.LotId!.Value).Distinct().ToListAsync(ct);
        resources.AddRange(await MedicationsAsync(patient.ClinicId, lotIds, ct));
        return resources;
    }

    /// <summary>The clinic's lots as Medications (all of them when <paramref name="lotIds"/> is null).</summary>
    public async Task<IReadOnlyList<Resource>> MedicationsAsync(Guid clinicId, IReadOnlyCollection<Guid>? lotIds, CancellationToken ct)
    {
        var lots = db.Lots.AsNoTracking().Where(l => l.ClinicId == clinicId);
        if (lotIds is not null)
        {
            lots = lots.Where(l => lotIds.Contains(l.Id));
        }

        var found = await lots.Join(db.Products.AsNoTracking(), l => l.ProductId, p => p.Id, (l, p) => new { l, p }).ToListAsync(ct);
        return found.OrderBy(x => x.p.Name, StringComparer.Ordinal).ThenBy(x => x.l.LotCode, StringComparer.Ordinal).ThenBy(x => x.l.Id)
            .Select(x => (Resource)FhirResources.Medication(x.l, x.p)).ToList();
    }

    /// <summary>The patient's resources other than the Patient itself.</summary>
    public async Task<IReadOnlyList<Resource>> ResourcesOfAsync(Guid patientId, CancellationToken ct)
    {
        var resources = new List<Resource>();
        var results = await labs.ListAsync(patientId, ct);
        resources.AddRange(results.Select(r => FhirResources.LabObservation(patientId, r)));

        var assessments = await db.Assessments.AsNoTracking().Where(a => a.PatientId == patientId).ToListAsync(ct);
        assessments = assessments.OrderByDescending(a => a.AssessedAt).ThenBy(a => a.Id).ToList();
        resources.AddRange(assessments.Select(FhirResources.ScoreObservation));

        var vitals = await db.VitalSigns.AsNoTracking().Where(v => v.PatientId == patientId).ToListAsync(ct);
        resources.AddRange(vitals.OrderByDescending(v => v.TakenAt).ThenBy(v => v.Id).SelectMany(v => FhirResources.VitalObservations(patientId, v)));

        resources.AddRange(FhirResources.ReportGroups(results).Select(g => FhirResources.LabReport(patientId, g.Id, g.Results)));
        resources.AddRange(assessments.Select(FhirResources.Response));

        var alerts = await db.Alerts.AsNoTracking().Where(a => a.PatientId == patientId).ToListAsync(ct);
        resources.AddRange(alerts.OrderByDescending(a => a.RaisedAt).ThenBy(a => a.Id).Select(FhirResources.Issue));

        var doses = (await db.Doses.AsNoTracking().Where(d => d.PatientId == patientId).ToListAsync(ct))
            .OrderByDescending(d => d.GivenAt).ThenBy(d => d.Id).ToList();
        resources.AddRange(doses.Where(d => d.Source != nameof(DoseSource.PatientReported)).Select(FhirResources.Administration));
        resources.AddRange(doses.Where(d => d.Source == nameof(DoseSource.PatientReported)).Select(FhirResources.Statement));

        var events = await db.AdverseEvents.AsNoTracking().Where(e => e.PatientId == patientId && !e.EnteredInError).ToListAsync(ct);
        resources.AddRange(events.OrderByDescending(e => e.Onset).ThenBy(e => e.Id).Select(FhirResources.AdverseEvent));
        return resources;
    }

    /// <summary>The patient a resource of this type and id belongs to, or null when there is none (the caller's
    /// visibility is checked afterwards, so another clinic's resource and a missing one answer alike).</summary>
    public async Task<Guid?> OwnerOfAsync(string type, string id, CancellationToken ct)
    {
        var guidPart = id.Length >= 36 ? id[..36] : id;
        if (!Guid.TryParse(guidPart, out var key))
        {
            return null;
        }

        var suffix = id.Length > 36 ? id[36..] : "";
        switch (type)
        {
            case "Patient" when suffix.Length == 0:
                return await db.Patients.AsNoTracking().Where(p => p.Id == key).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            case "Observation" when suffix.Length > 0:
                return await db.VitalSigns.AsNoTracking().Where(v => v.Id == key).Select(v => (Guid?)v.PatientId).FirstOrDefaultAsync(ct);
            case "Observation":
                return await db.LabResults.AsNoTracking().Where(r => r.Id == key).Select(r => (Guid?)r.PatientId).FirstOrDefaultAsync(ct)
                    ?? await db.Assessments.AsNoTracking().Where(a => a.Id == key).Select(a => (Guid?)a.PatientId).FirstOrDefaultAsync(ct);
            case "DiagnosticReport" when suffix.Length == 0:
                return await db.LabResults.AsNoTracking().Where(r => r.Id == key).Select(r => (Guid?)r.PatientId).FirstOrDefaultAsync(ct);
            case "QuestionnaireResponse" when suffix.Length == 0:
                return await db.Assessments.AsNoTracking().Where(a => a.Id == key).Select(a => (Guid?)a.PatientId).FirstOrDefaultAsync(ct);
            case "MedicationAdministration" or "MedicationStatement" when suffix.Length == 0:
                return await db.Doses.AsNoTracking().Where(d => d.Id == key).Select(d => (Guid?)d.PatientId).FirstOrDefaultAsync(ct);
            case "AdverseEvent" when suffix.Length == 0:
                return await db.AdverseEvents.AsNoTracking().Where(e => e.Id == key).Select(e => (Guid?)e.PatientId).FirstOrDefaultAsync(ct);
            case "DetectedIssue" when suffix.Length == 0:
                return await db.Alerts.AsNoTracking().Where(a => a.Id == key).Select(a => (Guid?)a.PatientId).FirstOrDefaultAsync(ct);
            default:
                return null;
        }
    }
}
