namespace Speciosa.Clinical.Regimens;

/// <summary>A clinician's decision on a due titration step: confirmed (the step starts on the clinic day of the
/// decision) or declined (the step stays where it is). A decision names the step by number and grams, so a decision
/// taken under one titration plan never starts a different step of an amended plan.</summary>
public sealed record TitrationDecision(int StepNumber, decimal GramsPerAdministration, bool Confirmed, DateTimeOffset DecidedAt);
