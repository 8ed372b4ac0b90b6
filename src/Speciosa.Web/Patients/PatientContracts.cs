using Speciosa.Clinical.Alerts;

namespace Speciosa.Web.Patients;

/// <summary>Enrolment or edit of a patient record. On edit, <see cref="ConcurrencyStamp"/> must be the stamp read.
/// <see cref="ConfirmLegalWarning"/>: the clinician has read the legal warnings for the patient's location and
/// goes ahead (recorded); without it a warning stops enrolment.</summary>
public sealed record PatientRequest(
    string? GivenName, string? FamilyName, DateOnly? DateOfBirth, string? Sex, string? Phone, string? Email,
    string? CountryCode, string? SubdivisionCode, bool Pregnant, bool Breastfeeding, bool PlanningConception,
    string? Status, IReadOnlyList<Guid>? CareTeam, Guid? PortalUserId, Guid? ConcurrencyStamp = null,
    bool ConfirmLegalWarning = false) : Http.IWholeRecordRequest
{
    /// <summary>What a PUT must carry: every field of the record, so pregnancy, breastfeeding, the portal
    /// link and the care team are never cleared by omission. Only confirmLegalWarning may be left out.</summary>
    public static IReadOnlyList<string> EveryField { get; } =
    [
        "givenName", "familyName", "dateOfBirth", "sex", "phone", "email", "countryCode", "subdivisionCode",
        "pregnant", "breastfeeding", "planningConception", "status", "careTeam", "portalUserId", "concurrencyStamp",
    ];
}

public sealed record CareTeamView(Guid UserId, string DisplayName);

public sealed record PatientView(
    Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string Sex, string? Phone, string? Email,
    string CountryCode, string? SubdivisionCode, bool Pregnant, bool Breastfeeding, bool PlanningConception,
    string Status, IReadOnlyList<CareTeamView> CareTeam, Guid? PortalUserId, Guid ConcurrencyStamp);

public sealed record PatientSummary(Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string Status);

public sealed record PatientPage(IReadOnlyList<PatientSummary> Items, int Page, int PageSize, int Total);

public sealed record OpioidUseRequest(
    string? SubstanceId, decimal? AmountPerDay, string? Unit, string? Release, string? Route, int? DurationDays,
    DateTimeOffset? LastUseAt);

/// <summary>MME/day as the clinical core computed it: "computed" with factor and table version, or
/// "not-computable" with the reason (never a guess).</summary>
public sealed record MmeView(string Status, decimal? MmePerDay, decimal? Factor, string TableVersion, string? Reason,
    bool ReasonUnconfirmed, IReadOnlyList<string> Cautions);

public sealed record OpioidUseView(
    Guid Id, string SubstanceId, string SubstanceName, decimal AmountPerDay, string Unit, string Release, string Route,
    int? DurationDays, DateTimeOffset LastUseAt, MmeView Mme);

public sealed record EpisodeRequest(Guid? OpioidUseId);

public sealed record SourceView(string Id, string Citation, string? Url, bool Unconfirmed)
{
    public static SourceView Of(Source s) => new(s.Id, s.Citation, s.Url, s.Unconfirmed);
}

public sealed record CourseWindowView(DateTimeOffset From, DateTimeOffset To, int FromHours, int ToHours, string Basis,
    bool Unconfirmed, IReadOnlyList<SourceView> Sources);

public sealed record EpisodeView(
    Guid Id, Guid OpioidUseId, string SubstanceId, DateTimeOffset StartedAt, string? CourseClassId, string? CourseClassName,
    int CourseVersion, bool CourseUnconfirmed, CourseWindowView? Onset, CourseWindowView? Peak, CourseWindowView? AcuteEnd,
    string PhaseNow, IReadOnlyList<string> Notes);

public sealed record AssessmentRequest(
    string? InstrumentId, Dictionary<int, int>? Answers, int? PulseBpm, DateTimeOffset? AssessedAt, Guid? EpisodeId);

public sealed record AssessmentView(
    Guid Id, Guid? EpisodeId, string InstrumentId, int InstrumentVersion, IReadOnlyDictionary<int, int> Answers,
    int? PulseBpm, int Total, string? Band, DateTimeOffset AssessedAt, Guid RatedByUserId, string RatedBy,
    bool PatientReported, bool AwaitingReview, Guid? ReviewedByUserId, DateTimeOffset? ReviewedAt);

public sealed record AssessmentPage(IReadOnlyList<AssessmentView> Items, string? InstrumentId, int Page, int PageSize, int Total);

public sealed record AlertInputView(string Name, string Value);

public sealed record AlertView(
    Guid Id, Guid PatientId, string RuleId, int RuleVersion, string Severity, string ConditionKey, string Message,
    IReadOnlyList<AlertInputView> Inputs, string Threshold, string SourceCitation, string? SourceUrl, string Status,
    DateTimeOffset RaisedAt);

public sealed record AssessmentRecorded(AssessmentView Assessment, IReadOnlyList<AlertView> RaisedAlerts);
