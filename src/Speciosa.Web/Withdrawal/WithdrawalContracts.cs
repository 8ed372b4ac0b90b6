using Speciosa.Clinical.Alerts;
using Speciosa.Web.Alerts;

namespace Speciosa.Web.Withdrawal;

public sealed record OpioidUseRequest(
    string? SubstanceId, decimal? AmountPerDay, string? Unit, string? Release, string? Route, int? DurationDays,
    [Http.ClinicalTime] DateTimeOffset? LastUseAt);

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
    string? InstrumentId, Dictionary<int, int>? Answers, int? PulseBpm, [Http.ClinicalTime] DateTimeOffset? AssessedAt, Guid? EpisodeId);

public sealed record AssessmentView(
    Guid Id, Guid? EpisodeId, string InstrumentId, int InstrumentVersion, IReadOnlyDictionary<int, int> Answers,
    int? PulseBpm, int Total, string? Band, DateTimeOffset AssessedAt, Guid RatedByUserId, string RatedBy,
    bool PatientReported, bool AwaitingReview, Guid? ReviewedByUserId, DateTimeOffset? ReviewedAt);


public sealed record AssessmentRecorded(AssessmentView Assessment, IReadOnlyList<AlertView> RaisedAlerts);
