namespace Speciosa.Web.Liver;

/// <summary>One liver test result as the reporting lab gave it (table LabResults): test, LOINC, value and UCUM
/// unit as reported, the lab's reference range (upper limit = ULN; null: the clinic default applies), collection
/// time and whether it is the pre-exposure baseline. Never deleted: "entered in error" with a reason.</summary>
public sealed class LabResult
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }

    /// <summary>Alt, Ast, Alp, TotalBilirubin, Ggt or Inr (<see cref="Speciosa.Clinical.Liver.LiverTest"/>).</summary>
    public required string Test { get; set; }

    public required string Loinc { get; set; }
    public decimal Value { get; set; }
    public required string Unit { get; set; }
    public decimal? ReferenceLow { get; set; }
    public decimal? UpperLimitOfNormal { get; set; }
    public DateTimeOffset CollectedAt { get; set; }
    public bool IsBaseline { get; set; }
    public string? LabName { get; set; }

    /// <summary>The sender's identifier of this result (<c>system|value</c> of a FHIR Observation's identifier), when it
    /// came in a FHIR Bundle: unique per patient, so the same Observation sent again adds nothing (M0028).</summary>
    public string? SourceIdentifier { get; set; }

    /// <summary>api, form or csv.</summary>
    public required string EnteredVia { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public bool EnteredInError { get; set; }
    public string? EnteredInErrorReason { get; set; }

    /// <summary>When it was marked entered in error (M0030; null before, and for results marked before M0030): the FHIR
    /// export's <c>_since</c> finds the corrected result by it.</summary>
    public DateTimeOffset? EnteredInErrorAt { get; set; }
}
