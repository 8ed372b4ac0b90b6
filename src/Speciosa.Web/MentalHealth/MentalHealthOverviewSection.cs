using Speciosa.Web.MentalHealth.Pages;
using Speciosa.Web.Patients;

namespace Speciosa.Web.MentalHealth;

/// <summary>The overview's link to mental health and diagnosis (staff) or to the questionnaires (the patient).</summary>
public sealed class MentalHealthOverviewSection : IPatientOverviewSection
{
    public int Order => 50;

    public Task<OverviewSection?> LoadAsync(PatientOverviewContext context, CancellationToken ct) =>
        Task.FromResult<OverviewSection?>(new(typeof(MentalHealthSection), new Dictionary<string, object?>
        {
            [nameof(MentalHealthSection.Patient)] = context.Patient, [nameof(MentalHealthSection.Staff)] = context.Staff,
        }));
}
