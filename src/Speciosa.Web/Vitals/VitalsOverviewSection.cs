using Speciosa.Web.Patients;
using Speciosa.Web.Vitals.Pages;

namespace Speciosa.Web.Vitals;

/// <summary>On the overview (care staff only): the newest vital signs, the seizure-risk flags, whether an ECG is needed,
/// and the link to the vital signs page.</summary>
public sealed class VitalsOverviewSection(VitalRecords records, TimeProvider clock) : IPatientOverviewSection
{
    public int Order => 35;

    public async Task<OverviewSection?> LoadAsync(PatientOverviewContext context, CancellationToken ct)
    {
        if (!context.Staff)
        {
            return null;
        }

        var id = context.Patient.Id;
        var latest = await records.LatestAsync(id, ct);
        var (seizure, heart) = await records.SeizureRiskAndHeartAsync(id, clock.GetUtcNow(), ct);
        return new(typeof(VitalsSection), new Dictionary<string, object?>
        {
            [nameof(VitalsSection.Context)] = context,
            [nameof(VitalsSection.Latest)] = latest,
            [nameof(VitalsSection.Seizure)] = seizure,
            [nameof(VitalsSection.Heart)] = heart,
        });
    }
}
