namespace Speciosa.Web.Withdrawal;

/// <summary>One scored instrument (COWS, SOWS, SOWS-Gossop, craving VAS). The total and band are computed on the
/// server by the clinical core; every item answer is kept (JSON object item number → score).</summary>
public sealed class Assessment
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }
    public Guid? EpisodeId { get; set; }
    public required string InstrumentId { get; set; }
    public int InstrumentVersion { get; set; }
    public required string AnswersJson { get; set; }

    /// <summary>COWS resting pulse in bpm when it was entered (it scored item 1).</summary>
    public int? PulseBpm { get; set; }

    public int Total { get; set; }
    public string? Band { get; set; }
    public DateTimeOffset AssessedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RatedByUserId { get; set; }

    /// <summary>Rated by the patient themselves: awaits a staff review.</summary>
    public bool PatientReported { get; set; }

    public Guid? ReviewedByUserId { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
}
