using Speciosa.Clinical.Products;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;
using Speciosa.Web.Products;
using Speciosa.Web.Regimens;

namespace Speciosa.Web.Demo;

/// <summary>Made-up demo products and lots (fictional brands, labs and growers): one lot that passes and
/// is released, one that fails on lead, one incomplete (no microbial tests on its certificate).</summary>
public static class DemoProducts
{
    public const string PassingLot = "DEMO-GL-001";
    public const string FailingLot = "DEMO-GL-002";
    public const string IncompleteLot = "DEMO-HC-001";
    public const string RecalledLot = "DEMO-HC-002";
    public const string RecallReason = "Vendor notice: a second laboratory found O-desmethyltramadol in retained samples (demo).";

    public static async Task SeedAsync(SpeciosaDbContext db, Guid clinicId, Guid qualityUserId, DateTimeOffset now, CancellationToken ct = default)
    {
        var leaf = new Product
        {
            Id = Guid.NewGuid(), ClinicId = clinicId, Name = "Green Vein Leaf Powder (demo)", Brand = "Riverbend Botanicals (demo)",
            Vendor = "Example Kratom Supply Co. (demo)", Form = ProductForm.LeafPowder, StrainLabel = "Green Maeng Da (as labelled)",
            ServingGrams = 2m, ClaimMitragynineMgPerServing = 30m, ClaimSevenHydroxyMgPerServing = 0.3m,
            GmpScheme = "AKA GMP Standards Program (demo)", GmpCertifiedOn = new DateOnly(2026, 3, 1), CreatedAt = now, CreatedBy = qualityUserId,
        };
        var capsules = new Product
        {
            Id = Guid.NewGuid(), ClinicId = clinicId, Name = "Harbor Leaf Capsules (demo)", Brand = "Harbor Leaf (demo)",
            Vendor = "Example Kratom Supply Co. (demo)", Form = ProductForm.Capsules, StrainLabel = "Red Bali (as labelled)",
            ServingGrams = 1.5m, ClaimMitragynineMgPerServing = 22.5m, CreatedAt = now, CreatedBy = qualityUserId,
        };
        db.Products.AddRange(leaf, capsules);

        Lot(db, leaf, PassingLot, qualityUserId, now, Clean(), released: true);
        var failing = Clean();
        failing.Single(r => r.Analyte == "lead").Value = 0.8m; // 0.8 µg/g × 15 g/day = 12 µg/day > USP <2232> 5 µg/day
        Lot(db, leaf, FailingLot, qualityUserId, now, failing, released: false);
        Lot(db, capsules, IncompleteLot, qualityUserId, now,
            Clean().Where(r => r.Analyte is not "salmonella" and not "escherichia-coli").ToList(), released: false);
        // Released on a clean certificate, then recalled: recall is final and blocks any new use.
        Lot(db, capsules, RecalledLot, qualityUserId, now, Clean(), released: true, recallReason: RecallReason);
        await db.SaveChangesAsync(ct);
    }

