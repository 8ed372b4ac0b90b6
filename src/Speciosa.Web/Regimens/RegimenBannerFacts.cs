using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Regimens;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;
using Speciosa.Web.Products;

namespace Speciosa.Web.Regimens;

/// <summary>The banner's regimen and lot: the order in effect today with today's limits (<see cref="DayLimits"/>: a
/// confirmed titration step and the taper calendar included; a planned break says so), and the ordered lot with its state
/// (a recalled or quarantined lot in the colour of a warning, in words). One query (regimen, current version, product and lot
/// joined); a regimen with titration steps adds the scores and the clinician's step decisions the limits depend on.</summary>
public sealed class RegimenBannerFacts(SpeciosaDbContext db, RegimenService regimens) : IPatientBannerFact
{
    public int Order => 20;

    public async Task<IReadOnlyList<BannerFact>> LoadAsync(PatientBannerContext context, CancellationToken ct)
    {
        var patientId = context.Patient.Id;
        var today = context.Today;
        var href = $"/patients/{patientId}/regimen";
        var candidates = await (
                from r in db.Regimens.AsNoTracking()
                where r.PatientId == patientId && r.StartDate <= today && (r.EndDate == null || r.EndDate >= today)
                join v in db.RegimenVersions.AsNoTracking() on new { RegimenId = r.Id, Version = r.CurrentVersion } equals new { v.RegimenId, v.Version }
                join p in db.Products.AsNoTracking() on v.ProductId equals p.Id
                join l in db.Lots.AsNoTracking() on v.LotId equals (Guid?)l.Id into lots
                from l in lots.DefaultIfEmpty()
                select new { r.StartDate, r.CreatedAt, Version = v, ProductName = p.Name, LotCode = l == null ? null : l.LotCode, LotState = l == null ? (LotState?)null : l.State })
            .ToListAsync(ct);
        var current = candidates.OrderByDescending(c => c.StartDate).ThenByDescending(c => c.CreatedAt).FirstOrDefault();
        if (current is null)
        {
            return
            [
                BannerFact.Of("regimen", "Regimen today", "No regimen in effect today", href: href),
                BannerFact.Of("lot", "Lot", "None (no regimen today)"),
            ];
        }

        var order = RegimenJson.OrderOf(current.Version);
        BannerFact regimen;
        if (order.BreakOn(today) is { } pause)
        {
            regimen = new BannerFact("regimen", "Regimen today", [new(current.ProductName), new($"Planned break {pause}: no doses", BannerTone.Warning)], href);
        }
        else
        {
            var titrated = order.Titration is { Steps.Count: > 0 };
            var limits = DayLimits.On(order, today, titrated ? await regimens.ScoreReadingsAsync(patientId, ct) : [], context.Zone.Zone,
                titrated ? await regimens.DecisionsAsync(current.Version.RegimenId, ct) : null);
            var text = $"up to {G(limits.GramsPerAdministration)} g per administration, {limits.MaxAdministrations} a day, {G(limits.MaxGramsPerDay)} g a day";
            var parts = new List<BannerPart> { new(current.ProductName), new(text) };
            if (limits.GramsPerAdministrationBasis != "the order")
            {
                parts.Add(new($"per administration: {limits.GramsPerAdministrationBasis}"));
            }

            if (limits.MaxGramsPerDayBasis != "the order's daily maximum")
            {
                parts.Add(new($"daily: {limits.MaxGramsPerDayBasis}"));
            }

            regimen = new BannerFact("regimen", "Regimen today", parts, href);
        }

        BannerFact lot = current.Version.LotId is { } lotId && current.LotCode is { } code
            ? new BannerFact("lot", "Lot", [LotPart(code, current.LotState)], $"/lots/{lotId}")
            : BannerFact.Of("lot", "Lot", $"Any released lot of {current.ProductName}");
        return [regimen, lot];
    }

    private static BannerPart LotPart(string code, LotState? state) => state switch
    {
        LotState.Released => new($"{code}, released"),
        LotState.Recalled => new($"{code}, recalled: the order names a lot that may not be given", BannerTone.Critical),
        LotState.Quarantined => new($"{code}, quarantined: not released", BannerTone.High),
        _ => new(code),
    };

    private static string G(decimal grams) => grams.ToString("0.###", CultureInfo.InvariantCulture);
}
