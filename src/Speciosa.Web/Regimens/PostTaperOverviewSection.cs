using Speciosa.Web.Patients;
using Speciosa.Web.Regimens.Pages;

namespace Speciosa.Web.Regimens;

/// <summary>The monitoring window after a kratom taper reached zero, on the overview (issue 13 part 4); nothing while no taper
/// has reached zero.</summary>
public sealed class PostTaperOverviewSection(PostTaperWatch watch, TimeProvider clock) : IPatientOverviewSection
{
    public int Order => 12;

    public async Task<OverviewSection?> LoadAsync(PatientOverviewContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var windows = await watch.WindowsAsync(context.Patient, now, ct);
        return windows.Count == 0 ? null : new(typeof(PostTaperSection), new Dictionary<string, object?>
        {
            [nameof(PostTaperSection.Context)] = context,
            [nameof(PostTaperSection.View)] = windows[0],
            [nameof(PostTaperSection.Now)] = now,
        });
    }
}