    private static void Lot(SpeciosaDbContext db, Product product, string code, Guid userId, DateTimeOffset now, List<CertificateResult> results, bool released,
        string? recallReason = null)
    {
        var lot = new Lot
        {
            Id = Guid.NewGuid(), ClinicId = product.ClinicId, ProductId = product.Id, LotCode = code,
            State = recallReason is not null ? LotState.Recalled : released ? LotState.Released : LotState.Quarantined,
            StateChangedAt = now, RecallReason = recallReason, CreatedAt = now, CreatedBy = userId,
            ConcurrencyStamp = Guid.NewGuid().ToString("N"),
        };
        db.Lots.Add(lot);
        db.SupplyChainSteps.AddRange(
            new SupplyChainStep { LotId = lot.Id, Role = SupplyChainRole.Origin, Country = "Indonesia", Region = "West Kalimantan", Date = new DateOnly(2026, 5, 10) },
            new SupplyChainStep { LotId = lot.Id, Role = SupplyChainRole.Grower, Name = "Example Smallholder Cooperative (demo)", Country = "Indonesia", Date = new DateOnly(2026, 5, 10) },
            new SupplyChainStep { LotId = lot.Id, Role = SupplyChainRole.Processor, Name = "Sample Drying & Milling (demo)", Country = "Indonesia", Date = new DateOnly(2026, 5, 20) },
            new SupplyChainStep { LotId = lot.Id, Role = SupplyChainRole.Importer, Name = "Demo Imports LLC", Country = "United States", Date = new DateOnly(2026, 6, 15) },
            new SupplyChainStep { LotId = lot.Id, Role = SupplyChainRole.Vendor, Name = product.Vendor, Country = "United States", Date = new DateOnly(2026, 7, 1) });
        db.Certificates.Add(new Certificate
        {
            Id = Guid.NewGuid(), LotId = lot.Id, LabName = "Fictional Analytical Labs (demo)", LabAccreditation = "ISO/IEC 17025 (demo certificate 0000.01)",
            Method = "HPLC-UV (alkaloids); ICP-MS (elements); plate count and PCR (microbes)", SampledOn = new DateOnly(2026, 7, 2),
            ReportedOn = new DateOnly(2026, 7, 9), RecordedAt = now, RecordedBy = userId, Results = results,
        });
        db.LotStateChanges.Add(new LotStateChange
        {
            LotId = lot.Id, ToState = LotState.Quarantined, Reason = "Lot recorded; quarantined until released", VerdictSummary = "No certificate yet",
            ChangedBy = userId, ChangedAt = now,
        });
        if (released)
        {
            db.LotStateChanges.Add(new LotStateChange
            {
                LotId = lot.Id, FromState = LotState.Quarantined, ToState = LotState.Released, Reason = "Demo: certificate passes the clinic's standards",
                VerdictSummary = "Pass", ChangedBy = userId, ChangedAt = now,
            });
        }

        if (recallReason is not null)
        {
            db.LotStateChanges.Add(new LotStateChange
            {
                LotId = lot.Id, FromState = LotState.Released, ToState = LotState.Recalled, Reason = recallReason,
                VerdictSummary = "Pass", ChangedBy = userId, ChangedAt = now.AddSeconds(1),
            });
        }
    }

    /// <summary>A certificate comfortably within the default standards.</summary>
    private static List<CertificateResult> Clean() =>
    [
        R("mitragynine", 15m, "mg/g", "HPLC-UV"),
        R("7-hydroxymitragynine", 0.15m, "mg/g", "HPLC-UV"),
        R("speciogynine", 3m, "mg/g", "HPLC-UV"),
        R("paynantheine", 2m, "mg/g", "HPLC-UV"),
        R("speciociliatine", 1m, "mg/g", "HPLC-UV"),
        R("lead", 0.1m, "µg/g", "ICP-MS", lod: 0.01m, loq: 0.03m),
        R("arsenic", 0.2m, "µg/g", "ICP-MS", lod: 0.01m, loq: 0.03m),
        R("cadmium", 0.05m, "µg/g", "ICP-MS", lod: 0.005m, loq: 0.015m),
        R("mercury", null, "µg/g", "ICP-MS", ResultQualifier.BelowLoq, 0.005m, 0.02m),
        R("total-aerobic-microbial-count", 1000m, "CFU/g", "plate count"),
        R("total-yeast-and-mould", 100m, "CFU/g", "plate count"),
        R("bile-tolerant-gram-negatives", 10m, "CFU/g", "plate count"),
        R("salmonella", null, "in 25 g", "PCR", ResultQualifier.NotDetected),
        R("escherichia-coli", null, "in 25 g", "PCR", ResultQualifier.NotDetected),
        R("o-desmethyltramadol", null, "ng/g", "LC-MS/MS", ResultQualifier.NotDetected, 5m),
    ];

    private static CertificateResult R(string analyte, decimal? value, string unit, string method,
        ResultQualifier qualifier = ResultQualifier.Detected, decimal? lod = null, decimal? loq = null) =>
        new() { Analyte = analyte, Value = value, Unit = unit, Qualifier = qualifier, Lod = lod, Loq = loq, Method = method };
}
