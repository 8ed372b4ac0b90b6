namespace Speciosa.Web.Jurisdictions;

/// <summary>A clinician went ahead despite a legal warning (status unknown, stale, unverified, a change
/// announced, or a 7-OH limit that cannot be judged). Kept so the decision can be reviewed later.</summary>
public sealed class LegalConfirmation
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }
    public Guid PatientId { get; set; }
    /// <summary>What was being done: <c>enrolment</c>, <c>regimen</c>, <c>lot</c>.</summary>
    public required string Context { get; set; }
    public Guid ConfirmedByUserId { get; set; }
    public DateTimeOffset ConfirmedAt { get; set; }
    /// <summary>The registry entry the decision rested on, if any.</summary>
    public string? EntryId { get; set; }
    /// <summary>The warnings as shown to the clinician.</summary>
    public required string Warnings { get; set; }
}
