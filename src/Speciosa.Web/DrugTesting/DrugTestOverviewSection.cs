using Speciosa.Web.DrugTesting.Pages;
using Speciosa.Web.Patients;

namespace Speciosa.Web.DrugTesting;

/// <summary>The link to the urine drug tests, on the overview (care staff only).</summary>
public sealed class DrugTestOverviewSection : IPatientOverviewSection
{
    public int Order => 45;

    public Task<OverviewSection?> LoadAsync(PatientOverviewContext context, CancellationToken ct) =>
        Task.FromResult<OverviewSection?>(context.Staff
            ? new(typeof(DrugTestSection), new Dictionary<string, object?> { [nameof(DrugTestSection.PatientId)] = context.Patient.Id })
            : null);
}
