using Speciosa.Web.Patients;
using Speciosa.Web.Treatment.Pages;

namespace Speciosa.Web.Treatment;

/// <summary>On the overview: for staff, naloxone, the last treatment decision and any loss-of-tolerance warning with a link to the
/// treatment page; for the patient, the tolerance warning and overdose education in plain words.</summary>
public sealed class TreatmentOverviewSection(TreatmentRecords records, TimeProvider clock) : IPatientOverviewSection
{
    public int Order => 12;

    public async Task<OverviewSection?> LoadAsync(PatientOverviewContext context, CancellationToken ct) =>
        new(typeof(TreatmentSection), new Dictionary<string, object?>
        {
            [nameof(TreatmentSection.PatientId)] = context.Patient.Id,
            [nameof(TreatmentSection.Staff)] = context.Staff,
            [nameof(TreatmentSection.Summary)] = await records.SummaryAsync(context.Patient, clock.GetUtcNow(), ct),
        });
}
