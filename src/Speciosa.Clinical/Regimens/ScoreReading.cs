namespace Speciosa.Clinical.Regimens;

/// <summary>A recorded COWS or SOWS total and when it was taken.</summary>
public sealed record ScoreReading(WithdrawalScale Scale, DateTimeOffset TakenAt, int Total);
