namespace Speciosa.Clinical.Regimens;

/// <summary>A step in effect from <see cref="StartedOn"/>. Step number 0 is the regimen's starting dose.</summary>
public sealed record TitrationStepStart(int StepNumber, decimal GramsPerAdministration, DateOnly StartedOn);
