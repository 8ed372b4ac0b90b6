namespace Speciosa.Web.Safety;

/// <summary>An adverse event recorded for a patient (table AdverseEvents). Term, grade, outcome, relatedness and
/// seriousness are as validated by the clinical core; <see cref="Serious"/> is the core's assessment at recording.</summary>
public sealed class AdverseEventRecord
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }

    /// <summary>Catalogued term id (knowledge/safety/adverse-event-terms.json), or null for a free-text term.</summary>
    public string? TermId { get; set; }

    public required string TermText { get; set; }
    public int Grade { get; set; }
    public DateTimeOffset Onset { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Code from <see cref="Speciosa.Clinical.Safety.AdverseEventCodes.Outcomes"/>.</summary>
    public required string Outcome { get; set; }

    public required string Relatedness { get; set; }

    /// <summary>Comma-separated seriousness criterion codes (may be empty).</summary>
    public required string SeriousnessCriteria { get; set; }

    public bool Serious { get; set; }

    /// <summary>Action taken with kratom: <see cref="AdverseEventActions.All"/>.</summary>
    public required string ActionTaken { get; set; }

    public string? Description { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public bool EnteredInError { get; set; }

    /// <summary>A draft made from a patient's side-effect report (issue 14 item 3): the grade is the patient's word turned into a
    /// draft grade, relatedness is "not-assessed" and seriousness is not assessed, until a clinician records the event.</summary>
    public bool Draft { get; set; }

    /// <summary>Entered by the patient themselves through the portal.</summary>
    public bool PatientReported { get; set; }
    public string? EnteredInErrorReason { get; set; }
}

/// <summary>What was done with kratom because of the event (MedWatch 3500 dechallenge context).</summary>
public static class AdverseEventActions
{
    public static readonly IReadOnlyList<string> All =
        ["none", "dose-reduced", "interrupted", "withdrawn", "dose-increased", "not-applicable", "unknown"];
}
