using Speciosa.Web.Patients;
using Speciosa.Web.Regimens.Pages;

namespace Speciosa.Web.Regimens;

/// <summary>The patient's current regimen and today's limits, on the overview.</summary>
public sealed class RegimenOverviewSection(RegimenService regimens) : IPatientOverviewSection
{
    public int Order => 10;

    public async Task<OverviewSection?> LoadAsync(PatientOverviewContext context, CancellationToken ct) =>
        new(typeof(RegimenSection), new Dictionary<string, object?>
        {
            [nameof(RegimenSection.PatientId)] = context.Patient.Id,
            [nameof(RegimenSection.Current)] = await regimens.CurrentAsync(context.Patient, ct),
        });
}
