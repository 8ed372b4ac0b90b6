namespace Speciosa.Clinical.Withdrawal.Instruments;

/// <summary>One item of an instrument: its number and published label, how to assess it, and the scores it
/// allows: either the listed options (which may skip values, COWS pulse 0/1/2/4) or any whole number in a
/// range (craving VAS 0–100).</summary>
public sealed record InstrumentItem
{
    public required int Number { get; init; }
    public required string Label { get; init; }
    public string AssessmentCondition { get; init; } = "";
    public IReadOnlyList<ItemOption> Options { get; init; } = [];
    public ScoreRange? WholeNumberRange { get; init; }

    /// <summary>Present when the item is scored from a measurement (COWS pulse from beats per minute).</summary>
    public ItemMeasurement? Measurement { get; init; }

    /// <summary>True when <paramref name="score"/> is one of the item's allowed scores.</summary>
    public bool Allows(int score) =>
        WholeNumberRange?.Contains(score) ?? Options.Any(o => o.Score == score);

    /// <summary>Every allowed score in ascending order (a range item lists each whole number).</summary>
    public IReadOnlyList<int> AllowedScores() =>
        WholeNumberRange is { } range
            ? Enumerable.Range(range.Min, range.Max - range.Min + 1).ToList()
            : Options.Select(o => o.Score).Order().ToList();

    /// <summary>The allowed scores as a reader sees them: "0, 1, 2, 4" or "any whole number 0–100".</summary>
    public string AllowedScoresText() =>
        WholeNumberRange is { } range
            ? $"any whole number {range}"
            : string.Join(", ", AllowedScores());

    /// <summary>Lowest score this item can add to the total.</summary>
    public int MinScore => WholeNumberRange?.Min ?? Options.Min(o => o.Score);

    /// <summary>Highest score this item can add to the total.</summary>
    public int MaxScore => WholeNumberRange?.Max ?? Options.Max(o => o.Score);
}
