using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Regimens;

/// <summary>The escalation watch on a day: both windows, the rise between them (null without a baseline: the
/// earlier window's mean is zero), the run of consecutive days of use ending on <see cref="AsOf"/>, and the alerts.</summary>
public sealed record EscalationReview(
    DateOnly AsOf,
    EscalationMeasure Measure,
    IntakeWindow Latest,
    IntakeWindow Earlier,
    decimal? Rise,
    int ConsecutiveDaysOfUse,
    IReadOnlyList<Alert> Alerts);
