namespace Speciosa.Web.Vitals;

/// <summary>One set of vital signs taken together (table VitalSigns, migration M0013). Units: heart rate /min,
/// blood pressure mm[Hg], respiratory rate /min, SpO2 %, temperature Cel (UCUM; LOINC in knowledge/vitals). Any value
/// may be absent. When taken with a COWS, the heart rate IS that assessment's resting pulse
/// (<see cref="HeartRateAssessmentId"/>): one reading, stored on both, never two that could differ. Never deleted.</summary>
public sealed class VitalSignSet
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }
    public DateTimeOffset TakenAt { get; set; }
    public int? HeartRateBpm { get; set; }

    /// <summary>The COWS assessment whose resting pulse is this heart rate, when they were taken together.</summary>
    public Guid? HeartRateAssessmentId { get; set; }

    public int? SystolicMmHg { get; set; }
    public int? DiastolicMmHg { get; set; }
    public int? RespiratoryRatePerMin { get; set; }
    public int? Spo2Percent { get; set; }
    public decimal? TemperatureCelsius { get; set; }

    /// <summary>Pasero Opioid-induced Sedation Scale level (S, 1–4) or null.</summary>
    public string? Poss { get; set; }

    /// <summary>The POSS definition version the level was recorded against (knowledge/vitals/vital-signs.json).</summary>
    public int? PossVersion { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
}

/// <summary>An ECG (table Ecgs, migration M0013): the QTc in ms as the ECG or its reader gave it, with the correction
/// formula named (never recomputed), optionally the QT and heart rate, and the reader's words.</summary>
public sealed class Ecg
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }
    public DateTimeOffset TakenAt { get; set; }
    public int QtcMs { get; set; }
    public required string CorrectionFormula { get; set; }
    public int? QtMs { get; set; }
    public int? HeartRateBpm { get; set; }
    public string? Interpretation { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
}
