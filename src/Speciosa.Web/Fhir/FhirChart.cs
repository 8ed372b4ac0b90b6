using System.Security.Claims;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Liver;
using Speciosa.Web.Patients;
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
        ["Patient", "Observation", "DiagnosticReport", "QuestionnaireResponse", "DetectedIssue", "Questionnaire"];

    /// <summary>The types that belong to one patient (searched with <c>patient=</c>).</summary>
    public static readonly IReadOnlyList<string> PatientTypes = ["Observation", "DiagnosticReport", "QuestionnaireResponse", "DetectedIssue"];

    public Task<SpeciosaPatient?> VisiblePatientAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        db.Patients.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(p => p.Id == id, ct);

    public IQueryable<SpeciosaPatient> VisiblePatients(ClaimsPrincipal user) => db.Patients.AsNoTracking().VisibleTo(user);

    /// <summary>Every resource of the patient's chart (the Patient first), newest first within a type.</summary>
    public async Task<IReadOnlyList<Resource>> ChartAsync(SpeciosaPatient patient, CancellationToken ct)
    {
        var resources = new List<Resource> { FhirResources.Patient(patient) };
        resources.AddRange(await ResourcesOfAsync(patient.Id, ct));
        return resources;
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
            case "DetectedIssue" when suffix.Length == 0:
                return await db.Alerts.AsNoTracking().Where(a => a.Id == key).Select(a => (Guid?)a.PatientId).FirstOrDefaultAsync(ct);
            default:
                return null;
        }
    }
}
