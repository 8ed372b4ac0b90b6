using Speciosa.Clinical.Jurisdictions;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Jurisdictions;

/// <summary>The banner's legal status of kratom where the patient lives today, in words (banned in the colour of a
/// refusal; unknown, stale or unverified as a warning), linked to the registry entry it comes from. Reads only the
/// entries of the patient's country.</summary>
public sealed class LegalStatusBannerFact(JurisdictionRegistry registry) : IPatientBannerFact
{
    public int Order => 40;

    public async Task<IReadOnlyList<BannerFact>> LoadAsync(PatientBannerContext context, CancellationToken ct)
    {
        var p = context.Patient;
        var status = await registry.EvaluateInCountryAsync(new(p.CountryCode, p.SubdivisionCode), context.Today, ct);
        var place = p.SubdivisionCode ?? p.CountryCode;
        var parts = new List<BannerPart>
        {
            new($"{JurisdictionWords.Status(status.Status)} in {place}", status.Status switch
            {
                LegalStatus.Banned => BannerTone.Critical,
                LegalStatus.Unknown or LegalStatus.SevenOhRestricted => BannerTone.Warning,
                _ => BannerTone.Plain,
            }),
        };
        if (status.IsStale)
        {
            parts.Add(new($"not verified for {status.DaysSinceVerified} days", BannerTone.Warning));
        }

        if (status.IsUnverified)
        {
            parts.Add(new("secondary sources, not all confirmed", BannerTone.Warning));
        }

        if (status.Announced is { } next)
        {
            parts.Add(new($"{JurisdictionWords.Status(next.Status)} from {next.Effective}", BannerTone.Warning));
        }

        return [new BannerFact("legal", "Legal status", parts, status.Entry is { } entry ? $"/jurisdictions/{entry.Id}" : null)];
    }
}
