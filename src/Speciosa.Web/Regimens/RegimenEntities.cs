namespace Speciosa.Web.Regimens;

/// <summary>A patient's dosing regimen for one product. The order itself lives in <see cref="RegimenVersion"/> rows
/// (every version kept); the columns here mirror the current version so "who is on this lot" and "active on a day"
/// are answered from indexes. <see cref="ConcurrencyStamp"/> makes a lost amendment a 409.</summary>
public sealed class Regimen
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }
    public Guid PatientId { get; set; }
    public Guid ProductId { get; set; }

    /// <summary>The ordered lot; null for "any released lot of this product".</summary>
    public Guid? LotId { get; set; }

    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int CurrentVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>One version of a regimen order as the clinician wrote it (who, when, why), with the legal decision it
/// was saved under and, for a warn-and-confirm decision, who confirmed which warnings when.
/// Breaks, titration and taper are the core's records as JSON (<see cref="RegimenJson"/>).</summary>
public sealed class RegimenVersion
{
    public Guid Id { get; set; }
    public Guid RegimenId { get; set; }
    public int Version { get; set; }
    public Guid ProductId { get; set; }
    public Guid? LotId { get; set; }
    public decimal GramsPerAdministration { get; set; }
    public int MaxAdministrationsPerDay { get; set; }
    public decimal MaxGramsPerDay { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public required string BreaksJson { get; set; }
    public string? TitrationJson { get; set; }
    public string? TaperJson { get; set; }
    public required string Reason { get; set; }
    public Guid AuthoredBy { get; set; }
    public DateTimeOffset AuthoredAt { get; set; }

    /// <summary>Allow or WarnAndConfirm (a refused order is never saved).</summary>
    public required string LegalOutcome { get; set; }

    /// <summary>The warnings' texts and sources the clinician confirmed (JSON), null when allowed outright.</summary>
    public string? LegalWarningsJson { get; set; }

    public Guid? LegalConfirmedBy { get; set; }
    public DateTimeOffset? LegalConfirmedAt { get; set; }
}

/// <summary>A dose given by staff against the order, or reported by the patient (<see cref="Source"/>).
/// A refused staff dose is never stored. Alkaloid milligrams are computed on read from the lot's certificate
/// (or the label claim, marked estimate).</summary>
public sealed class Dose
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }
    public Guid PatientId { get; set; }
    public Guid? RegimenId { get; set; }
    public int? RegimenVersion { get; set; }
    public Guid? LotId { get; set; }
    public DateTimeOffset GivenAt { get; set; }
    public decimal Grams { get; set; }

    /// <summary>StaffGiven or PatientReported (<see cref="Speciosa.Clinical.Regimens.DoseSource"/>).</summary>
    public required string Source { get; set; }

    public Guid RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Legal warnings confirmed when this dose chose a lot under an "any released lot" order (JSON).</summary>
    public string? LegalWarningsJson { get; set; }

    /// <summary>Given, Held, Refused or Missed (<see cref="Speciosa.Clinical.Regimens.DoseStatus"/>; M0026: doses from
    /// before are Given). Only a given dose is a dose: the context's query filter hides the others from every read of
    /// <c>Doses</c> (limits, charts, intake, exposure, extracts); the dose log reads them with <c>IgnoreQueryFilters</c>.</summary>
    public string Status { get; set; } = nameof(Speciosa.Clinical.Regimens.DoseStatus.Given);

    /// <summary>Why a dose was not given (required for every status but Given).</summary>
    public string? StatusReason { get; set; }

    /// <summary>The nurse's note on this dose, as written.</summary>
    public string? Note { get; set; }
}

/// <summary>A clinician's decision on a due titration step (<see cref="Speciosa.Clinical.Regimens.TitrationDecision"/>):
/// confirmed (the step starts that clinic day) or declined (with the reason). Keeps who, when, the regimen version and
/// the staff-rated readings the prompt showed (JSON). Never deleted or changed.</summary>
public sealed class TitrationDecisionRecord
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }
    public Guid PatientId { get; set; }
    public Guid RegimenId { get; set; }
    public int RegimenVersion { get; set; }
    public int StepNumber { get; set; }
    public decimal GramsPerAdministration { get; set; }
    public bool Confirmed { get; set; }
    public Guid DecidedBy { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public required string ReadingsJson { get; set; }

    /// <summary>Why the step was declined (required then); null for a confirmation.</summary>
    public string? Reason { get; set; }
}
