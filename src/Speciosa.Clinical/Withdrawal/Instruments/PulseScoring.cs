namespace Speciosa.Clinical.Withdrawal.Instruments;

/// <summary>The COWS pulse item score for a resting pulse, or why the pulse was refused.</summary>
public sealed record PulseItemScore(int? Score, string? Problem)
{
    /// <summary>True when the pulse was plausible and <see cref="Score"/> is set.</summary>
    public bool IsScored => Score is not null;
}

/// <summary>Scores the COWS resting-pulse item from beats per minute, using the cut-offs in the COWS definition
/// (≤80 → 0, 81–100 → 1, 101–120 → 2, &gt;120 → 4 [S2, S3]).</summary>
public static class PulseScoring
{
    /// <summary>The COWS item number of the resting pulse.</summary>
    public const int CowsPulseItem = 1;

    /// <summary>Pulse item score from the embedded COWS definition.</summary>
    public static PulseItemScore CowsPulseItemScore(int beatsPerMinute) =>
        CowsPulseItemScore(InstrumentCatalog.Default.Get(InstrumentCatalog.CowsId), beatsPerMinute);

    /// <summary>Pulse item score from the given COWS definition; refuses a pulse outside its plausible limits.</summary>
    public static PulseItemScore CowsPulseItemScore(InstrumentDefinition cows, int beatsPerMinute)
    {
        ArgumentNullException.ThrowIfNull(cows);
        var item = cows.Item(CowsPulseItem);
        var measurement = item?.Measurement
            ?? throw new InvalidOperationException($"Instrument '{cows.Id}' has no measured pulse item {CowsPulseItem}.");

        if (beatsPerMinute < measurement.PlausibleMin || beatsPerMinute > measurement.PlausibleMax)
        {
            return new PulseItemScore(null,
                $"A resting pulse of {beatsPerMinute} {measurement.Unit} is not plausible; enter a value from " +
                $"{measurement.PlausibleMin} to {measurement.PlausibleMax}.");
        }

        var cutoff = measurement.Cutoffs.First(c => c.UpTo is null || beatsPerMinute <= c.UpTo);
        return new PulseItemScore(cutoff.Score, null);
    }
}
