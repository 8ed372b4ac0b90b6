using Speciosa.Web.Patients;
using Speciosa.Web.Safety.Pages;

namespace Speciosa.Web.Safety;

/// <summary>Links to the patient's safety pages (care staff only), on the overview.</summary>
public sealed class SafetyOverviewSection : IPatientOverviewSection
{
    public int Order => 40;

    public Task<OverviewSection?> LoadAsync(PatientOverviewContext context, CancellationToken ct) =>
        Task.FromResult<OverviewSection?>(context.Staff
            ? new(typeof(SafetySection), new Dictionary<string, object?> { [nameof(SafetySection.Patient)] = context.Patient })
            : null);
}
