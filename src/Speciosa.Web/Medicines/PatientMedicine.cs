namespace Speciosa.Web.Medicines;

/// <summary>A concomitant medicine or substance the patient takes (table PatientMedicines): name as recorded,
/// optional RxNorm code and the drug class ids the clinician assigned. Stopping or "entered in error" ends it for
/// screening; rows are never deleted.</summary>
public sealed class PatientMedicine
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }
    public required string Name { get; set; }
    public string? RxNorm { get; set; }

    /// <summary>The dose as the clinician wrote it ("0.5 mg"), or null (migration M0011). Recorded, never proposed.</summary>
    public string? Dose { get; set; }

    /// <summary>The frequency as the clinician wrote it ("tid"), or null.</summary>
    public string? Frequency { get; set; }

    /// <summary>Comma-separated class ids from the drug class catalogue (may be empty).</summary>
    public required string Classes { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
    public bool EnteredInError { get; set; }
    public string? EnteredInErrorReason { get; set; }
}
