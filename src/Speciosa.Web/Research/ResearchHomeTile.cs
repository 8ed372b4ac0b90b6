using Speciosa.Web.Components.Home;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Research;

/// <summary>The researcher's board: the research dataset's cohort counts (<see cref="ResearchExtracts.CohortAsync"/>, the counts the
/// research page shows, small cells suppressed as there), each opening the page with the counts, the de-identified downloads and the data dictionary.</summary>
public sealed class ResearchHomeTile(ResearchExtracts extracts) : IHomeTile
{
    public int Order => 80;

    public IReadOnlyList<string> Roles { get; } = [SpeciosaRoles.Researcher];

    public async Task<HomeTile?> LoadAsync(HomeContext context, CancellationToken ct)
    {
        var cohort = await extracts.CohortAsync(context.ClinicId, ct);
        var rows = new List<HomeCount>
        {
            new("Patients in the cohort", 0, "/research#cohort-people", "Every patient of the clinic, counted in the research dataset; 1 to 10 shown as <11.", "",
                Shown: cohort.Patients),
        };
        rows.AddRange(cohort.ByStatus.Select(g => new HomeCount($"Status {g.Name}", 0, "/research#cohort-people",
            $"Patients whose status is {g.Name}.", "", Shown: g.Patients)));
        return new HomeTile("research", "Research dataset", rows,
            "The research page has the de-identified downloads (patients, patient-days, events) and the data dictionary.");
    }
}
