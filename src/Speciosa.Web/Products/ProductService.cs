using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Products;
using Speciosa.Web.Data;
using Speciosa.Web.Http;

namespace Speciosa.Web.Products;

/// <summary>Configuration section <c>Products</c>.</summary>
public sealed class ProductOptions
{
    public const string Section = "Products";
    /// <summary>Largest photo accepted, in bytes (default 5 MB).</summary>
    public long MaxPhotoBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Widest and tallest photo accepted, in pixels (default 8000): a small file may declare a huge image that a
    /// browser then has to decode.</summary>
    public int MaxPhotoSide { get; set; } = 8000;
}

/// <summary>Reads and writes of products, lots, certificates, photos and settings for the API and the
/// pages alike. Validation answers field-keyed errors; judgement is the clinical core's.</summary>
public sealed class ProductService(SpeciosaDbContext db, LotQuality quality, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> SortFields = ["name", "brand", "vendor", "createdAt"];

    public async Task<ListPage<ProductSummary>> ListAsync(Guid clinicId, PageRequest paging, string sort, CancellationToken ct = default)
    {
        var query = db.Products.AsNoTracking().Where(p => p.ClinicId == clinicId);
        var total = await query.CountAsync(ct);
        // Instants are ticks on SQLite; names sort in SQL, creation time in memory after a bounded read.
        var products = sort switch
        {
            "brand" => await query.OrderBy(p => p.Brand).ThenBy(p => p.Name).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct),
            "vendor" => await query.OrderBy(p => p.Vendor).ThenBy(p => p.Name).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct),
            "createdAt" => await query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Name).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct),
            _ => await query.OrderBy(p => p.Name).ThenBy(p => p.Brand).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct),
        };
        var ids = products.Select(p => p.Id).ToList();
        var lots = await db.Lots.AsNoTracking().Where(l => ids.Contains(l.ProductId)).ToListAsync(ct);
        var verdicts = await quality.VerdictsAsync(clinicId, lots, ct);
        var items = products.Select(p => new ProductSummary(p.Id, p.Name, p.Brand, p.Vendor, p.Form, p.StrainLabel,
            lots.Count(l => l.ProductId == p.Id),
            lots.Count(l => l.ProductId == p.Id && verdicts[l.Id].OutOfLimit.Count > 0))).ToList();
        return paging.Of(items, total);
    }

    public async Task<ProductDetail?> GetProductAsync(Guid clinicId, Guid productId, CancellationToken ct = default)
    {
        var p = await db.Products.AsNoTracking().FirstOrDefaultAsync(x => x.Id == productId && x.ClinicId == clinicId, ct);
        if (p is null)
        {
            return null;
        }

        var lots = (await db.Lots.AsNoTracking().Where(l => l.ProductId == p.Id).ToListAsync(ct)).OrderBy(l => l.LotCode, StringComparer.Ordinal).ToList();
        var verdicts = await quality.VerdictsAsync(clinicId, lots, ct);
        var photos = await PhotosAsync(db.ProductPhotos.Where(x => x.ProductId == p.Id && x.LotId == null), ct);
        return new ProductDetail(p.Id, p.Name, p.Brand, p.Vendor, p.Form, p.StrainLabel, p.ServingGrams, p.MaximumDailyGrams,
            p.ClaimMitragynineMgPerServing, p.ClaimSevenHydroxyMgPerServing, p.GmpScheme, p.GmpCertifiedOn,
            lots.Select(l => Summary(l, verdicts[l.Id])).ToList(), photos);
    }

    public static LotSummary Summary(Lot l, LotVerdict v) =>
        new(l.Id, l.LotCode, l.State, v.Outcome, v.Summary, v.OutOfLimit.Select(f => f.Analyte).Distinct().ToList());

    public async Task<LotDetail?> GetLotAsync(Guid clinicId, Guid lotId, CancellationToken ct = default)
    {
        var a = await quality.AssessAsync(clinicId, lotId, ct);
        if (a is null)
        {
            return null;
        }

        var steps = (await db.SupplyChainSteps.AsNoTracking().Where(s => s.LotId == lotId).ToListAsync(ct))
            .OrderBy(s => s.Role).ThenBy(s => s.Id)
            .Select(s => new SupplyChainStepDto(s.Role, s.Name, s.Country, s.Region, s.Date)).ToList();
        var changes = (await db.LotStateChanges.AsNoTracking().Where(s => s.LotId == lotId).ToListAsync(ct)).OrderBy(s => s.Id).ToList();
        var userIds = changes.Select(c => c.ChangedBy).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var history = changes.Select(c => new StateChangeView(c.FromState, c.ToState, c.Reason, c.VerdictSummary, c.ChangedBy,
            names.GetValueOrDefault(c.ChangedBy, "unknown user"), c.ChangedAt)).ToList();
        var photos = await PhotosAsync(db.ProductPhotos.Where(x => x.LotId == lotId), ct);
        return new LotDetail(a.Lot.Id, a.Product.Id, a.Product.Name, a.Lot.LotCode, a.Lot.State, a.Lot.StateChangedAt, a.Lot.RecallReason,
            a.Lot.ConcurrencyStamp, a.Lot.State is LotState.Released, VerdictDto.Of(a.Verdict), CertificateViewOf(a), steps, history, photos,
            a.Standards.Any(s => s.Id == "label-claim") && !await quality.HasSavedSettingsAsync(clinicId, ct) ? LotQuality.SoftwareDefaultToleranceNote : null,
            a.Standards.Select(s => $"{s.Title} ({s.Label})").ToList());
    }

    /// <summary>Each certificate line flagged out of limit when a chosen standard fails its analyte (or the
    /// analyte it stands in for, e.g. total arsenic for inorganic arsenic). Flags hold in every lot state.</summary>
    private static CertificateView? CertificateViewOf(LotAssessment a)
    {
        if (a.Certificate is not { } c)
        {
            return null;
        }

        var catalogue = AnalyteCatalogue.Default;
        var rows = c.Results.OrderBy(r => r.Id).Select(r =>
        {
            var findings = a.Verdict.Findings.Where(f => f.Analyte == r.Analyte || a.Standards.Any(s => s.Id == f.StandardId
                && s.Limits.Any(l => l.Analyte == f.Analyte && l.Surrogate == r.Analyte))).ToList();
            return new ResultView(r.Analyte, catalogue.TryFind(r.Analyte)?.Name ?? r.Analyte, r.Value, r.Unit, r.Qualifier, r.Lod, r.Loq,
                r.Method, findings.Any(f => f.OutOfLimit),
                findings.Where(f => f.Outcome is not QualityOutcome.Pass).Select(f => $"{f.StandardId} v{f.StandardVersion}: {f.Reason}").ToList());
        }).ToList();
        return new CertificateView(c.Id, c.LabName, c.LabAccreditation, c.Method, c.SampledOn, c.ReportedOn, c.RecordedAt,
            c.SourceFileHash is not null, rows);
    }

    private static async Task<List<PhotoView>> PhotosAsync(IQueryable<ProductPhoto> query, CancellationToken ct) =>
        (await query.AsNoTracking()
            .Select(p => new { p.Id, p.ProductId, p.LotId, p.Kind, p.ContentType, p.Width, p.Height, p.Length, p.UploadedAt })
            .ToListAsync(ct))
        .OrderBy(p => p.UploadedAt)
        .Select(p => new PhotoView(p.Id, p.ProductId, p.LotId, p.Kind, p.ContentType, p.Width, p.Height, p.Length, p.UploadedAt, $"/api/photos/{p.Id}"))
        .ToList();

    public static Dictionary<string, string[]> Validate(ProductRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        void Text(string field, string? value, bool required, int max)
        {
            if (required && string.IsNullOrWhiteSpace(value))
            {
                errors[field] = [$"Required, 1 to {max} characters."];
            }
            else if (value?.Trim().Length > max)
            {
                errors[field] = [$"At most {max} characters."];
            }
        }

        Text("name", r.Name, true, 200);
        Text("brand", r.Brand, true, 200);
        Text("vendor", r.Vendor, true, 200);
        Text("strainLabel", r.StrainLabel, false, 200);
        Text("gmpScheme", r.GmpScheme, false, 200);
        if (r.Form is null || !Enum.IsDefined(r.Form.Value))
        {
            errors["form"] = [$"Choose one of: {string.Join(", ", Enum.GetNames<ProductForm>())}."];
        }

        if (r.ServingGrams is null)
        {
            errors["servingGrams"] = ["The serving size in grams is required."];
        }

        void Grams(string field, decimal? v)
        {
            if (v is { } d && (d <= 0 || d >= 1_000_000 || Math.Round(d, 3) != d))
            {
                errors[field] = ["A positive number below 1,000,000 with at most 3 decimals."];
            }
        }

        Grams("servingGrams", r.ServingGrams);
        Grams("maximumDailyGrams", r.MaximumDailyGrams);
        Grams("claimMitragynineMgPerServing", r.ClaimMitragynineMgPerServing);
        Grams("claimSevenHydroxyMgPerServing", r.ClaimSevenHydroxyMgPerServing);
        if (r.GmpCertifiedOn is not null && string.IsNullOrWhiteSpace(r.GmpScheme))
        {
            errors["gmpScheme"] = ["Name the GMP scheme the certification date belongs to."];
        }

        return errors;
    }

    public async Task<(Product? Product, Dictionary<string, string[]> Errors)> CreateProductAsync(Guid clinicId, Guid userId, ProductRequest r, CancellationToken ct = default)
    {
        var errors = Validate(r);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var product = new Product
        {
            Id = Guid.NewGuid(), ClinicId = clinicId, Name = r.Name!.Trim(), Brand = r.Brand!.Trim(), Vendor = r.Vendor!.Trim(),
            Form = r.Form!.Value, StrainLabel = Blank(r.StrainLabel), ServingGrams = r.ServingGrams!.Value,
            MaximumDailyGrams = r.MaximumDailyGrams, ClaimMitragynineMgPerServing = r.ClaimMitragynineMgPerServing,
            ClaimSevenHydroxyMgPerServing = r.ClaimSevenHydroxyMgPerServing, GmpScheme = Blank(r.GmpScheme),
            GmpCertifiedOn = r.GmpCertifiedOn, CreatedAt = clock.GetUtcNow(), CreatedBy = userId,
        };
        db.Products.Add(product);
        await db.SaveChangesAsync(ct);
        return (product, errors);
    }

    /// <summary>A new lot starts Quarantined; its first history row says so.</summary>
    public async Task<(Lot? Lot, Dictionary<string, string[]> Errors, bool ProductMissing)> CreateLotAsync(Guid clinicId, Guid userId, Guid productId, LotRequest r, CancellationToken ct = default)
    {
        if (!await db.Products.AnyAsync(p => p.Id == productId && p.ClinicId == clinicId, ct))
        {
            return (null, [], true);
        }

        var errors = new Dictionary<string, string[]>();
        var code = r.LotCode?.Trim();
        if (string.IsNullOrEmpty(code) || code.Length > 64)
        {
            errors["lotCode"] = ["The vendor's lot code, 1 to 64 characters, is required."];
        }
        else if (await db.Lots.AnyAsync(l => l.ClinicId == clinicId && l.LotCode == code, ct))
        {
            errors["lotCode"] = [$"Lot code '{code}' is already recorded in this clinic."];
        }

        var steps = r.SupplyChain ?? [];
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            if (!Enum.IsDefined(s.Role))
            {
                errors[$"supplyChain[{i}].role"] = [$"Choose one of: {string.Join(", ", Enum.GetNames<SupplyChainRole>())}."];
            }

            if (s.Name?.Length > 200 || s.Region?.Length > 200 || s.Country?.Length > 100)
            {
                errors[$"supplyChain[{i}]"] = ["Name and region at most 200 characters, country at most 100."];
            }

            if (s.Date is { } d && d > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)))
            {
                errors[$"supplyChain[{i}].date"] = ["A supply-chain date cannot be in the future."];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors, false);
        }

        var now = clock.GetUtcNow();
        var lot = new Lot
        {
            Id = Guid.NewGuid(), ClinicId = clinicId, ProductId = productId, LotCode = code!, State = LotState.Quarantined,
            StateChangedAt = now, CreatedAt = now, CreatedBy = userId, ConcurrencyStamp = Guid.NewGuid().ToString("N"),
        };
        db.Lots.Add(lot);
        foreach (var s in steps)
        {
            db.SupplyChainSteps.Add(new SupplyChainStep { LotId = lot.Id, Role = s.Role, Name = Blank(s.Name), Country = Blank(s.Country), Region = Blank(s.Region), Date = s.Date });
        }

        db.LotStateChanges.Add(new LotStateChange
        {
            LotId = lot.Id, FromState = null, ToState = LotState.Quarantined, Reason = "Lot recorded; quarantined until released",
            VerdictSummary = "No certificate yet", ChangedBy = userId, ChangedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return (lot, errors, false);
    }

    public async Task<(Outcome Outcome, Certificate? Certificate)> AddCertificateAsync(
        Guid clinicId, Guid userId, Guid lotId, CertificateRequest r, CancellationToken ct = default)
    {
        var lot = await db.Lots.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lotId && l.ClinicId == clinicId, ct);
        if (lot is null)
        {
            return (Outcome.NotFound, null);
        }

        var errors = new Dictionary<string, string[]>();
        var lab = r.LabName?.Trim();
        if (string.IsNullOrEmpty(lab) || lab.Length > 200)
        {
            errors["labName"] = ["The laboratory's name, 1 to 200 characters, is required."];
        }

        if (r.LabAccreditation?.Length > 200)
        {
            errors["labAccreditation"] = ["At most 200 characters (e.g. ISO/IEC 17025 and the certificate number)."];
        }

        if (r.Method?.Length > 500)
        {
            errors["method"] = ["At most 500 characters."];
        }

        if (r.ReportedOn is null)
        {
            errors["reportedOn"] = ["The report date (yyyy-mm-dd) is required."];
        }
        else if (r.SampledOn > r.ReportedOn)
        {
            errors["sampledOn"] = ["The sample date cannot be after the report date."];
        }

        var results = r.Results ?? [];
        if (results.Count == 0)
        {
            errors["results"] = ["A certificate needs at least one analyte result."];
        }

        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Method?.Length > 200)
            {
                errors[$"results[{i}].method"] = ["At most 200 characters."];
            }

            foreach (var (name, v) in new[] { ("value", results[i].Value), ("lod", results[i].Lod), ("loq", results[i].Loq) })
            {
                if (v is { } d && (Math.Round(d, ProductModel.ResultScale) != d || Math.Abs(d) >= 1_000_000_000_000m))
                {
                    errors[$"results[{i}].{name}"] = [$"At most {ProductModel.ResultScale} decimals and below 10^12."];
                }
            }
        }

        foreach (var p in AnalyteCatalogue.Default.Check(results.Select(x => new AnalyteResult(x.Analyte ?? "", x.Value, x.Unit ?? "", x.Qualifier, x.Lod, x.Loq)).ToList()))
        {
            errors[$"results[{p.Index}].{p.Field}"] = [p.Message];
        }

        if (errors.Count > 0)
        {
            return (Outcome.Invalid(errors), null);
        }

        if (lot.State is LotState.Recalled)
        {
            return (Outcome.Conflict("The lot is recalled; no new certificate can be added."), null);
        }

        if (await db.Certificates.AnyAsync(c => c.LotId == lotId && c.LabName == lab && c.ReportedOn == r.ReportedOn, ct))
        {
            return (Outcome.Conflict("This lot already has a certificate from that laboratory with that report date."), null);
        }

        var catalogue = AnalyteCatalogue.Default;
        var certificate = new Certificate
        {
            Id = Guid.NewGuid(), LotId = lotId, LabName = lab!, LabAccreditation = Blank(r.LabAccreditation), Method = Blank(r.Method),
            SampledOn = r.SampledOn, ReportedOn = r.ReportedOn!.Value, RecordedAt = clock.GetUtcNow(), RecordedBy = userId,
            Results = results.Select(x => new CertificateResult
            {
                Analyte = catalogue.Find(x.Analyte).Id, Value = x.Value, Unit = catalogue.Unit(x.Unit).Code, Qualifier = x.Qualifier,
                Lod = x.Lod, Loq = x.Loq, Method = Blank(x.Method),
            }).ToList(),
        };
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, certificate);
    }

    /// <summary>Checks the bytes (PNG/JPEG/WebP by magic number, dimensions from the header), then stores them.</summary>
    public async Task<(Outcome Outcome, ProductPhoto? Photo)> AddPhotoAsync(
        Guid clinicId, Guid userId, Guid productId, Guid? lotId, PhotoKind kind, byte[] content, long maxBytes, CancellationToken ct = default, int maxSide = 8000)
    {
        if (!await db.Products.AnyAsync(p => p.Id == productId && p.ClinicId == clinicId, ct)
            || (lotId is not null && !await db.Lots.AnyAsync(l => l.Id == lotId && l.ProductId == productId && l.ClinicId == clinicId, ct)))
        {
            return (Outcome.NotFound, null);
        }

        if (content.LongLength > maxBytes)
        {
            return (Outcome.TooLarge($"The photo is larger than {maxBytes / 1024 / 1024.0:0.#} MB."), null);
        }

        var header = ImageHeader.Read(content);
        if (header is null)
        {
            return (Outcome.Invalid("file", "The file is not a PNG, JPEG or WebP image (checked by its content, not its name)."), null);
        }

        if (header.Width > maxSide || header.Height > maxSide)
        {
            return (Outcome.Invalid("file", $"A photo is at most {maxSide} × {maxSide} pixels; this one is {header.Width} × {header.Height}."), null);
        }

        var photo = new ProductPhoto
        {
            Id = Guid.NewGuid(), ClinicId = clinicId, ProductId = productId, LotId = lotId, Kind = kind, ContentType = header.ContentType,
            Width = header.Width, Height = header.Height, Length = content.LongLength, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content, UploadedAt = clock.GetUtcNow(), UploadedBy = userId,
        };
        db.ProductPhotos.Add(photo);
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, photo);
    }

    public async Task<Dictionary<string, string[]>> SaveSettingsAsync(Guid clinicId, Guid userId, QualitySettingsDto dto, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var known = QualityStandardCatalogue.All.Select(s => s.Id).ToList();
        var unknown = (dto.Standards ?? []).Where(s => !known.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            errors["standards"] = [$"Unknown standard(s) {string.Join(", ", unknown)}; allowed: {string.Join(", ", known)}."];
        }

        if (dto.LabelClaimTolerancePercent is < 0 or > 100 || Math.Round(dto.LabelClaimTolerancePercent, 2) != dto.LabelClaimTolerancePercent)
        {
            errors["labelClaimTolerancePercent"] = ["A percent from 0 to 100 with at most 2 decimals."];
        }

        if (dto.MaximumDailyGrams is <= 0 or >= 1000 || Math.Round(dto.MaximumDailyGrams, 3) != dto.MaximumDailyGrams)
        {
            errors["maximumDailyGrams"] = ["Positive grams below 1000 with at most 3 decimals."];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var row = await db.ClinicQualitySettings.FirstOrDefaultAsync(s => s.ClinicId == clinicId, ct);
        if (row is null)
        {
            row = new ClinicQualitySettings { ClinicId = clinicId, StandardIds = "" };
            db.ClinicQualitySettings.Add(row);
        }

        row.StandardIds = string.Join(',', (dto.Standards ?? []).Distinct());
        row.LabelClaimTolerancePercent = dto.LabelClaimTolerancePercent;
        row.MaximumDailyGrams = dto.MaximumDailyGrams;
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = userId;
        await db.SaveChangesAsync(ct);
        return errors;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
