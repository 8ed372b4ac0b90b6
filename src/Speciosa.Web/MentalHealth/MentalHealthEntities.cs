namespace Speciosa.Web.MentalHealth;

/// <summary>One scored PHQ-9, GAD-7 or AUDIT-C. The total and band come from the clinical core's InstrumentScorer; every
/// item answer is kept (JSON object item number → score) with the instrument id and version it was scored against.</summary>
public sealed class Screening
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }
    public required string InstrumentId { get; set; }
    public int InstrumentVersion { get; set; }
    public required string AnswersJson { get; set; }
    public int Total { get; set; }
    public string? Band { get; set; }
    public DateTimeOffset AssessedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RatedByUserId { get; set; }

    /// <summary>Filled in by the patient themselves: awaits a staff review.</summary>
    public bool PatientReported { get; set; }

    public Guid? ReviewedByUserId { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
}

/// <summary>A clinician's suicide-risk safety assessment after a positive PHQ-9 item 9 (or on its own): who, when, the
/// outcome, the plan and the structured instrument used (e.g. the C-SSRS, linked, not reproduced).</summary>
public sealed class SafetyAssessment
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }
    public Guid? ScreeningId { get; set; }
    public DateTimeOffset AssessedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid AssessedByUserId { get; set; }
    public required string Outcome { get; set; }
    public required string Plan { get; set; }
    public string? StructuredInstrument { get; set; }
    public int PathwayVersion { get; set; }
}

/// <summary>A DSM-5 use-disorder checklist (opioid, or kratom as other/unknown substance) at entry or at a review: the
/// criteria met, whether the substance is taken only under medical supervision, and the severity the core computed.</summary>
public sealed class UseDisorderAssessment
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }
    public required string Substance { get; set; }
    public required string Occasion { get; set; }
    public required string CriteriaMetJson { get; set; }
    public bool UnderMedicalSupervision { get; set; }
    public int CountedCriteria { get; set; }
    public string? Severity { get; set; }
    public int CriteriaVersion { get; set; }
    public DateTimeOffset AssessedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public string? Note { get; set; }
}
