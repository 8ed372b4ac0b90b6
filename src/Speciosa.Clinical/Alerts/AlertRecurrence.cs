namespace Speciosa.Clinical.Alerts;

/// <summary>The latest earlier alert of one patient, rule and condition key, as the recurrence rule needs it.</summary>
/// <param name="Active">Open or acknowledged.</param>
/// <param name="ConditionClearedAt">When an evaluation last found the condition no longer present (set when the alert
/// resolved automatically, or later for an alert resolved by hand); null while the condition has not been seen to clear.</param>
public sealed record PriorAlert(Guid Id, bool Active, DateTimeOffset RaisedAt, DateTimeOffset? ResolvedAt, bool ResolvedByHand,
    DateTimeOffset? ConditionClearedAt);

public enum RecurrenceDecision
{
    /// <summary>No earlier alert of this condition: raise it.</summary>
    RaiseFirst,

    /// <summary>The earlier alert was resolved and its condition cleared since; the condition has arisen anew: raise it again.</summary>
    RaiseAgain,

    /// <summary>An open or acknowledged alert of this condition exists: nothing new.</summary>
    SkipActive,

    /// <summary>Resolved by hand while the condition still held, and no evaluation has seen it clear since: the clinician
    /// has decided about this very condition, so it is not raised again (it is the same condition, not a new one).</summary>
    SkipResolvedConditionPersists,
}

/// <summary>When a condition that was alerted before is alerted again (issue 15 item 6, UX review §1: "a resolved Hy's law
/// alert came back as open after the regimen was amended"). A condition is identified by patient, rule and condition key.
/// It is raised again only when it arises anew: after an evaluation found it absent (which resolves an open alert
/// automatically, or marks a hand-resolved one as cleared). Re-evaluating a condition that never went away raises nothing,
/// whether its alert is open, acknowledged or resolved by hand.</summary>
public static class AlertRecurrence
{
    public static RecurrenceDecision Decide(PriorAlert? latest) => latest switch
    {
        null => RecurrenceDecision.RaiseFirst,
        { Active: true } => RecurrenceDecision.SkipActive,
        { ConditionClearedAt: not null } => RecurrenceDecision.RaiseAgain,
        _ => RecurrenceDecision.SkipResolvedConditionPersists,
    };

    /// <summary>The sentence a raised-again alert carries, times already written in the clinic's zone by the caller.</summary>
    public static string Why(PriorAlert previous, string raisedAt, string? resolvedAt, string clearedAt) =>
        previous.ResolvedByHand
            ? $"Raised again: an earlier alert of this condition (raised {raisedAt}) was resolved by hand{(resolvedAt is null ? "" : $" on {resolvedAt}")}, "
                + $"the condition was found cleared on {clearedAt}, and it has now arisen anew."
            : $"Raised again: an earlier alert of this condition (raised {raisedAt}) resolved automatically when the condition cleared on {clearedAt}; "
                + "it has now arisen anew.";
}
