namespace Speciosa.Web.Alerts;

/// <summary>A persisted clinical alert (table Alerts): the rule and version that raised it, its condition key
/// (one open alert per rule and key), the message, the inputs it saw (JSON list of name/value), the threshold
/// and the source. Written in the same SaveChanges as the record that triggered it.</summary>
public sealed class RaisedAlert
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }
    public Guid PatientId { get; set; }
    public required string RuleId { get; set; }
    public int RuleVersion { get; set; }
    public required string Severity { get; set; }
    public required string ConditionKey { get; set; }
    public required string Message { get; set; }
    public required string InputsJson { get; set; }
    public required string Threshold { get; set; }
    public required string SourceCitation { get; set; }
    public string? SourceUrl { get; set; }

    /// <summary>open, acknowledged or resolved (<see cref="AlertStatus"/>).</summary>
    public required string Status { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>Info 0, Warning 1, High 2, Critical 3: lets the worklist sort by severity in SQL.</summary>
    public int SeverityRank { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedByUserId { get; set; }
    public string? AcknowledgementNote { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Who resolved it by hand; null with a resolution time means resolved automatically when the
    /// condition cleared on re-evaluation.</summary>
    public Guid? ResolvedByUserId { get; set; }

    public string? ResolutionReason { get; set; }

    /// <summary>When an evaluation found the condition absent (M0027): set on automatic resolution, and later on an alert
    /// resolved by hand. Only then is the same condition raised again (<see cref="Speciosa.Clinical.Alerts.AlertRecurrence"/>).</summary>
    public DateTimeOffset? ConditionClearedAt { get; set; }

    /// <summary>The earlier alert of the same condition when this one was raised again after it cleared (M0027).</summary>
    public Guid? PreviousAlertId { get; set; }

    /// <summary>The person the alert is assigned to (M0027), a user of the clinic.</summary>
    public Guid? AssignedToUserId { get; set; }

    /// <summary>Snoozed until this instant (M0027): off the open worklist until then, back on it after.</summary>
    public DateTimeOffset? SnoozedUntil { get; set; }

    public string? SnoozeReason { get; set; }

    public Guid? SnoozedByUserId { get; set; }

    /// <summary>Changes on every acknowledge/resolve, so two people acting at once get a 409, not a lost update.</summary>
    public Guid ConcurrencyStamp { get; set; }
}

public static class AlertStatus
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    public static readonly IReadOnlyList<string> All = [Open, Acknowledged, Resolved];
}
