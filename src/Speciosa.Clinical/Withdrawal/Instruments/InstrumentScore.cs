namespace Speciosa.Clinical.Withdrawal.Instruments;

/// <summary>A scored assessment: every item answer, the computed total, the band (null below the first band or
/// for instruments without bands) and the instrument id and version it was scored against.</summary>
public sealed record InstrumentScore(
    string InstrumentId,
    int InstrumentVersion,
    IReadOnlyDictionary<int, int> Answers,
    int Total,
    SeverityBand? Band,
    string? BandLabel);
