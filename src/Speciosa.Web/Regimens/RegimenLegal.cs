using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Jurisdictions;
using Speciosa.Clinical.Products;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Jurisdictions;
using Speciosa.Web.Patients;
using Speciosa.Web.Products;

namespace Speciosa.Web.Regimens;

/// <summary>Asks the jurisdiction registry whether supply may go ahead for this patient where they live (from the
/// patient record: country, subdivision; age from date of birth; pregnancy and breastfeeding flags) and, when a lot
/// is chosen, with the lot's 7-OH share from its newest certificate. The registry and the core decide; this only
/// gathers the facts.</summary>
public sealed class RegimenLegal(JurisdictionRegistry registry, ClinicCalendar calendar, LotQuality quality, SpeciosaDbContext db)
{
    public async Task<EnforcementDecision> DecideAsync(Patient patient, Guid? lotId, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(patient.ClinicId, ct);
        var location = new PatientLocation(patient.CountryCode, patient.SubdivisionCode);
        var circumstances = new PatientCircumstances(patient.DateOfBirth, patient.Pregnant, patient.Breastfeeding);
        var content = lotId is { } id ? await SevenOhOfAsync(id, ct) : null;
        return await registry.DecideAsync(location, circumstances, today, content, ct);
    }

    /// <summary>The lot's 7-OH as a share of total alkaloids and of product weight (1 mg/g = 0.1 % w/w), each null when
    /// the certificate cannot give it.</summary>
    public async Task<LotSevenOhContent> SevenOhOfAsync(Guid lotId, CancellationToken ct)
    {
        var certificate = await quality.CurrentCertificateAsync(lotId, ct);
        if (certificate is null)
        {
            return new LotSevenOhContent(null, null);
        }

        var serving = await db.Lots.Where(l => l.Id == lotId).Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => (decimal?)p.ServingGrams)
            .FirstOrDefaultAsync(ct);
        var results = certificate.Results.Select(r => r.ToAnalyteResult()).ToList();
        var share = SevenHydroxyShare.TryCompute(results, serving, AnalyteCatalogue.Default, out _);
        var perGram = AlkaloidExposure.FromCertificate(results, 1m, 1m, serving).SevenHydroxymitragynine.MgPerGram;
        return new LotSevenOhContent(share?.Percent, perGram / 10m);
    }

    public static IReadOnlyList<LegalReasonView> Views(IEnumerable<EnforcementReason> reasons) => LegalReasons.Views(reasons);
}
