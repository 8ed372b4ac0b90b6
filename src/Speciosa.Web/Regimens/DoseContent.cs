using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Regimens;
using Speciosa.Clinical.Products;
using Speciosa.Web.Data;
using Speciosa.Web.Products;

namespace Speciosa.Web.Regimens;

/// <summary>Milligrams of mitragynine and 7-OH in logged doses, from each lot's newest certificate when it measures
/// mitragynine, else from the product's label claim (an estimate). Arithmetic is the core's
/// (<see cref="DailyAlkaloidTotal"/>, <see cref="AlkaloidExposure"/>).</summary>
public sealed class DoseContent(SpeciosaDbContext db)
{
    public sealed record LotFacts(string LotCode, Product Product, IReadOnlyList<AnalyteResult>? Certificate);

    public async Task<Dictionary<Guid, LotFacts>> LotsAsync(IEnumerable<Guid?> lotIds, CancellationToken ct)
    {
        var ids = lotIds.Where(i => i != null).Select(i => i!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        // Two queries whatever the number of lots: each lot with its product, and the lots' certificates with their results.
        var lots = await db.Lots.AsNoTracking().Where(l => ids.Contains(l.Id))
            .Join(db.Products.AsNoTracking(), l => l.ProductId, p => p.Id, (l, p) => new { l.Id, l.LotCode, Product = p })
            .ToListAsync(ct);
        var certificates = (await db.Certificates.AsNoTracking().Include(c => c.Results).Where(c => ids.Contains(c.LotId)).ToListAsync(ct))
            .GroupBy(c => c.LotId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.ReportedOn).ThenByDescending(c => c.RecordedAt).First());
        return lots.ToDictionary(l => l.Id, l => new LotFacts(l.LotCode, l.Product,
            certificates.TryGetValue(l.Id, out var c) ? c.Results.Select(r => r.ToAnalyteResult()).ToList() : null));
    }

    /// <summary>One dose's content, or null when its lot is unknown.</summary>
    public static AlkaloidExposure? Of(Dose dose, IReadOnlyDictionary<Guid, LotFacts> lots)
    {
        if (dose.LotId is not { } lotId || !lots.TryGetValue(lotId, out var facts))
        {
            return null;
        }

        var record = new DoseRecord(dose.GivenAt, dose.Grams, lotId.ToString(), SourceOf(dose));
        if (facts.Certificate is { } results)
        {
            var measured = DailyAlkaloidTotal.ForDose(record, results, facts.Product.ServingGrams);
            if (measured.Mitragynine.MgPerGram is not null)
            {
                return measured;
            }
        }

        return AlkaloidExposure.FromLabel(facts.Product.ClaimMitragynineMgPerServing, facts.Product.ClaimSevenHydroxyMgPerServing,
            facts.Product.ServingGrams, dose.Grams, 1m);
    }

    public static DoseSource SourceOf(Dose dose) =>
        dose.Source == nameof(DoseSource.PatientReported) ? DoseSource.PatientReported : DoseSource.StaffGiven;

    public static DoseRecord RecordOf(Dose dose) => new(dose.GivenAt, dose.Grams, dose.LotId?.ToString(), SourceOf(dose));

    public static string Basis(AlkaloidExposure? e) =>
        e is null ? "lot unknown: no alkaloid figures"
        : e.IsEstimate ? "estimate from the label claim"
        : "from the lot's certificate of analysis";
}
