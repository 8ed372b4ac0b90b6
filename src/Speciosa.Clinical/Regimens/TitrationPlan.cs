namespace Speciosa.Clinical.Regimens;

/// <summary>The clinician's titration: an explicit list of steps. Speciosa carries these out and adds none.</summary>
public sealed record TitrationPlan(IReadOnlyList<TitrationStep> Steps)
{
    /// <summary>Writes out a clinician's rule such as "+0.5 g per dose every 3 days up to 3 g" as explicit steps
    /// for the clinician to review. It stops at the last step not above the ceiling: it never rounds a step to
    /// the ceiling or beyond it.</summary>
    public static TitrationPlan Uniform(
        decimal startingGramsPerAdministration,
        decimal increaseGrams,
        int everyDays,
        decimal ceilingGramsPerAdministration,
        ScoreCondition? holdEachStepUntil = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startingGramsPerAdministration);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(increaseGrams);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(everyDays);

        var steps = new List<TitrationStep>();
        for (var grams = startingGramsPerAdministration + increaseGrams; grams <= ceilingGramsPerAdministration; grams += increaseGrams)
        {
            steps.Add(new TitrationStep(grams, everyDays, holdEachStepUntil));
        }

        return new TitrationPlan(steps);
    }
}
