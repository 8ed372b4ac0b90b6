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
}

public static class AlertStatus
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
}
