using Speciosa.Web.Patients;

namespace Speciosa.Web.Safety;

/// <summary>The banner's pregnancy status: pregnant, breastfeeding or planning conception as the record says (the flags
/// <see cref="PregnancyReview"/> raises its alerts from), linked to the details form. Reads nothing beyond the record.</summary>
public sealed class PregnancyBannerFact : IPatientBannerFact
{
    public int Order => 10;

    public Task<IReadOnlyList<BannerFact>> LoadAsync(PatientBannerContext context, CancellationToken ct)
    {
        var p = context.Patient;
        var parts = new List<BannerPart>();
        if (p.Pregnant)
        {
            parts.Add(new("Pregnant", BannerTone.High));
        }

        if (p.Breastfeeding)
        {
            parts.Add(new("Breastfeeding", BannerTone.High));
        }

        if (p.PlanningConception)
        {
            parts.Add(new("Planning conception", BannerTone.Warning));
        }

        if (parts.Count == 0)
        {
            parts.Add(new("Not recorded as pregnant, breastfeeding or planning conception"));
        }

        return Task.FromResult<IReadOnlyList<BannerFact>>([new BannerFact("pregnancy", "Pregnancy", parts, $"/patients/{p.Id}/edit")]);
    }
}
