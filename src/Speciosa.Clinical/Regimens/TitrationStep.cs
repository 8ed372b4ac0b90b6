namespace Speciosa.Clinical.Regimens;

/// <summary>One step the clinician ordered: the new grams per administration, how many days after the previous
/// step (or the regimen start) it becomes due, and optionally a score condition it is held on until met.</summary>
public sealed record TitrationStep(decimal GramsPerAdministration, int DaysAfterPreviousStep, ScoreCondition? HoldUntil = null);
