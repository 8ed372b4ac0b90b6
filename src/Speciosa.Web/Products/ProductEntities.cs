using System.Text.Json.Serialization;

namespace Speciosa.Web.Products;

/// <summary>How a product is presented (the vendor's form).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProductForm>))]
public enum ProductForm
{
    LeafPowder,
    Capsules,
    Extract,
    LiquidShot,
    Tablet,
}

/// <summary>Where a lot is in quality release: only Released lots may be given to patients.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LotState>))]
public enum LotState
{
    Quarantined,
    Released,
    Recalled,
}

/// <summary>A step of a lot's supply chain.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SupplyChainRole>))]
public enum SupplyChainRole
{
    Origin,
    Grower,
    Processor,
    Importer,
    Vendor,
}

/// <summary>What a photo shows.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PhotoKind>))]
public enum PhotoKind
{
    Leaf,
    Product,
    Packaging,
}

/// <summary>A kratom product as the vendor sells it, with its label claims. Belongs to a clinic.</summary>
public sealed class Product
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }
    public required string Name { get; set; }
    public required string Brand { get; set; }
    public required string Vendor { get; set; }
    public ProductForm Form { get; set; }
    /// <summary>Strain or vein label exactly as the vendor states it (not verified).</summary>
    public string? StrainLabel { get; set; }
    public decimal ServingGrams { get; set; }
    /// <summary>Most grams a day per the label directions; the clinic's setting applies when empty.</summary>
    public decimal? MaximumDailyGrams { get; set; }
    public decimal? ClaimMitragynineMgPerServing { get; set; }
    public decimal? ClaimSevenHydroxyMgPerServing { get; set; }
    public string? GmpScheme { get; set; }
    public DateOnly? GmpCertifiedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
}

/// <summary>One production lot of a product. Its state changes are kept in <see cref="LotStateChange"/>.</summary>
public sealed class Lot
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }
    public Guid ProductId { get; set; }
    /// <summary>The vendor's lot code; unique within a clinic (the CSV import names lots by it).</summary>
    public required string LotCode { get; set; }
    public LotState State { get; set; }
    public DateTimeOffset StateChangedAt { get; set; }
    public string? RecallReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    /// <summary>Changes on every state change; a stale release or recall gets 409.</summary>
    public required string ConcurrencyStamp { get; set; }
}

/// <summary>One step in a lot's supply chain (origin, grower, processor, importer, vendor).</summary>
public sealed class SupplyChainStep
{
    public long Id { get; set; }
    public Guid LotId { get; set; }
    public SupplyChainRole Role { get; set; }
    public string? Name { get; set; }
    public string? Country { get; set; }
    public string? Region { get; set; }
    public DateOnly? Date { get; set; }
}

/// <summary>A certificate of analysis for a lot from one laboratory report. The lot is judged on its
/// newest certificate (report date, then recording time).</summary>
public sealed class Certificate
{
    public Guid Id { get; set; }
    public Guid LotId { get; set; }
    public required string LabName { get; set; }
    public string? LabAccreditation { get; set; }
    public string? Method { get; set; }
    public DateOnly? SampledOn { get; set; }
    public DateOnly ReportedOn { get; set; }
    /// <summary>SHA-256 of the CSV file it was imported from, when imported.</summary>
    public string? SourceFileHash { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedBy { get; set; }
    public List<CertificateResult> Results { get; set; } = [];
}

/// <summary>One analyte line of a certificate, as the laboratory reported it.</summary>
public sealed class CertificateResult
{
    public long Id { get; set; }
    public Guid CertificateId { get; set; }
    /// <summary>The analyte's catalogue id (aliases are resolved on entry).</summary>
    public required string Analyte { get; set; }
    public decimal? Value { get; set; }
    public required string Unit { get; set; }
    public Speciosa.Clinical.Products.ResultQualifier Qualifier { get; set; }
    public decimal? Lod { get; set; }
    public decimal? Loq { get; set; }
    public string? Method { get; set; }
}

/// <summary>Every change of a lot's state: who, when, why, and the verdict at that moment.</summary>
public sealed class LotStateChange
{
    public long Id { get; set; }
    public Guid LotId { get; set; }
    public LotState? FromState { get; set; }
    public LotState ToState { get; set; }
    public required string Reason { get; set; }
    public required string VerdictSummary { get; set; }
    public Guid ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>A photo of leaf, product or packaging on a product or a lot. Bytes are kept in the database
/// after their content was checked; dimensions come from the image header.</summary>
public sealed class ProductPhoto
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }
    public Guid ProductId { get; set; }
    public Guid? LotId { get; set; }
    public PhotoKind Kind { get; set; }
    public required string ContentType { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long Length { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public Guid UploadedBy { get; set; }
}

/// <summary>The clinic's choice of quality standards, its label-claim tolerance, and the daily grams used
/// for daily-exposure limits when a product's label gives none.</summary>
public sealed class ClinicQualitySettings
{
    public Guid ClinicId { get; set; }
    /// <summary>Comma-separated standard ids from the catalogue.</summary>
    public required string StandardIds { get; set; }
    public decimal LabelClaimTolerancePercent { get; set; }
    public decimal MaximumDailyGrams { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }

    public static readonly IReadOnlyList<string> DefaultStandardIds =
        ["usp-2232", "usp-2023-dried-botanical", "seven-oh-share", "adulterant-screen", "label-claim"];

    public const decimal DefaultTolerancePercent = 20m;
    public const decimal DefaultMaximumDailyGrams = 15m;

    public IReadOnlyList<string> Standards =>
        StandardIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
