namespace Speciosa.Web.Withdrawal;

/// <summary>One opioid the patient reports using: substance (from the opioid substance knowledge file), daily
/// amount and unit, formulation, route, how long, and when last used. MME is computed on read by the clinical
/// core, so a record shows the current table's figure with its version, never a stored guess.</summary>
public sealed class OpioidUse
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }
    public required string SubstanceId { get; set; }
    public decimal AmountPerDay { get; set; }

    /// <summary>"mg/day" or "mcg/hr" (transdermal fentanyl).</summary>
    public required string Unit { get; set; }

    /// <summary>"immediate" or "extended" release; decides the expected withdrawal course.</summary>
    public required string Release { get; set; }

    public required string Route { get; set; }
    public int? DurationDays { get; set; }
    public DateTimeOffset LastUseAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
}

/// <summary>A withdrawal episode: starts at the last use of an opioid; its expected course comes from the
/// versioned course knowledge (class and version recorded when it was opened).</summary>
public sealed class WithdrawalEpisode
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }
    public Guid OpioidUseId { get; set; }
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Course class id from withdrawal-courses.json, or null when the knowledge has none for the opioid.</summary>
    public string? CourseClassId { get; set; }

    public int CourseVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
}
