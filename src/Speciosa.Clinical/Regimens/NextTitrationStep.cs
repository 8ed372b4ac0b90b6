namespace Speciosa.Clinical.Regimens;

/// <summary>The next ordered step: its grams, the day it is (or was) due and, when held, why.
/// A held step starts on the first day its condition is met; <see cref="HeldBecause"/> says what is missing.</summary>
public sealed record NextTitrationStep(int StepNumber, decimal GramsPerAdministration, DateOnly DueOn, ScoreCondition? HoldUntil, string? HeldBecause)
{
    public bool IsHeld => HeldBecause is not null;
}
