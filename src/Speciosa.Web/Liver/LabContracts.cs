namespace Speciosa.Web.Liver;

/// <summary>One result as entered. <see cref="Test"/>: alt, ast, alp, total-bilirubin, ggt, inr (or the LOINC code).
/// <see cref="UpperLimitOfNormal"/> in the same unit as the value; leave it out to use the clinic default.</summary>
public sealed record LabResultRequest(
    string? Test, string? Loinc, decimal? Value, string? Unit, decimal? UpperLimitOfNormal, decimal? ReferenceLow,
    [Http.ClinicalTime] DateTimeOffset? CollectedAt, bool IsBaseline = false, string? LabName = null);

public sealed record LabResultsRequest(IReadOnlyList<LabResultRequest>? Results);

public sealed record LabResultView(
    Guid Id, string Test, string Loinc, decimal Value, string Unit, decimal? ReferenceLow, decimal? UpperLimitOfNormal,
    string UlnOrigin, decimal? TimesUln, decimal EvaluatedValue, string EvaluatedUnit, bool ConversionUnconfirmed,
    DateTimeOffset CollectedAt, bool IsBaseline, string? LabName, string EnteredVia, bool EnteredInError, string? EnteredInErrorReason);

public sealed record LabRecorded(IReadOnlyList<LabResultView> Recorded, int Unchanged, IReadOnlyList<Speciosa.Web.Alerts.AlertView> RaisedAlerts,
    IReadOnlyList<Speciosa.Web.Alerts.AlertView> ResolvedAlerts);

public sealed record EnteredInErrorRequest(string? Reason);
