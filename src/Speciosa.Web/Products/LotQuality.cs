using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Products;
using Speciosa.Web.Data;

namespace Speciosa.Web.Products;

/// <summary>A lot's newest certificate and the clinical core's verdict on it under the clinic's standards.</summary>
public sealed record LotAssessment(Lot Lot, Product Product, Certificate? Certificate, LotVerdict Verdict, IReadOnlyList<QualityStandard> Standards);

/// <summary>Loads what a lot is judged on and asks <see cref="CoaJudgement"/>: the web layer never judges.</summary>
public sealed class LotQuality(SpeciosaDbContext db, TimeProvider clock)
{
    /// <summary>Said wherever the label-claim tolerance is the software's default rather than the clinic's choice (audit E24).</summary>
    public static string SoftwareDefaultToleranceNote =>
        $"Label-claim tolerance {ClinicQualitySettings.DefaultTolerancePercent:0.##} % of the claim: software default, not a clinic decision. " +
        "The reference publishes no tolerance; set the clinic's own in the quality settings.";

    /// <summary>Whether the clinic has saved its own quality settings (else every figure is the software's default).</summary>
    public Task<bool> HasSavedSettingsAsync(Guid clinicId, CancellationToken ct = default) =>
        db.ClinicQualitySettings.AsNoTracking().AnyAsync(s => s.ClinicId == clinicId, ct);

    public async Task<ClinicQualitySettings> SettingsAsync(Guid clinicId, CancellationToken ct = default) =>
        await db.ClinicQualitySettings.AsNoTracking().FirstOrDefaultAsync(s => s.ClinicId == clinicId, ct)
        ?? new ClinicQualitySettings
        {
            ClinicId = clinicId,
            StandardIds = string.Join(',', ClinicQualitySettings.DefaultStandardIds),
            LabelClaimTolerancePercent = ClinicQualitySettings.DefaultTolerancePercent,
            MaximumDailyGrams = ClinicQualitySettings.DefaultMaximumDailyGrams,
            UpdatedAt = clock.GetUtcNow(),
        };

    /// <summary>The chosen standards from the catalogue; label-claim carries the clinic's tolerance.</summary>
    public static IReadOnlyList<QualityStandard> StandardsFor(ClinicQualitySettings settings) =>
        settings.Standards
            .Where(id => QualityStandardCatalogue.All.Any(s => s.Id == id))
            .Select(id => id == "label-claim"
                ? QualityStandardCatalogue.LabelClaim(settings.LabelClaimTolerancePercent)
                : QualityStandardCatalogue.Get(id))
            .ToList();

    public static ProductFacts FactsFor(Product product, ClinicQualitySettings settings)
    {
        var claims = new List<LabelClaim>();
        if (product.ClaimMitragynineMgPerServing is { } m)
        {
            claims.Add(new LabelClaim("mitragynine", m));
        }

        if (product.ClaimSevenHydroxyMgPerServing is { } s)
        {
            claims.Add(new LabelClaim("7-hydroxymitragynine", s));
        }

        return new ProductFacts(product.MaximumDailyGrams ?? settings.MaximumDailyGrams, product.ServingGrams, claims);
    }

    /// <summary>The lot of this clinic with its verdict, or null when the caller's clinic has no such lot.</summary>
    public async Task<LotAssessment?> AssessAsync(Guid clinicId, Guid lotId, CancellationToken ct = default)
    {
        var lot = await db.Lots.FirstOrDefaultAsync(l => l.Id == lotId && l.ClinicId == clinicId, ct);
        if (lot is null)
        {
            return null;
        }

        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == lot.ProductId, ct);
        var settings = await SettingsAsync(clinicId, ct);
        var certificate = await CurrentCertificateAsync(lot.Id, ct);
        return Assess(lot, product, certificate, settings);
    }

    public static LotAssessment Assess(Lot lot, Product product, Certificate? certificate, ClinicQualitySettings settings)
    {
        var standards = StandardsFor(settings);
        var results = certificate?.Results.Select(r => r.ToAnalyteResult()).ToList() ?? [];
        var verdict = CoaJudgement.Judge(results, FactsFor(product, settings), standards);
        return new LotAssessment(lot, product, certificate, verdict, standards);
    }

    /// <summary>The newest certificate (report date, then recording time) with its results.</summary>
    public async Task<Certificate?> CurrentCertificateAsync(Guid lotId, CancellationToken ct = default)
    {
        // Ordered in memory: instants are ticks on SQLite and DateOnly ordering differs by provider.
        var certificates = await db.Certificates.AsNoTracking().Include(c => c.Results)
            .Where(c => c.LotId == lotId).ToListAsync(ct);
        return certificates.OrderByDescending(c => c.ReportedOn).ThenByDescending(c => c.RecordedAt).FirstOrDefault();
    }

    /// <summary>Verdicts for many lots at once (lists): lot id → verdict.</summary>
    public async Task<Dictionary<Guid, LotVerdict>> VerdictsAsync(Guid clinicId, IReadOnlyCollection<Lot> lots, CancellationToken ct = default)
    {
        var settings = await SettingsAsync(clinicId, ct);
        var lotIds = lots.Select(l => l.Id).ToList();
        var productIds = lots.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var certificates = (await db.Certificates.AsNoTracking().Include(c => c.Results)
                .Where(c => lotIds.Contains(c.LotId)).ToListAsync(ct))
            .GroupBy(c => c.LotId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.ReportedOn).ThenByDescending(c => c.RecordedAt).First());
        return lots.ToDictionary(
            l => l.Id,
            l => Assess(l, products[l.ProductId], certificates.GetValueOrDefault(l.Id), settings).Verdict);
    }
}
