namespace Speciosa.Clinical.Withdrawal.Instruments;

/// <summary>An inclusive range of whole-number scores, e.g. a COWS total 0–48.</summary>
public sealed record ScoreRange
{
    public required int Min { get; init; }
    public required int Max { get; init; }

    /// <summary>True when <paramref name="score"/> lies within Min..Max inclusive.</summary>
    public bool Contains(int score) => score >= Min && score <= Max;

    public override string ToString() => $"{Min}–{Max}";
}
