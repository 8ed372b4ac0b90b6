using System.Security.Claims;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Alerts;
using Speciosa.Web.CarePlans;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Jurisdictions;
using Speciosa.Web.MentalHealth;
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
/// maps (Liver through <see cref="LabRecords"/>, Withdrawal, MentalHealth, Vitals, Regimens, Products, Safety, CarePlans,
/// Jurisdictions and the alerts through their tables and seams) and nothing names it. A patient the caller may not see is
/// not found (<see cref="PatientAccess.VisibleTo"/>).</summary>
public sealed class FhirChart(SpeciosaDbContext db, LabRecords labs, ClinicCalendar calendar, JurisdictionRegistry registry)
{
    private IReadOnlyList<Speciosa.Clinical.Jurisdictions.JurisdictionEntry>? legalEntries;
    private Dictionary<string, DateTimeOffset>? legalChanged;

    /// <summary>The resource types this server serves, in the order $everything lists them.</summary>
    public static readonly IReadOnlyList<string> Types =
        ["Patient", "Observation", "DiagnosticReport", "QuestionnaireResponse", "DetectedIssue", "MedicationAdministration",
            "MedicationStatement", "AdverseEvent", "MedicationRequest", "Flag", "CarePlan", "Medication", "Questionnaire"];

    /// <summary>The types that belong to one patient (searched with <c>patient=</c>).</summary>
    public static readonly IReadOnlyList<string> PatientTypes =
        ["Observation", "DiagnosticReport", "QuestionnaireResponse", "DetectedIssue", "MedicationAdministration", "MedicationStatement", "AdverseEvent",
            "MedicationRequest", "Flag", "CarePlan"];

    public Task<SpeciosaPatient?> VisiblePatientAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        db.Patients.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(p => p.Id == id, ct);

    public IQueryable<SpeciosaPatient> VisiblePatients(ClaimsPrincipal user) => db.Patients.AsNoTracking().VisibleTo(user);

    /// <summary>Every resource of the patient's chart (the Patient first), newest first within a type, and the
    /// Medications (lots) their doses and regimens name.</summary>
    public async Task<IReadOnlyList<Resource>> ChartAsync(SpeciosaPatient patient, CancellationToken ct)
    {
        var resources = new List<Resource> { FhirResources.Patient(patient) };
        resources.AddRange(await ResourcesOfAsync(patient, ct));
        var regimenIds = await db.Regimens.AsNoTracking().Where(r => r.PatientId == patient.Id).Select(r => r.Id).ToListAsync(ct);
        var lotIds = (await db.Doses.AsNoTracking().Where(d => d.PatientId == patient.Id && d.LotId != null).Select(d => d.LotId!.Value).ToListAsync(ct))
            .Concat(await db.RegimenVersions.AsNoTracking().Where(v => v.LotId != null && regimenIds.Contains(v.RegimenId)).Select(v => v.LotId!.Value).ToListAsync(ct))
            .Distinct().ToList();
        resources.AddRange(await MedicationsAsync(patient.ClinicId, lotIds, ct));
        return resources;
    }

