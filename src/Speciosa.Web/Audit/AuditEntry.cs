namespace Speciosa.Web.Audit;

/// <summary>One append-only audit row. Ids and categories only: never clinical values or names.
/// <see cref="Hash"/> covers this row's canonical form and <see cref="PreviousHash"/>, so editing,
/// inserting or deleting a row breaks the chain.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>1, 2, 3… without gaps; a gap means a deleted row.</summary>
    public long Sequence { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public Guid? UserId { get; set; }
    public Guid? ClinicId { get; set; }
    public required string Action { get; set; }
    public required string ResourceType { get; set; }
    public string? ResourceId { get; set; }
    public Guid? PatientId { get; set; }

    /// <summary>The patients a list showed (patient list, alert worklist, lot exposures): their ids, "N"-formatted and
    /// comma-separated in the order shown, or null for a request about one patient or none (migration M0017).</summary>
    public string? PatientIdsShown { get; set; }
    public required string Outcome { get; set; }
    public required string CorrelationId { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
