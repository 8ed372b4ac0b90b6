namespace Speciosa.Web.Liver;

/// <summary>The patient's kratom history as staff entered it (table KratomHistories, one row per patient): the date of
/// first kratom use and where that date came from. RUCAM item 1 counts latency from the first exposure, which for most
/// patients is before enrolment (audit E8); without this row the worksheet falls back to the first logged dose and says so.</summary>
public sealed class KratomHistory
{
    public Guid PatientId { get; set; }

    /// <summary>The day of first kratom use (the clinic's calendar day, as the patient or records give it).</summary>
    public DateOnly FirstUseOn { get; set; }

    /// <summary>Where the date came from, in words (e.g. "patient's account at intake", "GP letter 2026-03-01").</summary>
    public required string Basis { get; set; }

    public Guid EnteredByUserId { get; set; }
    public DateTimeOffset EnteredAt { get; set; }

    /// <summary>Changes on every save; a replacement must name the stamp it read, so a lost update is a 409.</summary>
    public Guid ConcurrencyStamp { get; set; }
}
