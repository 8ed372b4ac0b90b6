using System.ComponentModel.DataAnnotations;
using Speciosa.Clinical.Products;

namespace Speciosa.Web.Products;

public sealed record ProductRequest(
    string? Name, string? Brand, string? Vendor, ProductForm? Form, string? StrainLabel, decimal? ServingGrams,
    decimal? MaximumDailyGrams, decimal? ClaimMitragynineMgPerServing, decimal? ClaimSevenHydroxyMgPerServing,
    string? GmpScheme, [Http.ClinicalTime] DateOnly? GmpCertifiedOn);

public sealed record SupplyChainStepDto(SupplyChainRole Role, string? Name, string? Country, string? Region, [Http.ClinicalTime] DateOnly? Date);

public sealed record LotRequest(string? LotCode, IReadOnlyList<SupplyChainStepDto>? SupplyChain);

public sealed record ResultDto(string Analyte, decimal? Value, string Unit, ResultQualifier Qualifier = ResultQualifier.Detected,
    decimal? Lod = null, decimal? Loq = null, string? Method = null);

public sealed record CertificateRequest(string? LabName, string? LabAccreditation, string? Method, [Http.ClinicalTime] DateOnly? SampledOn,
    [Http.ClinicalTime] DateOnly? ReportedOn, IReadOnlyList<ResultDto>? Results);

/// <summary>State change request: an optional reason (release) or a required reason (recall), and the
/// concurrency stamp the caller saw (optional; a stale one gets 409). A recall may say how many days back a dose
/// from the lot counts as exposure (<see cref="ExposureWindowDays"/>, 1 to 3650; default from Dosing:RecallExposureWindowDays).</summary>
public sealed record LotActionRequest([MaxLength(1000)] string? Reason, string? ConcurrencyStamp, int? ExposureWindowDays = null);

public sealed record QualitySettingsDto(IReadOnlyList<string> Standards, decimal LabelClaimTolerancePercent, decimal MaximumDailyGrams);

/// <summary>The clinic's quality settings as read: <see cref="SoftwareDefaults"/> is true while the clinic has saved none, and
/// <see cref="LabelClaimToleranceNote"/> then says the tolerance is the software's default, not a clinic decision (audit E24).</summary>
public sealed record QualitySettingsView(IReadOnlyList<string> Standards, decimal LabelClaimTolerancePercent, decimal MaximumDailyGrams,
    bool SoftwareDefaults, string? LabelClaimToleranceNote);

public sealed record StandardDto(string Id, int Version, string Title, string Source, DateOnly AsOf, IReadOnlyList<string> RequiredAnalytes);

public sealed record FindingDto(string StandardId, int StandardVersion, string Analyte, QualityOutcome Outcome, bool OutOfLimit,
    string Limit, string Reason, string Source, bool Unconfirmed);

public sealed record VerdictDto(QualityOutcome Outcome, string Summary, IReadOnlyList<FindingDto> Findings)
{
    public static VerdictDto Of(LotVerdict v) => new(v.Outcome, v.Summary, v.Findings.Select(f => new FindingDto(
        f.StandardId, f.StandardVersion, f.Analyte, f.Outcome, f.OutOfLimit, f.Limit, f.Reason,
        f.Source.Citation, f.Unconfirmed || f.Source.Unconfirmed)).ToList());
}

/// <summary>A certificate line with its flag: <see cref="OutOfLimit"/> when any chosen standard fails it.</summary>
public sealed record ResultView(string Analyte, string AnalyteName, decimal? Value, string Unit, ResultQualifier Qualifier,
    decimal? Lod, decimal? Loq, string? Method, bool OutOfLimit, IReadOnlyList<string> Reasons);

public sealed record CertificateView(Guid Id, string LabName, string? LabAccreditation, string? Method, DateOnly? SampledOn,
    DateOnly ReportedOn, DateTimeOffset RecordedAt, bool Imported, IReadOnlyList<ResultView> Results);

public sealed record StateChangeView(LotState? FromState, LotState ToState, string Reason, string VerdictSummary, Guid ChangedBy,
    string ChangedByName, DateTimeOffset ChangedAt);

public sealed record PhotoView(Guid Id, Guid ProductId, Guid? LotId, PhotoKind Kind, string ContentType, int Width, int Height,
    long Length, DateTimeOffset UploadedAt, string Url);

public sealed record LotSummary(Guid Id, string LotCode, LotState State, QualityOutcome Outcome, string VerdictSummary,
    IReadOnlyList<string> OutOfLimit);

public sealed record ProductSummary(Guid Id, string Name, string Brand, string Vendor, ProductForm Form, string? StrainLabel,
    int Lots, int LotsOutOfLimit);

public sealed record ProductDetail(Guid Id, string Name, string Brand, string Vendor, ProductForm Form, string? StrainLabel,
    decimal ServingGrams, decimal? MaximumDailyGrams, decimal? ClaimMitragynineMgPerServing, decimal? ClaimSevenHydroxyMgPerServing,
    string? GmpScheme, DateOnly? GmpCertifiedOn, IReadOnlyList<LotSummary> Lots, IReadOnlyList<PhotoView> Photos);

public sealed record LotDetail(Guid Id, Guid ProductId, string ProductName, string LotCode, LotState State, DateTimeOffset StateChangedAt,
    string? RecallReason, string ConcurrencyStamp, bool Usable, VerdictDto Verdict, CertificateView? Certificate,
    IReadOnlyList<SupplyChainStepDto> SupplyChain, IReadOnlyList<StateChangeView> History, IReadOnlyList<PhotoView> Photos,
    string? LabelClaimToleranceNote = null, IReadOnlyList<string>? StandardsApplied = null);
