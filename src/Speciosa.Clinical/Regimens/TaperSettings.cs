namespace Speciosa.Clinical.Regimens;

/// <summary>What the clinician chose for a taper-off calendar; nothing here has a default. <see cref="WeeklyReduction"/>
/// is a share (0.10 = 10%) used by the two percent methods; the CDC 2022 method uses its own published 10% and 30%
/// and needs <see cref="UseDuration"/> (weekly steps under a year of use, monthly steps after a year or more).</summary>
public sealed record TaperSettings(
    TaperMethod Method,
    DateOnly StartDate,
    decimal StartingGramsPerDay,
    decimal RoundingStepGrams,
    decimal? WeeklyReduction = null,
    TaperUseDuration? UseDuration = null);
