namespace Speciosa.Clinical.Withdrawal.Instruments;

/// <summary>How a measured value (COWS resting pulse in beats per minute) turns into the item's score.
/// Plausible limits reject typing errors; they are input checks, not clinical thresholds.</summary>
public sealed record ItemMeasurement
{
    public required string Unit { get; init; }
    public required int PlausibleMin { get; init; }
    public required int PlausibleMax { get; init; }

    /// <summary>Ascending cut-offs; the first whose <see cref="MeasurementCutoff.UpTo"/> is at least the value
    /// (or is open) gives the score.</summary>
    public IReadOnlyList<MeasurementCutoff> Cutoffs { get; init; } = [];
}

/// <summary>Values up to and including <see cref="UpTo"/> (null: no upper limit) score <see cref="Score"/>.</summary>
public sealed record MeasurementCutoff
{
    public int? UpTo { get; init; }
    public required int Score { get; init; }
}
