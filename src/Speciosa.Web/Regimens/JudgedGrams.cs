using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Products;
using Speciosa.Web.Data;
using Speciosa.Web.Products;

namespace Speciosa.Web.Regimens;

/// <summary>E12: a lot is judged for daily exposure (USP &lt;2232&gt; elemental impurities) at the product's, else the clinic's,
/// maximum daily grams. An order above those grams is re-judged here with the Products feature's own seam
/// (<see cref="LotQuality"/> settings, facts, standards and newest certificate) and the core's <see cref="CoaJudgement"/>
/// at the order's grams: refused (keyed maxGramsPerDay, naming the judged grams) unless it still passes. An order for
/// "any released lot" above the judged grams is refused: there is no certificate to re-judge.</summary>
public sealed class JudgedGrams(SpeciosaDbContext db, LotQuality quality)
{
    public async Task CheckAsync(Guid clinicId, Guid productId, Guid? lotId, decimal maxGramsPerDay, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId && p.ClinicId == clinicId, ct);
        if (product is null)
        {
            return;
        }

        var settings = await quality.SettingsAsync(clinicId, ct);
        var facts = LotQuality.FactsFor(product, settings);
        if (facts.MaximumDailyGrams is not { } judgedAt || maxGramsPerDay <= judgedAt)
        {
            return;
        }

        var judged = G(judgedAt);
        var ordered = G(maxGramsPerDay);
        if (lotId is not { } id)
        {
            errors["maxGramsPerDay"] =
            [
                $"Lots of {product.Name} are judged for daily exposure (USP <2232>) at {judged} g a day; {ordered} g a day is above that. "
                + $"Lower the daily maximum to {judged} g or less, name a lot so it can be re-judged at {ordered} g, or ask quality staff to judge the product at a higher maximum.",
            ];
            return;
        }

        var lotCode = await db.Lots.AsNoTracking().Where(l => l.Id == id).Select(l => l.LotCode).FirstOrDefaultAsync(ct) ?? "?";
        var certificate = await quality.CurrentCertificateAsync(id, ct);
        var results = certificate?.Results.Select(r => r.ToAnalyteResult()).ToList() ?? [];
        var verdict = CoaJudgement.Judge(results, facts with { MaximumDailyGrams = maxGramsPerDay }, LotQuality.StandardsFor(settings));
        if (verdict.Outcome == QualityOutcome.Pass)
        {
            return;
        }

        var findings = verdict.Findings.Where(f => f.Outcome != QualityOutcome.Pass).Select(f => $"{f.Analyte}: {f.Reason} (limit {f.Limit})");
        errors["maxGramsPerDay"] =
        [
            $"Lot {lotCode} was judged for daily exposure (USP <2232>) at {judged} g a day. Re-judged at {ordered} g a day it does not pass: "
            + $"{string.Join("; ", findings)}. Lower the daily maximum to {judged} g or less, or order another lot.",
        ];
    }

    private static string G(decimal g) => g.ToString("0.###", CultureInfo.InvariantCulture);
}