    /// <summary>The clinic's lots as Medications (all of them when <paramref name="lotIds"/> is null), each with the tested
    /// content of its newest certificate of analysis.</summary>
    public async Task<IReadOnlyList<Resource>> MedicationsAsync(Guid clinicId, IReadOnlyCollection<Guid>? lotIds, CancellationToken ct)
    {
        var lots = db.Lots.AsNoTracking().Where(l => l.ClinicId == clinicId);
        if (lotIds is not null)
        {
            lots = lots.Where(l => lotIds.Contains(l.Id));
        }

        var found = await lots.Join(db.Products.AsNoTracking(), l => l.ProductId, p => p.Id, (l, p) => new { l, p }).ToListAsync(ct);
        var ids = found.Select(x => x.l.Id).ToList();
        var certificates = (await db.Certificates.AsNoTracking().Include(c => c.Results).Where(c => ids.Contains(c.LotId)).ToListAsync(ct))
            .GroupBy(c => c.LotId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.ReportedOn).ThenByDescending(c => c.RecordedAt).First());
        return found.OrderBy(x => x.p.Name, StringComparer.Ordinal).ThenBy(x => x.l.LotCode, StringComparer.Ordinal).ThenBy(x => x.l.Id)
            .Select(x => (Resource)FhirResources.Medication(x.l, x.p, certificates.GetValueOrDefault(x.l.Id))).ToList();
    }

    /// <summary>The patient's resources other than the Patient itself.</summary>
    public async Task<IReadOnlyList<Resource>> ResourcesOfAsync(SpeciosaPatient patient, CancellationToken ct)
    {
        var patientId = patient.Id;
        var resources = new List<Resource>();
        var results = await labs.ListAsync(patientId, ct);
        var labChanged = (await db.LabResults.AsNoTracking().Where(r => r.PatientId == patientId)
                .Select(r => new { r.Id, r.RecordedAt, r.EnteredInErrorAt }).ToListAsync(ct))
            .ToDictionary(r => r.Id, r => FhirResources.Latest(r.RecordedAt, r.EnteredInErrorAt));
        resources.AddRange(results.Select(r => FhirResources.LabObservation(patientId, r, labChanged.GetValueOrDefault(r.Id))));

        var assessments = (await db.Assessments.AsNoTracking().Where(a => a.PatientId == patientId).ToListAsync(ct)).Select(Scored.Of);
        var screenings = (await db.Screenings.AsNoTracking().Where(s => s.PatientId == patientId).ToListAsync(ct)).Select(Scored.Of);
        var scored = assessments.Concat(screenings).OrderByDescending(a => a.AssessedAt).ThenBy(a => a.Id).ToList();
        resources.AddRange(scored.Select(FhirResources.ScoreObservation));

        var vitals = await db.VitalSigns.AsNoTracking().Where(v => v.PatientId == patientId).ToListAsync(ct);
        resources.AddRange(vitals.OrderByDescending(v => v.TakenAt).ThenBy(v => v.Id).SelectMany(v => FhirResources.VitalObservations(patientId, v)));

        resources.AddRange(FhirResources.ReportGroups(results).Select(g => FhirResources.LabReport(patientId, g.Id, g.Results,
            g.Results.Select(r => labChanged.GetValueOrDefault(r.Id)).Max())));
        resources.AddRange(scored.Select(FhirResources.Response));

        var alerts = await db.Alerts.AsNoTracking().Where(a => a.PatientId == patientId).ToListAsync(ct);
        resources.AddRange(alerts.OrderByDescending(a => a.RaisedAt).ThenBy(a => a.Id).Select(FhirResources.Issue));

        var doses = (await db.Doses.AsNoTracking().Where(d => d.PatientId == patientId).ToListAsync(ct))
            .OrderByDescending(d => d.GivenAt).ThenBy(d => d.Id).ToList();
        resources.AddRange(doses.Where(d => d.Source != nameof(DoseSource.PatientReported)).Select(FhirResources.Administration));
        resources.AddRange(doses.Where(d => d.Source == nameof(DoseSource.PatientReported)).Select(FhirResources.Statement));

        var events = await db.AdverseEvents.AsNoTracking().Where(e => e.PatientId == patientId && !e.EnteredInError).ToListAsync(ct);
        resources.AddRange(events.OrderByDescending(e => e.Onset).ThenBy(e => e.Id).Select(FhirResources.AdverseEvent));

        resources.AddRange(await RequestsAsync(patient, ct));
        resources.AddRange(FhirResources.PregnancyFlags(patient));
        if (await LegalRefusalAsync(patient, ct) is { } legal)
        {
            resources.Add(legal);
        }

        if (await db.CarePlans.AsNoTracking().FirstOrDefaultAsync(p => p.PatientId == patientId, ct) is { } plan)
        {
            var versions = await db.CarePlanVersions.AsNoTracking().Where(v => v.CarePlanId == plan.Id).ToListAsync(ct);
            if (versions.FirstOrDefault(v => v.Version == plan.CurrentVersion) is { } current)
            {
                resources.Add(FhirResources.CarePlan(plan, current, versions.Min(v => v.ChangedAt)));
            }
        }

        return resources;
    }

    /// <summary>Each regimen of the patient in its current version, newest first.</summary>
    private async Task<IReadOnlyList<Resource>> RequestsAsync(SpeciosaPatient patient, CancellationToken ct)
    {
        var regimens = await db.Regimens.AsNoTracking().Where(r => r.PatientId == patient.Id)
            .Join(db.RegimenVersions.AsNoTracking(), r => new { Id = r.Id, Version = r.CurrentVersion }, v => new { Id = v.RegimenId, v.Version }, (r, v) => new { r, v })
            .Join(db.Products.AsNoTracking(), x => x.v.ProductId, p => p.Id, (x, p) => new { x.r, x.v, p.Name })
            .ToListAsync(ct);
        if (regimens.Count == 0)
        {
            return [];
        }

        var today = await calendar.TodayAsync(patient.ClinicId, ct);
        return regimens.OrderByDescending(x => x.r.StartDate).ThenBy(x => x.r.Id)
            .Select(x => (Resource)FhirResources.MedicationRequest(x.r, x.v, x.Name, today)).ToList();
    }

    /// <summary>A Flag when the jurisdiction registry refuses kratom supply for this patient where they live today (the
    /// same decision enrolment, orders and doses are refused by: <see cref="JurisdictionRegistry.DecideAsync"/>).</summary>
    private async Task<Flag?> LegalRefusalAsync(SpeciosaPatient patient, CancellationToken ct)
    {
        if (legalEntries is null)
        {
            legalEntries = await registry.CurrentEntriesAsync(ct);
            legalChanged = await db.Jurisdictions.AsNoTracking().ToDictionaryAsync(j => j.Id, j => j.UpdatedAt, ct);
        }

        var today = await calendar.TodayAsync(patient.ClinicId, ct);
        var applicable = Speciosa.Clinical.Jurisdictions.LegalStatusEvaluator.Evaluate(legalEntries,
            new Speciosa.Clinical.Jurisdictions.PatientLocation(patient.CountryCode, patient.SubdivisionCode), today, registry.StaleAfterDays);
        var decision = Speciosa.Clinical.Jurisdictions.LegalEnforcement.Decide(applicable,
            new Speciosa.Clinical.Jurisdictions.PatientCircumstances(patient.DateOfBirth, patient.Pregnant, patient.Breastfeeding), today, null);
        if (decision.Outcome != Speciosa.Clinical.Jurisdictions.EnforcementOutcome.Refuse)
        {
            return null;
        }

        DateTimeOffset? entryChanged = applicable.Entry is { } entry && legalChanged!.TryGetValue(entry.Id, out var at) ? at : null;
        return FhirResources.LegalRefusalFlag(patient, decision, FhirResources.Latest(patient.UpdatedAt, entryChanged));
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
                    ?? await db.Assessments.AsNoTracking().Where(a => a.Id == key).Select(a => (Guid?)a.PatientId).FirstOrDefaultAsync(ct)
                    ?? await db.Screenings.AsNoTracking().Where(a => a.Id == key).Select(a => (Guid?)a.PatientId).FirstOrDefaultAsync(ct);
            case "DiagnosticReport" when suffix.Length == 0:
                return await db.LabResults.AsNoTracking().Where(r => r.Id == key).Select(r => (Guid?)r.PatientId).FirstOrDefaultAsync(ct);
            case "QuestionnaireResponse" when suffix.Length == 0:
                return await db.Assessments.AsNoTracking().Where(a => a.Id == key).Select(a => (Guid?)a.PatientId).FirstOrDefaultAsync(ct)
                    ?? await db.Screenings.AsNoTracking().Where(a => a.Id == key).Select(a => (Guid?)a.PatientId).FirstOrDefaultAsync(ct);
            case "MedicationRequest" when suffix.Length == 0:
                return await db.Regimens.AsNoTracking().Where(r => r.Id == key).Select(r => (Guid?)r.PatientId).FirstOrDefaultAsync(ct);
            case "Flag" when suffix.Length > 1:
                return await db.Patients.AsNoTracking().Where(p => p.Id == key).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            case "CarePlan" when suffix.Length == 0:
                return await db.CarePlans.AsNoTracking().Where(p => p.Id == key).Select(p => (Guid?)p.PatientId).FirstOrDefaultAsync(ct);
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
