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

    /// <summary>The dose amount as the clinician wrote it ("0.5", "1-2"), or null. Recorded, never proposed. Rows from before
    /// migration M0022 may hold the unit too ("0.5 mg") with <see cref="Unit"/> null.</summary>
    public string? Dose { get; set; }

    /// <summary>The dose unit, one of the catalogue's units (mg, mcg, tablet…), or null (M0022).</summary>
    public string? Unit { get; set; }

    /// <summary>The route, one of the catalogue's routes (oral, sublingual…), or null (M0022).</summary>
    public string? Route { get; set; }

    /// <summary>The day the patient started it, if known (M0022).</summary>
    public DateOnly? StartedOn { get; set; }

    /// <summary>The frequency as the clinician wrote it ("tid"), or null.</summary>
    public string? Frequency { get; set; }

    /// <summary>Comma-separated class ids from the drug class catalogue (may be empty).</summary>
    public required string Classes { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }

    /// <summary>When the stop was recorded; null while the medicine is current.</summary>
    public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>The day the patient stopped it (M0022).</summary>
    public DateOnly? StoppedOn { get; set; }

    public string? StopReason { get; set; }
    public Guid? StoppedByUserId { get; set; }
    public bool EnteredInError { get; set; }
    public string? EnteredInErrorReason { get; set; }
    public DateTimeOffset? EnteredInErrorAt { get; set; }
    public Guid? EnteredInErrorByUserId { get; set; }

    /// <summary>Changes on every stop or correction; a stale one is refused (409 stale-write).</summary>
    public Guid ConcurrencyStamp { get; set; }

    /// <summary>The dose with its unit as written, e.g. "0.5 mg"; null when no dose was written.</summary>
    public string? DoseText => Dose is null ? null : Unit is null ? Dose : $"{Dose} {Unit}";

    public bool IsCurrent => !EnteredInError && StoppedAt is null;
}
