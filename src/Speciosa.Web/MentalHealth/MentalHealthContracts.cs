using Speciosa.Web.Alerts;

namespace Speciosa.Web.MentalHealth;

public sealed record ScreeningRequest(string? InstrumentId, Dictionary<int, int>? Answers, [Http.ClinicalTime] DateTimeOffset? AssessedAt);

/// <summary>A screening as stored. <see cref="Reading"/> words an AUDIT-C total against the sex-specific cut-off (staff only).
/// <see cref="SelfHarmAnswer"/> is true when PHQ-9 item 9 is above 0.</summary>
public sealed record ScreeningView(
    Guid Id, string InstrumentId, int InstrumentVersion, string InstrumentName, IReadOnlyDictionary<int, int> Answers, int Total,
    int MaxTotal, string? Band, string? Reading, bool SelfHarmAnswer, bool SafetyAssessmentRecorded, DateTimeOffset AssessedAt,
    Guid RatedByUserId, string RatedBy, bool PatientReported, bool AwaitingReview, Guid? ReviewedByUserId, DateTimeOffset? ReviewedAt);

/// <summary>The answer to a recorded screening. A patient gets no alerts (no rule ids or thresholds), only
/// <see cref="SafetyMessage"/> in plain words when they need it (the crisis line).</summary>
public sealed record ScreeningRecorded(ScreeningView Screening, IReadOnlyList<AlertView> RaisedAlerts, string? SafetyMessage);

public sealed record SafetyAssessmentRequest(Guid? ScreeningId, [Http.ClinicalTime] DateTimeOffset? AssessedAt, string? Outcome, string? Plan, string? StructuredInstrument);

public sealed record SafetyAssessmentView(
    Guid Id, Guid? ScreeningId, DateTimeOffset AssessedAt, Guid AssessedByUserId, string AssessedBy, string Outcome, string OutcomeLabel,
    string Plan, string? StructuredInstrument, int PathwayVersion, DateTimeOffset RecordedAt);

public sealed record UseDisorderRequest(
    string? Substance, string? Occasion, List<int>? CriteriaMet, bool? UnderMedicalSupervision, [Http.ClinicalTime] DateTimeOffset? AssessedAt, string? Note);

public sealed record UseDisorderView(
    Guid Id, string Substance, string SubstanceName, string Occasion, IReadOnlyList<int> CriteriaMet, IReadOnlyList<int> CriteriaCounted,
    IReadOnlyList<int> NotCountedUnderSupervision, bool UnderMedicalSupervision, string? Severity, string Wording, int CriteriaVersion,
    DateTimeOffset AssessedAt, Guid RecordedByUserId, string RecordedBy, string? Note);
