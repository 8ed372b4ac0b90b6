namespace Speciosa.Clinical.Regimens;

/// <summary>The next ordered step: its grams and the day it is (or was) due. A step never starts by itself:
/// <list type="bullet">
/// <item><see cref="AwaitingDecision"/>: its day has come and its hold (if any) is met by a staff-rated reading; the
/// clinician confirms or declines it. <see cref="Evidence"/> holds the readings behind it.</item>
/// <item><see cref="HeldBecause"/>: its hold is not met; says what is missing (clinician wording: it names the threshold).</item>
/// <item>Neither: not due yet.</item>
/// </list></summary>
public sealed record NextTitrationStep(
    int StepNumber,
    decimal GramsPerAdministration,
    DateOnly DueOn,
    ScoreCondition? HoldUntil,
    string? HeldBecause,
    bool AwaitingDecision = false,
    IReadOnlyList<ScoreReading>? Evidence = null,
    TitrationDecision? LastDeclined = null)
{
    public bool IsHeld => HeldBecause is not null;

    public IReadOnlyList<ScoreReading> Readings => Evidence ?? [];
}
