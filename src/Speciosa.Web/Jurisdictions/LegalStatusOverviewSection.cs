using Speciosa.Web.Clinics;
using Speciosa.Web.Jurisdictions.Pages;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Jurisdictions;

/// <summary>The legal status of kratom where the patient lives today, on the overview.</summary>
public sealed class LegalStatusOverviewSection(JurisdictionRegistry registry, ClinicCalendar calendar) : IPatientOverviewSection
{
    public int Order => 30;

    public async Task<OverviewSection?> LoadAsync(PatientOverviewContext context, CancellationToken ct)
    {
        var patient = context.Patient;
        var status = await registry.EvaluateAsync(new(patient.CountryCode, patient.SubdivisionCode), await calendar.TodayAsync(patient.ClinicId, ct), ct);
        return new(typeof(PatientLegalStatus), new Dictionary<string, object?>
        {
            [nameof(PatientLegalStatus.Patient)] = patient,
            [nameof(PatientLegalStatus.Applicable)] = status,
            [nameof(PatientLegalStatus.StaleAfterDays)] = registry.StaleAfterDays,
        });
    }
}
