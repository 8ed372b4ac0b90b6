namespace Speciosa.Clinical.Withdrawal.Instruments;

/// <summary>A published severity band of an instrument's total, inclusive at both ends (COWS "moderate" = 13–24).</summary>
public sealed record SeverityBand
{
    public required string Label { get; init; }
    public required int Min { get; init; }
    public required int Max { get; init; }

    /// <summary>True when the total falls in this band.</summary>
    public bool Contains(int total) => total >= Min && total <= Max;
}
